import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

export interface PausedNoticeProps {
  lang: Lang;
  onResume: () => void;
}

/** Said at the top while paused: otherwise every setting below would seem to do nothing. */
export function PausedNotice({ lang, onResume }: PausedNoticeProps) {
  return (
    <div class="notice paused">
      <p>{translate(lang, 'pausedNotice')}</p>
      <button type="button" onClick={onResume}>
        {translate(lang, 'optResume')}
      </button>
    </div>
  );
}
