import type { Lang } from './language';
import { STRING_KEYS, type StringKey, translate } from './strings';

type PluralBase<K extends string> = K extends `${infer Base}_other` ? Base : never;

/**
 * The plural form of `base` for `count` (`base_one`, `base_other`…) as the
 * language's Intl.PluralRules selects it (French says "0 site", English
 * "0 sites"); a form the catalog lacks falls back to `_other`. `count` is
 * filled in formatted for the language.
 */
export function translatePlural(
  lang: Lang,
  base: PluralBase<StringKey>,
  count: number,
  params: Record<string, string> = {},
): string {
  const form = `${base}_${new Intl.PluralRules(lang).select(count)}`;
  const key = isKey(form) ? form : (`${base}_other` as StringKey);
  return translate(lang, key, { count: new Intl.NumberFormat(lang).format(count), ...params });
}

const KEYS = new Set<string>(STRING_KEYS);

function isKey(key: string): key is StringKey {
  return KEYS.has(key);
}

/** A size as the language writes it ("84 kB", "4 Mo"). */
export function formatBytes(lang: Lang, bytes: number): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (mega ? 1_000_000 : 1000));
}

/** When a snooze ends: the time alone today, with the day otherwise ("8:00 AM", "mar. 08:00"). */
export function formatSnoozeEnd(lang: Lang, until: number, now: number): string {
  const end = new Date(until);
  const sameDay = end.toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(sameDay ? {} : { weekday: 'long' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(end);
}
