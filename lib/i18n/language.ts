/** Languages the extension speaks; every user-visible string exists in both. */
export type Lang = 'en' | 'fr';

/** What the user picked in the options: a language, or the browser's. */
export type LanguageChoice = 'auto' | Lang;

/** Picks French for any French locale (fr, fr-CA, fr_BE…) and English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The language to speak: the user's choice, or the browser's interface language for "auto". */
export function resolveLanguage(choice: LanguageChoice | undefined, uiLocale: string | undefined | null): Lang {
  return !choice || choice === 'auto' ? langFromLocale(uiLocale) : choice;
}
