import { MAX_SITES } from '@/lib/ext/site-rules-store';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { SiteRulesMessage } from './SiteRulesStatus';
import type { SitesOutcome } from './useSavedSettings';

/**
 * What to say when a save failed: that it did, and why when the browser's
 * answer tells (its quota messages, which Chrome and Firefox word
 * differently), so the user knows whether trying again can help.
 */
export function saveErrorText(lang: Lang, error: unknown): string {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  let reason = '';
  if (/WRITE_OPERATIONS/i.test(message)) reason = translate(lang, 'optSaveReasonRate');
  else if (/quota|QUOTA_BYTES|MAX_ITEMS/i.test(message)) reason = translate(lang, 'optSaveReasonSpace');
  else if (/More than \d+ sites/.test(message)) {
    reason = translate(lang, 'optSaveReasonTooMany', { max: new Intl.NumberFormat(lang).format(MAX_SITES) });
  } else if (/SiteRulesUnavailableError/.test(message)) reason = translate(lang, 'optSaveReasonUnavailable');
  return reason ? `${translate(lang, 'optSaveFailed')} ${reason}` : translate(lang, 'optSaveFailed');
}

/** What a change becomes once stored: its own message, and a word when the list moved in or out of sync. */
export function outcomeText(lang: Lang, outcome: SitesOutcome, done: string): SiteRulesMessage {
  if (!outcome.ok)
    return { kind: 'error', text: `${saveErrorText(lang, outcome.error)} ${translate(lang, 'optShownStored')}` };
  if (!outcome.movedFrom) return { kind: 'status', text: done };
  const moved = translate(lang, outcome.area === 'local' ? 'optMovedLocal' : 'optMovedSync');
  return { kind: 'status', text: `${done} ${moved}` };
}
