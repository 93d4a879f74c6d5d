import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';

/** How the notice names each setting: by the heading or switch the user knows it by. */
const SETTING_LABELS: Record<keyof Settings, StringKey> = {
  siteRules: 'optSitesHeading',
  paused: 'pauseSwitch',
  categories: 'optCategoriesHeading',
  highlightStyle: 'optStyleHeading',
  hoverDelayMs: 'optHoverHeading',
  language: 'optLanguageHeading',
  mutedEntities: 'optMutedHeading',
  enabledPacks: 'optPacksHeading',
};

export interface RepairedNoticeProps {
  lang: Lang;
  /** Names of settings that were unreadable and were repaired. */
  notices: readonly string[];
  /** Called once the notice is hidden. */
  onDismiss: () => void;
}

/** Names the settings that were reset, until dismissed; nothing when none was. */
export function RepairedNotice({ lang, notices, onDismiss }: RepairedNoticeProps) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;

  const names = notices.map((name) =>
    name in SETTING_LABELS ? translate(lang, SETTING_LABELS[name as keyof Settings]) : name,
  );
  return (
    <div class="notice repaired" role="status">
      <p>
        {translate(lang, 'optRepairedNotice', {
          names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names),
        })}
      </p>
      <button
        type="button"
        onClick={() => {
          setDismissed(true);
          onDismiss();
        }}
      >
        {translate(lang, 'optDismiss')}
      </button>
    </div>
  );
}
