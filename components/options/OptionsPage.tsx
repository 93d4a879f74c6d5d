import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightStyle, LanguageChoice, Settings } from '@/lib/ext/settings';
import { CATEGORIES, type Category } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { Served } from '@/lib/store/fact-store';
import { ChoiceGroup } from './ChoiceGroup';
import { HighlightPreview } from './HighlightPreview';
import { type FactBaseInfo, OptionsData } from './OptionsData';
import { OptionsHoverDelay } from './OptionsHoverDelay';
import { SiteRulesEditor } from './SiteRulesEditor';

const STYLES: readonly { value: HighlightStyle; label: StringKey }[] = [
  { value: 'background', label: 'optStyleBackground' },
  { value: 'underline', label: 'optStyleUnderline' },
];

const LANGUAGES: readonly { value: LanguageChoice; label: StringKey; lang?: Lang }[] = [
  { value: 'auto', label: 'optLanguageAuto' },
  { value: 'en', label: 'optLanguageEn', lang: 'en' },
  { value: 'fr', label: 'optLanguageFr', lang: 'fr' },
];

/** How the repaired-settings notice names each setting. */
const SETTING_LABELS: Record<keyof Settings, StringKey> = {
  siteRules: 'optSitesHeading',
  paused: 'pauseSwitch',
  categories: 'optCategoriesHeading',
  highlightStyle: 'optStyleHeading',
  hoverDelayMs: 'optHoverHeading',
  language: 'optLanguageHeading',
};

export interface OptionsPageProps {
  lang: Lang;
  settings: Settings;
  /** Stores one setting; a rejection is reported on the page. */
  onSave: <K extends keyof Settings>(name: K, value: Settings[K]) => Promise<void>;
  loadFactBaseInfo: () => Promise<Served<FactBaseInfo>>;
  onRebuild: () => Promise<Served<FactBaseInfo>>;
  /** Names of settings that were unreadable and were repaired. */
  notices?: readonly string[];
  onDismissNotices?: () => void;
}

/**
 * The options page. Every change is saved at once; data and actions come in
 * as props, so it can be tested without a browser. Categories: at least one
 * must stay on (unchecking the last one is refused, with a note saying how to
 * stop highlighting instead), because "nothing highlighted" is what pausing
 * and site rules are for.
 */
export function OptionsPage(props: OptionsPageProps) {
  const { lang, onSave } = props;
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  // Shown at once, before storage answers; replaced by what storage holds whenever it changes.
  const [settings, setSettings] = useState(props.settings);
  const [saveFailed, setSaveFailed] = useState(false);
  const [keepOne, setKeepOne] = useState(false);
  const [noticesShown, setNoticesShown] = useState(true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => setSettings(props.settings), [props.settings]);

  const save = <K extends keyof Settings>(name: K, value: Settings[K]) => {
    setSettings((current) => ({ ...current, [name]: value }));
    setSaveFailed(false);
    let saved: Promise<void>;
    try {
      saved = onSave(name, value);
    } catch (error) {
      saved = Promise.reject(error);
    }
    Promise.resolve(saved).catch(() => setSaveFailed(true));
  };

  const toggleCategory = (category: Category, input: HTMLInputElement) => {
    const next = CATEGORIES.filter((c) => (c === category ? input.checked : settings.categories.includes(c)));
    if (next.length === 0) {
      // Refused: put the box back (Preact would not, its state never changed).
      input.checked = true;
      setKeepOne(true);
      return;
    }
    setKeepOne(false);
    save('categories', next);
  };

  const notices = noticesShown ? (props.notices ?? []) : [];
  const noticeNames = notices.map((name) =>
    name in SETTING_LABELS ? t(SETTING_LABELS[name as keyof Settings]) : name,
  );

  let categoriesNote = '';
  if (keepOne) categoriesNote = t('optCategoriesKeepOne');
  else if (settings.categories.length === 0) categoriesNote = t('optCategoriesNone');

  return (
    <main class="options" lang={lang}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('optTitle')}
      </h1>

      {notices.length > 0 && (
        <div class="notice repaired" role="status">
          <p>
            {t('optRepairedNotice', {
              names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(noticeNames),
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              setNoticesShown(false);
              props.onDismissNotices?.();
              headingRef.current?.focus();
            }}
          >
            {t('optDismiss')}
          </button>
        </div>
      )}

      {settings.paused && (
        <div class="notice paused">
          <p>{t('pausedNotice')}</p>
          <button type="button" onClick={() => save('paused', false)}>
            {t('optResume')}
          </button>
        </div>
      )}

      {saveFailed && (
        <p role="alert" class="field-error save-error">
          {t('optSaveFailed')}
        </p>
      )}

      <SiteRulesEditor lang={lang} rules={settings.siteRules} onChange={(rules) => save('siteRules', rules)} />

      <section aria-labelledby="opt-categories-heading">
        <h2 id="opt-categories-heading">{t('optCategoriesHeading')}</h2>
        <fieldset aria-describedby="opt-categories-note">
          <legend>{t('optCategoriesLegend')}</legend>
          {CATEGORIES.map((category) => (
            <div class="choice" key={category}>
              <input
                type="checkbox"
                id={`opt-category-${category}`}
                checked={settings.categories.includes(category)}
                onChange={(e) => toggleCategory(category, e.currentTarget)}
              />
              <label for={`opt-category-${category}`}>{t(`optCategory_${category}`)}</label>
            </div>
          ))}
        </fieldset>
        <p id="opt-categories-note" class="status" role="status">
          {categoriesNote}
        </p>
        <p class="hint">{t('optCategoriesHint')}</p>
      </section>

      <section aria-labelledby="opt-style-heading">
        <h2 id="opt-style-heading">{t('optStyleHeading')}</h2>
        <ChoiceGroup
          legend={t('optStyleLegend')}
          name="opt-style"
          choices={STYLES.map(({ value, label }) => ({ value, label: t(label) }))}
          value={settings.highlightStyle}
          onChange={(style) => save('highlightStyle', style)}
        />
        <HighlightPreview lang={lang} style={settings.highlightStyle} categories={settings.categories} />
      </section>

      <OptionsHoverDelay lang={lang} value={settings.hoverDelayMs} onSave={(ms) => save('hoverDelayMs', ms)} />

      <section aria-labelledby="opt-language-heading">
        <h2 id="opt-language-heading">{t('optLanguageHeading')}</h2>
        <label for="opt-language">{t('optLanguageLabel')}</label>
        <select
          id="opt-language"
          value={settings.language}
          onChange={(e) => save('language', e.currentTarget.value as LanguageChoice)}
        >
          {LANGUAGES.map(({ value, label, lang: optionLang }) => (
            <option key={value} value={value} lang={optionLang}>
              {t(label)}
            </option>
          ))}
        </select>
      </section>

      <OptionsData lang={lang} loadInfo={props.loadFactBaseInfo} onRebuild={props.onRebuild} />
    </main>
  );
}
