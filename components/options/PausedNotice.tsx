import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { SaveError } from './SaveError';

export interface PausedNoticeProps {
  lang: Lang;
  onResume: () => void;
  /** Why resuming could not be saved. */
  error?: string | null;
}

/** Said at the top while paused: otherwise every setting below would seem to do nothing. */
export function PausedNotice({ lang, onResume, error }: PausedNoticeProps) {
  return (
    <div class="notice paused">
      <p>{translate(lang, 'pausedNotice')}</p>
      <button type="button" onClick={onResume}>
        {translate(lang, 'optResume')}
      </button>
      <SaveError message={error ?? null} />
    </div>
  );
}
