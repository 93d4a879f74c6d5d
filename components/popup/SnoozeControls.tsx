import type { SnoozeChoice } from '@/lib/ext/snooze';
import { formatSnoozeEnd } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';

export type SnoozeAction = SnoozeChoice | 'resume';

export interface SnoozeControlsProps {
  lang: Lang;
  site: string;
  /** When the site's snooze ends; null when it is not snoozed. */
  snoozedUntil: number | null;
  now: number;
  onSnooze: (action: SnoozeAction) => void;
  /** Shown when the last snooze could not be saved. */
  failed?: boolean;
}

/** Turns the extension off on the site for an hour or until tomorrow morning, and says when it comes back. */
export function SnoozeControls({ lang, site, snoozedUntil, now, onSnooze, failed }: SnoozeControlsProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  return (
    <div class="snooze">
      {snoozedUntil !== null ? (
        <>
          <p class="notice" role="status">
            {t('snoozedNotice', { site, time: formatSnoozeEnd(lang, snoozedUntil, now) })}
          </p>
          <button type="button" onClick={() => onSnooze('resume')}>
            {t('snoozeResume')}
          </button>
        </>
      ) : (
        <fieldset class="snooze-choices">
          <legend>{t('snoozeLegend', { site })}</legend>
          <div class="row">
            <button type="button" onClick={() => onSnooze('hour')}>
              {t('snoozeHour')}
            </button>
            <button type="button" onClick={() => onSnooze('tomorrow')}>
              {t('snoozeTomorrow')}
            </button>
          </div>
        </fieldset>
      )}
      {failed && <p role="alert">{t('snoozeFailed')}</p>}
    </div>
  );
}
