import { useRef } from 'preact/hooks';
import type { SettingsRead, SimpleSettingName } from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { Served } from '@/lib/store/fact-store';
import { OptionsCategories } from './OptionsCategories';
import { type FactBaseInfo, OptionsData } from './OptionsData';
import { OptionsHoverDelay } from './OptionsHoverDelay';
import { OptionsLanguage } from './OptionsLanguage';
import { OptionsMuted } from './OptionsMuted';
import { OptionsPacks } from './OptionsPacks';
import { OptionsStyle } from './OptionsStyle';
import { PausedNotice } from './PausedNotice';
import { RepairedNotice } from './RepairedNotice';
import { SettingsTransfer } from './SettingsTransfer';
import { SiteRulesEditor } from './SiteRulesEditor';
import { saveErrorText } from './save-error-text';
import type { PacksApi } from './usePacks';
import { type SaveSetting, type SaveSiteRules, useSavedSettings } from './useSavedSettings';

export interface OptionsPageProps {
  lang: Lang;
  /** What storage holds, as read. */
  read: SettingsRead;
  /** Stores one setting; a rejection is reported in the section of the change. */
  onSave: SaveSetting;
  onSaveSiteRules: SaveSiteRules;
  loadFactBaseInfo: () => Promise<Served<FactBaseInfo>>;
  onRebuild: () => Promise<Served<FactBaseInfo>>;
  /** A muted entity's name, for the Muted names section. */
  loadEntityName?: (id: string, lang: Lang) => Promise<string | null>;
  /** The fact packs, through the background; no Fact packs section without. */
  packs?: PacksApi;
  /** Changes when the installed packs change elsewhere: the section reads them again. */
  packsKey?: unknown;
  /** Names of settings that were damaged and were repaired. */
  notices?: readonly string[];
  onDismissNotices?: () => void;
}

/**
 * The options page. Every change is saved at once and shown once saved;
 * data and actions come in as props, so it can be tested without a browser.
 */
export function OptionsPage(props: OptionsPageProps) {
  const { lang } = props;
  const { values, sites, untrusted, save, saveSites, failed } = useSavedSettings(
    props.read,
    props.onSave,
    props.onSaveSiteRules,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorFor = (name: SimpleSettingName) => (failed?.name === name ? saveErrorText(lang, failed.error) : null);

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
      {values.paused && (
        <PausedNotice lang={lang} onResume={() => void save('paused', false)} error={errorFor('paused')} />
      )}
      <SiteRulesEditor lang={lang} sites={sites} onChange={saveSites} />
      {props.packs && (
        <OptionsPacks
          lang={lang}
          api={props.packs}
          enabled={values.enabledPacks}
          onChangeEnabled={(update) => save('enabledPacks', update)}
          saveError={errorFor('enabledPacks')}
          listKey={props.packsKey}
        />
      )}
      <OptionsCategories
        lang={lang}
        categories={values.categories}
        onSave={(next) => void save('categories', next)}
        saveError={errorFor('categories')}
      />
      <OptionsStyle
        lang={lang}
        style={values.highlightStyle}
        categories={values.categories}
        onSave={(style) => void save('highlightStyle', style)}
        saveError={errorFor('highlightStyle')}
      />
      <OptionsHoverDelay
        lang={lang}
        value={values.hoverDelayMs}
        onSave={(ms) => void save('hoverDelayMs', ms)}
        saveError={errorFor('hoverDelayMs')}
      />
      <OptionsLanguage
        lang={lang}
        value={values.language}
        onSave={(language) => void save('language', language)}
        saveError={errorFor('language')}
      />
      <OptionsMuted
        lang={lang}
        muted={values.mutedEntities}
        damaged={untrusted.includes('mutedEntities')}
        loadName={props.loadEntityName}
        onChange={(update) => save('mutedEntities', update)}
      />
      <SettingsTransfer
        lang={lang}
        sites={sites}
        muted={values.mutedEntities}
        onChangeSites={saveSites}
        onChangeMuted={(update) => save('mutedEntities', update)}
      />
      <OptionsData lang={lang} loadInfo={props.loadFactBaseInfo} onRebuild={props.onRebuild} />
    </main>
  );
}
