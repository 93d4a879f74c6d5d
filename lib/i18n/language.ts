/** Languages the extension speaks; every user-visible string exists in both. */
export type Lang = 'en' | 'fr';

/** Picks French for any French locale (fr, fr-CA, fr_BE…) and English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
