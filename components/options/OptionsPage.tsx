import { useRef } from 'preact/hooks';
import type { Settings } from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { Served } from '@/lib/store/fact-store';
import { OptionsCategories } from './OptionsCategories';
import { type FactBaseInfo, OptionsData } from './OptionsData';
import { OptionsHoverDelay } from './OptionsHoverDelay';
import { OptionsLanguage } from './OptionsLanguage';
import { OptionsStyle } from './OptionsStyle';
import { PausedNotice } from './PausedNotice';
import { RepairedNotice } from './RepairedNotice';
import { SiteRulesEditor } from './SiteRulesEditor';
import { type SaveSetting, useSavedSettings } from './useSavedSettings';

export interface OptionsPageProps {
  lang: Lang;
  settings: Settings;
  /** Stores one setting; a rejection is reported on the page. */
  onSave: SaveSetting;
  loadFactBaseInfo: () => Promise<Served<FactBaseInfo>>;
  onRebuild: () => Promise<Served<FactBaseInfo>>;
  /** Names of settings that were unreadable and were repaired. */
  notices?: readonly string[];
  onDismissNotices?: () => void;
}

/**
 * The options page. Every change is saved at once; data and actions come in
 * as props, so it can be tested without a browser.
 */
export function OptionsPage(props: OptionsPageProps) {
  const { lang } = props;
  const { settings, save, saveFailed } = useSavedSettings(props.settings, props.onSave);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const dismissNotices = () => {
    props.onDismissNotices?.();
    // The Dismiss button had the focus and is gone with the notice: the focus goes to the top of the page.
    headingRef.current?.focus();
  };

  return (
    <main class="options" lang={lang}>
      <h1 ref={headingRef} tabIndex={-1}>
        {translate(lang, 'optTitle')}
      </h1>
      <RepairedNotice lang={lang} notices={props.notices ?? []} onDismiss={dismissNotices} />
      {settings.paused && <PausedNotice lang={lang} onResume={() => save('paused', false)} />}
      {saveFailed && (
        <p role="alert" class="field-error save-error">
          {translate(lang, 'optSaveFailed')}
        </p>
      )}
      <SiteRulesEditor lang={lang} rules={settings.siteRules} onChange={(rules) => save('siteRules', rules)} />
      <OptionsCategories lang={lang} categories={settings.categories} onSave={(next) => save('categories', next)} />
      <OptionsStyle
        lang={lang}
        style={settings.highlightStyle}
        categories={settings.categories}
        onSave={(style) => save('highlightStyle', style)}
      />
      <OptionsHoverDelay lang={lang} value={settings.hoverDelayMs} onSave={(ms) => save('hoverDelayMs', ms)} />
      <OptionsLanguage lang={lang} value={settings.language} onSave={(language) => save('language', language)} />
      <OptionsData lang={lang} loadInfo={props.loadFactBaseInfo} onRebuild={props.onRebuild} />
    </main>
  );
}
