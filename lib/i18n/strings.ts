import { cardEn, cardFr } from './card-strings';
import { coreEn, coreFr } from './core-strings';
import type { Lang } from './language';
import { packEn, packFr } from './pack-strings';
import { settingsEn, settingsFr } from './settings-strings';

/**
 * Interface strings in both languages. Kept in code rather than only in
 * `_locales` because the card and popup let the user switch language
 * without changing the browser's, which `i18n.getMessage` cannot do.
 */
const en = { ...coreEn, ...settingsEn, ...cardEn, ...packEn } as const;

export type StringKey = keyof typeof en;

export const STRING_KEYS = Object.keys(en) as StringKey[];

const fr: Record<StringKey, string> = { ...coreFr, ...settingsFr, ...cardFr, ...packFr };

const catalog: Record<Lang, Record<StringKey, string>> = { en, fr };

/** Looks up a string and fills `{name}` placeholders with plain text (never markup). */
export function translate(lang: Lang, key: StringKey, params: Record<string, string> = {}): string {
  return catalog[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * A source's date as precisely as it is known: "2025-07" → "July 2025" /
 * "juillet 2025"; "2025-07-14" → "14 July 2025" / "14 juillet 2025".
 * Anything else is returned as it is.
 */
export function formatSourceDate(lang: Lang, date: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined];
  // UTC on both sides: a local time zone must not move the first of the month into the previous one.
  const options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
  if (day !== undefined) options.day = 'numeric';
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  // A day the month does not have ("2025-02-30") would roll over into the next month.
  if (at.getUTCMonth() !== month - 1) return date;
  return new Intl.DateTimeFormat(lang, options).format(at);
}
