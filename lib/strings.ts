import type { Lang } from './language';

/**
 * Interface strings in both languages. Kept in code rather than only in
 * `_locales` because the card and popup let the user switch language
 * without changing the browser's, which `i18n.getMessage` cannot do.
 */
const en = {
  summaryHeading: 'What the article says',
  sourceLine: 'French article, {date}, reporting {reporting}',
  keyPoints: 'Key points',
  loading: 'Loading…',
  loadError: 'The fact base could not be read.',
  servedFromBundle: 'Shown from the copy bundled with the extension.',
  factBaseVersion: 'Fact base {version}',
  welcomeTitle: 'Context Lens is installed',
  welcomeBody:
    'Pages that mention Apple Intelligence, Siri, Craig Federighi or Ruoming Pang will show those names highlighted. Click the toolbar icon for a summary of the article behind the facts. Nothing you read leaves your browser.',
  type_person: 'Person',
  type_product: 'Product',
  type_company: 'Company',
  type_team: 'Team',
  type_model: 'AI model',
  type_publication: 'Publication',
  cardLabel: '{name}: context',
  mentionOnPage: 'Mentioned on this page as “{text}”',
  factsHeading: 'In the article',
  relatedHeading: 'Related',
  paragraph: 'Paragraph {n}',
  backgroundFact: 'Background, not a claim of the article',
  noFacts: 'The article says nothing more about it.',
  back: 'Back to {name}',
  close: 'Close',
  switchLanguage: 'Français',
  switchLanguageLabel: 'Lire en français',
  cardError: 'This card could not be loaded.',
  siteSwitch: 'Highlight on {site}',
  pauseSwitch: 'Pause everywhere',
  pausedNotice: 'Paused: nothing is highlighted until you turn this back on.',
  onThisPage: 'On this page',
  noMentions: 'No mentions found on this page.',
  mentionsWord: 'mentions',
  unsupportedPage: 'Context Lens cannot run on this page: browsers keep their own pages and extension stores off-limits.',
  reloadToStart: 'Reload this page to start highlighting it.',
  searchLabel: 'Search the fact base',
  searchPlaceholder: 'Siri, Federighi, open source…',
  noResults: 'Nothing found.',
  backToResults: 'Back to results',
  openOptions: 'Settings',
  siteOffNotice: 'Highlighting is off on {site}.',
} as const;

export type StringKey = keyof typeof en;

export const STRING_KEYS = Object.keys(en) as StringKey[];

const fr: Record<StringKey, string> = {
  summaryHeading: 'Ce que dit l’article',
  sourceLine: 'Article en français, {date}, d’après {reporting}',
  keyPoints: 'Points clés',
  loading: 'Chargement…',
  loadError: 'La base de faits n’a pas pu être lue.',
  servedFromBundle: 'Affiché depuis la copie fournie avec l’extension.',
  factBaseVersion: 'Base de faits {version}',
  welcomeTitle: 'Context Lens est installé',
  welcomeBody:
    'Sur les pages qui mentionnent Apple Intelligence, Siri, Craig Federighi ou Ruoming Pang, ces noms seront surlignés. Cliquez sur l’icône de la barre d’outils pour un résumé de l’article d’où viennent les faits. Rien de ce que vous lisez ne quitte votre navigateur.',
  type_person: 'Personne',
  type_product: 'Produit',
  type_company: 'Entreprise',
  type_team: 'Équipe',
  type_model: 'Modèle d’IA',
  type_publication: 'Média',
  cardLabel: '{name} : contexte',
  mentionOnPage: 'Cité sur cette page sous la forme « {text} »',
  factsHeading: 'Dans l’article',
  relatedHeading: 'Liens',
  paragraph: 'Paragraphe {n}',
  backgroundFact: 'Contexte général, pas une affirmation de l’article',
  noFacts: 'L’article n’en dit pas plus.',
  back: 'Retour à {name}',
  close: 'Fermer',
  switchLanguage: 'English',
  switchLanguageLabel: 'Read in English',
  cardError: 'Cette fiche n’a pas pu être chargée.',
  siteSwitch: 'Surligner sur {site}',
  pauseSwitch: 'Tout mettre en pause',
  pausedNotice: 'En pause : rien n’est surligné tant que vous ne réactivez pas.',
  onThisPage: 'Sur cette page',
  noMentions: 'Aucune mention sur cette page.',
  mentionsWord: 'mentions',
  unsupportedPage: 'Context Lens ne peut pas fonctionner ici : les navigateurs protègent leurs propres pages et les boutiques d’extensions.',
  reloadToStart: 'Rechargez la page pour commencer à la surligner.',
  searchLabel: 'Chercher dans la base de faits',
  searchPlaceholder: 'Siri, Federighi, open source…',
  noResults: 'Aucun résultat.',
  backToResults: 'Retour aux résultats',
  openOptions: 'Réglages',
  siteOffNotice: 'Le surlignage est désactivé sur {site}.',
};

const catalog: Record<Lang, Record<StringKey, string>> = { en, fr };

/** Looks up a string and fills `{name}` placeholders with plain text (never markup). */
export function translate(lang: Lang, key: StringKey, params: Record<string, string> = {}): string {
  return catalog[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** "2025-07" → "July 2025" / "juillet 2025". */
export function formatMonth(lang: Lang, yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
