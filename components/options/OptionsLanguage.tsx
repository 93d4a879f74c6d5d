import type { LanguageChoice } from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { SaveError } from './SaveError';

/** Each language is named in itself (its `lang`), so that a screen reader says it right. */
const LANGUAGES: readonly { value: LanguageChoice; label: StringKey; lang?: Lang }[] = [
  { value: 'auto', label: 'optLanguageAuto' },
  { value: 'en', label: 'optLanguageEn', lang: 'en' },
  { value: 'fr', label: 'optLanguageFr', lang: 'fr' },
];

export interface OptionsLanguageProps {
  lang: Lang;
  value: LanguageChoice;
  onSave: (language: LanguageChoice) => void;
  /** Why the last change here could not be saved; null when it was. */
  saveError?: string | null;
}

/** The Language section: of the cards, the popup and this page. */
export function OptionsLanguage({ lang, value, onSave, saveError }: OptionsLanguageProps) {
  return (
    <section aria-labelledby="opt-language-heading">
      <h2 id="opt-language-heading">{translate(lang, 'optLanguageHeading')}</h2>
      <label for="opt-language">{translate(lang, 'optLanguageLabel')}</label>
      <select id="opt-language" value={value} onChange={(e) => onSave(e.currentTarget.value as LanguageChoice)}>
        {LANGUAGES.map(({ value: choice, label, lang: optionLang }) => (
          <option key={choice} value={choice} lang={optionLang}>
            {translate(lang, label)}
          </option>
        ))}
      </select>
      <SaveError message={saveError ?? null} />
    </section>
  );
}
