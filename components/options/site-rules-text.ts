import { type RejectedEntry, type RuleRejection, readRule, type SiteMode } from '@/lib/ext/site-rules';
import { translatePlural } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';

/** Rejected entries named in the import report; the rest are counted. */
const MAX_REJECTED_SHOWN = 5;

export const SITE_MODES: readonly { value: SiteMode; label: StringKey }[] = [
  { value: 'all-except-listed', label: 'optModeAllExcept' },
  { value: 'only-listed', label: 'optModeOnlyListed' },
];

/** What was typed in the Add a site field: its rule key, or the error to show under the field. */
export function readSiteInput(lang: Lang, draft: string): { key: string } | { error: string } {
  const text = draft.trim();
  if (!text) return { error: translate(lang, 'optSiteEmpty') };
  const read = readRule(text);
  if ('key' in read) return { key: read.key };
  if (read.rejected === 'too-long') return { error: translate(lang, 'optSiteTooLong') };
  return { error: translate(lang, 'optSiteInvalid', { input: shorten(text, 80) }) };
}

export interface ImportOutcome {
  fileName: string;
  /** Sites new to the list. */
  added: number;
  /** Entries of the file that are not sites, with why. */
  rejected: readonly RejectedEntry[];
  fileMode: SiteMode | undefined;
  currentMode: SiteMode | null;
  /** Muted names new to the list. */
  mutedAdded?: number;
}

/** The status after an import: what was added, what was skipped, and that the file's mode was not applied. */
export function importReport(lang: Lang, outcome: ImportOutcome): string {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const { fileName, added, rejected, currentMode } = outcome;
  const plural = new Intl.PluralRules(lang).select(added) === 'one' ? 'optImportAdded_one' : 'optImportAdded_other';
  const report = [t(plural, { file: fileName, count: new Intl.NumberFormat(lang).format(added) })];
  if (rejected.length > 0) report.push(t('optImportRejected', { entries: listRejected(lang, rejected) }));
  const fileMode = SITE_MODES.find((m) => m.value === outcome.fileMode);
  if (fileMode && fileMode.value !== currentMode) report.push(t('optImportModeKept', { mode: t(fileMode.label) }));
  if (outcome.mutedAdded) report.push(translatePlural(lang, 'optImportMuted', outcome.mutedAdded));
  return report.join(' ');
}

const REASONS: Record<RuleRejection, StringKey> = {
  'not-text': 'rejectReason_notText',
  'too-long': 'rejectReason_tooLong',
  'not-a-site': 'rejectReason_notASite',
};

/** The first few rejected entries, quoted as the language quotes, each with its reason; the rest only counted. */
function listRejected(lang: Lang, rejected: readonly RejectedEntry[]): string {
  const shown = rejected
    .slice(0, MAX_REJECTED_SHOWN)
    .map(({ entry, reason }) => `${quote(lang, entry)} (${translate(lang, REASONS[reason])})`);
  return withMore(lang, shown, rejected.length);
}

/** Stored entries that are not sites, for the notice that asks to remove them. */
export function listUnreadable(lang: Lang, entries: readonly unknown[]): string {
  return withMore(
    lang,
    entries.slice(0, MAX_REJECTED_SHOWN).map((entry) => quote(lang, entry)),
    entries.length,
  );
}

function quote(lang: Lang, entry: unknown): string {
  const short = shorten(typeof entry === 'string' ? entry : String(JSON.stringify(entry)), 60);
  return lang === 'fr' ? `« ${short} »` : `“${short}”`;
}

function withMore(lang: Lang, shown: string[], total: number): string {
  const more = total - shown.length;
  if (more > 0) shown.push(translate(lang, 'optImportMore', { count: new Intl.NumberFormat(lang).format(more) }));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(shown);
}

/** Cut with an ellipsis, so that a paragraph pasted by mistake does not fill the message. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
