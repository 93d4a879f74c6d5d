import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { listUnreadable } from './site-rules-text';
import type { SitesState } from './useSavedSettings';

export interface SitesProblemProps {
  lang: Lang;
  sites: SitesState;
  onRemoveUnreadable: () => void;
}

/**
 * Says what of the stored rules could not be read and what that means: the
 * extension stays off wherever they could have said "off", until the user
 * chooses. Nothing when they were read whole.
 */
export function SitesProblem({ lang, sites, onRemoveUnreadable }: SitesProblemProps) {
  let text: string | null = null;
  if (sites.problem === 'unreadable') text = translate(lang, 'optSitesUnreadable');
  else if (sites.problem === 'incomplete') text = translate(lang, 'optSitesIncomplete');
  else if (sites.mode === null) text = translate(lang, 'optModeUnknown');
  const entries = sites.problem === 'unreadable' || sites.problem === 'incomplete' ? [] : sites.unreadable;
  if (!text && entries.length === 0) return null;
  return (
    <div class="notice sites-problem" role="status">
      {text && <p>{text}</p>}
      {entries.length > 0 && (
        <>
          <p>
            {translate(
              lang,
              sites.mode === 'only-listed' ? 'optEntriesUnreadableOnlyListed' : 'optEntriesUnreadableAllExcept',
              { entries: listUnreadable(lang, entries) },
            )}
          </p>
          {sites.mode !== null && (
            <button type="button" onClick={onRemoveUnreadable}>
              {translate(lang, 'optRemoveUnreadable')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
