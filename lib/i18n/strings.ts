import type { Lang } from './language';

/**
 * Interface strings in both languages. Kept in code rather than only in
 * `_locales` because the card and popup let the user switch language
 * without changing the browser's, which `i18n.getMessage` cannot do.
 */
const en = {
  summaryHeading: 'What the article says',
  headlineLabel: 'Summary by Context Lens, not the article’s title',
  sourceIs: 'Source: {source}',
  sourceNoTitle: 'Its title is not known.',
  sourceNoOutlet: 'The outlet that published it is not known.',
  sourceNoTitleNoOutlet: 'Its title and the outlet that published it are not known.',
  sourceLabel: '{language}-language article, {date}',
  sourceLabelRelaying: '{language}-language article, {date}, relaying {relays}',
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
  backgroundLabel: 'Background, not a claim of the article',
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
  mentionItem: '{name}, {count}',
  mentionCount_one: '{count} mention',
  mentionCount_other: '{count} mentions',
  unsupportedPage:
    'Context Lens cannot run on this page: browsers keep their own pages and extension stores off-limits.',
  reloadToStart: 'Reload this page to start highlighting it.',
  searchLabel: 'Search the fact base',
  searchPlaceholder: 'Siri, Federighi, open source…',
  noResults: 'Nothing found.',
  backToResults: 'Back to results',
  openOptions: 'Settings',
  siteOffNotice: 'Highlighting is off on {site}.',
  optTitle: 'Context Lens settings',
  optRepairedNotice: 'Some settings could not be read and were reset: {names}.',
  optDismiss: 'Dismiss',
  optResume: 'Resume',
  optSaveFailed: 'This change could not be saved.',
  optSitesHeading: 'Sites',
  optModeLegend: 'Where to highlight',
  optModeAllExcept: 'Everywhere, except on the sites listed',
  optModeOnlyListed: 'Only on the sites listed',
  optSitesListHeading: 'Sites listed',
  optSitesHint: 'A site covers its subdomains too: example.com also covers news.example.com.',
  optNoSitesAllExcept: 'No site listed: names are highlighted on every site.',
  optNoSitesOnlyListed: 'No site listed: nothing is highlighted until you add one.',
  optRemove: 'Remove',
  optRemoveSite: 'Remove {site}',
  optAddLabel: 'Add a site',
  optAddHint: 'A domain (example.com), a page address, an IP address, or file:// for files on this computer.',
  optAdd: 'Add',
  optSiteEmpty: 'Type a site to add.',
  optSiteInvalid:
    '“{input}” is not a site. Type a domain such as example.com, a page address, an IP address or file://.',
  optSiteCovered: '{site} is already covered by {rule}.',
  optSiteListed: '{site} is already listed.',
  optSiteAdded: '{site} added.',
  optSiteRemoved: '{site} removed.',
  optExport: 'Export the list',
  optExported: 'Downloading {file}.',
  optImportLabel: 'Import a list (a JSON file exported from Context Lens)',
  optImportAdded_one: '{file}: {count} new site added.',
  optImportAdded_other: '{file}: {count} new sites added.',
  optImportRejected: 'Skipped, not sites: {entries}.',
  optImportMore: '{count} more',
  optImportModeKept: 'The file was exported with “{mode}”; your own choice above is unchanged.',
  optImportTooLarge: '{file} is too large to be a list of sites. Nothing was changed.',
  optImportUnreadable: '{file} could not be read. Nothing was changed.',
  optImportNotJson: '{file} is not a JSON file. Nothing was changed.',
  optImportWrongFormat: '{file} is not a list of sites exported from Context Lens. Nothing was changed.',
  optCategoriesHeading: 'Categories',
  optCategoriesLegend: 'Names to highlight',
  optCategory_subject: 'The article’s subjects: Apple Intelligence, Siri, Craig Federighi, Ruoming Pang',
  optCategory_organisation: 'Organisations: Apple, Meta, OpenAI, Anthropic, Google…',
  optCategory_product: 'Products: iPhone',
  optCategory_model: 'AI models: ChatGPT, Claude',
  optCategoriesKeepOne:
    'Keep at least one category. To stop highlighting, pause Context Lens from its toolbar button, or list sites above.',
  optCategoriesNone: 'No category is selected: nothing will be highlighted.',
  optCategoriesHint: 'Every name can still be found with the popup’s search.',
  optStyleHeading: 'Highlight style',
  optStyleLegend: 'How names are marked',
  optStyleBackground: 'Coloured background',
  optStyleUnderline: 'Underline only',
  optPreviewLabel: 'Preview',
  optPreviewText:
    'A page that mentions {federighi}, {siri} or {appleIntelligence} shows them like this; {apple}, the {iphone} and {chatgpt} too, once their categories are on.',
  optHoverHeading: 'Hover delay',
  optHoverLabel: 'Wait before showing a card, in milliseconds',
  optHoverHint: 'From 0 to 3000 (3 seconds).',
  optHoverInvalid: 'Enter a whole number of milliseconds from 0 to 3000.',
  optLanguageHeading: 'Language',
  optLanguageLabel: 'Language of cards, popup and settings',
  optLanguageAuto: 'Automatic (the browser’s language)',
  optLanguageEn: 'English',
  optLanguageFr: 'Français',
  optDataHeading: 'Data',
  optDataVersion: 'Fact base version',
  optDataEntities: 'Entities',
  optDataFacts: 'Facts',
  optDataOrigin: 'Served from',
  optOrigin_indexeddb: 'the cache in this browser (IndexedDB)',
  optOrigin_bundled: 'the copy bundled with the extension (the cache is unavailable)',
  optDataHint:
    'The fact base stays in this browser. Rebuilding the cache rewrites it from the copy bundled with the extension.',
  optRebuild: 'Rebuild the cache',
  optRebuilding: 'Rebuilding the cache…',
  optRebuilt: 'Cache rebuilt: {entities} entities and {facts} facts, version {version}.',
  optRebuiltBundled: 'The cache could not be rebuilt; the copy bundled with the extension is used instead.',
  optRebuildFailed: 'The cache could not be rebuilt.',
} as const;

export type StringKey = keyof typeof en;

export const STRING_KEYS = Object.keys(en) as StringKey[];

const fr: Record<StringKey, string> = {
  summaryHeading: 'Ce que dit l’article',
  headlineLabel: 'Résumé par Context Lens, pas le titre de l’article',
  sourceIs: 'Source : {source}',
  sourceNoTitle: 'Son titre n’est pas connu.',
  sourceNoOutlet: 'Le média qui l’a publié n’est pas connu.',
  sourceNoTitleNoOutlet: 'Ni son titre ni le média qui l’a publié ne sont connus.',
  sourceLabel: 'Article en {language}, {date}',
  sourceLabelRelaying: 'Article en {language}, {date}, relayant {relays}',
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
  relatedHeading: 'Voir aussi',
  paragraph: 'Paragraphe {n}',
  backgroundLabel: 'Contexte général, pas une affirmation de l’article',
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
  mentionItem: '{name}, {count}',
  mentionCount_one: '{count} mention',
  mentionCount_other: '{count} mentions',
  unsupportedPage:
    'Context Lens ne peut pas fonctionner ici : les navigateurs protègent leurs propres pages et les boutiques d’extensions.',
  reloadToStart: 'Rechargez la page pour commencer à la surligner.',
  searchLabel: 'Chercher dans la base de faits',
  searchPlaceholder: 'Siri, Federighi, open source…',
  noResults: 'Aucun résultat.',
  backToResults: 'Retour aux résultats',
  openOptions: 'Réglages',
  siteOffNotice: 'Le surlignage est désactivé sur {site}.',
  optTitle: 'Réglages de Context Lens',
  optRepairedNotice: 'Des réglages étaient illisibles et ont été rétablis : {names}.',
  optDismiss: 'Masquer',
  optResume: 'Reprendre',
  optSaveFailed: 'Cette modification n’a pas pu être enregistrée.',
  optSitesHeading: 'Sites',
  optModeLegend: 'Où surligner',
  optModeAllExcept: 'Partout, sauf sur les sites de la liste',
  optModeOnlyListed: 'Seulement sur les sites de la liste',
  optSitesListHeading: 'Sites de la liste',
  optSitesHint: 'Un site couvre aussi ses sous-domaines : example.com couvre aussi news.example.com.',
  optNoSitesAllExcept: 'Aucun site dans la liste : les noms sont surlignés sur tous les sites.',
  optNoSitesOnlyListed: 'Aucun site dans la liste : rien n’est surligné tant que vous n’en ajoutez pas.',
  optRemove: 'Retirer',
  optRemoveSite: 'Retirer {site}',
  optAddLabel: 'Ajouter un site',
  optAddHint:
    'Un domaine (example.com), l’adresse d’une page, une adresse IP, ou file:// pour les fichiers de cet ordinateur.',
  optAdd: 'Ajouter',
  optSiteEmpty: 'Saisissez un site à ajouter.',
  optSiteInvalid:
    '« {input} » n’est pas un site. Saisissez un domaine comme example.com, l’adresse d’une page, une adresse IP ou file://.',
  optSiteCovered: '{site} est déjà couvert par {rule}.',
  optSiteListed: '{site} est déjà dans la liste.',
  optSiteAdded: '{site} ajouté.',
  optSiteRemoved: '{site} retiré.',
  optExport: 'Exporter la liste',
  optExported: 'Téléchargement de {file}.',
  optImportLabel: 'Importer une liste (un fichier JSON exporté de Context Lens)',
  optImportAdded_one: '{file} : {count} nouveau site ajouté.',
  optImportAdded_other: '{file} : {count} nouveaux sites ajoutés.',
  optImportRejected: 'Ignorés, ce ne sont pas des sites : {entries}.',
  optImportMore: '{count} de plus',
  optImportModeKept: 'Le fichier a été exporté avec « {mode} » ; votre choix ci-dessus ne change pas.',
  optImportTooLarge: '{file} est trop volumineux pour une liste de sites. Rien n’a été modifié.',
  optImportUnreadable: '{file} n’a pas pu être lu. Rien n’a été modifié.',
  optImportNotJson: '{file} n’est pas un fichier JSON. Rien n’a été modifié.',
  optImportWrongFormat: '{file} n’est pas une liste de sites exportée de Context Lens. Rien n’a été modifié.',
  optCategoriesHeading: 'Catégories',
  optCategoriesLegend: 'Noms à surligner',
  optCategory_subject: 'Les sujets de l’article : Apple Intelligence, Siri, Craig Federighi, Ruoming Pang',
  optCategory_organisation: 'Organisations : Apple, Meta, OpenAI, Anthropic, Google…',
  optCategory_product: 'Produits : iPhone',
  optCategory_model: 'Modèles d’IA : ChatGPT, Claude',
  optCategoriesKeepOne:
    'Gardez au moins une catégorie. Pour ne plus rien surligner, mettez Context Lens en pause depuis son bouton dans la barre d’outils, ou listez des sites ci-dessus.',
  optCategoriesNone: 'Aucune catégorie choisie : rien ne sera surligné.',
  optCategoriesHint: 'Tous les noms restent accessibles par la recherche de la fenêtre de l’extension.',
  optStyleHeading: 'Style du surlignage',
  optStyleLegend: 'Comment les noms sont marqués',
  optStyleBackground: 'Fond coloré',
  optStyleUnderline: 'Soulignement seul',
  optPreviewLabel: 'Aperçu',
  optPreviewText:
    'Sur une page qui cite {federighi}, {siri} ou {appleIntelligence}, ces noms apparaissent ainsi ; {apple}, l’{iphone} et {chatgpt} aussi, une fois leur catégorie activée.',
  optHoverHeading: 'Délai au survol',
  optHoverLabel: 'Attente avant d’afficher une fiche, en millisecondes',
  optHoverHint: 'De 0 à 3000 (3 secondes).',
  optHoverInvalid: 'Saisissez un nombre entier de millisecondes, de 0 à 3000.',
  optLanguageHeading: 'Langue',
  optLanguageLabel: 'Langue des fiches, de la fenêtre et des réglages',
  optLanguageAuto: 'Automatique (la langue du navigateur)',
  optLanguageEn: 'English',
  optLanguageFr: 'Français',
  optDataHeading: 'Données',
  optDataVersion: 'Version de la base de faits',
  optDataEntities: 'Entités',
  optDataFacts: 'Faits',
  optDataOrigin: 'Lue depuis',
  optOrigin_indexeddb: 'le cache de ce navigateur (IndexedDB)',
  optOrigin_bundled: 'la copie fournie avec l’extension (le cache est indisponible)',
  optDataHint:
    'La base de faits reste dans ce navigateur. Reconstruire le cache le réécrit à partir de la copie fournie avec l’extension.',
  optRebuild: 'Reconstruire le cache',
  optRebuilding: 'Reconstruction du cache…',
  optRebuilt: 'Cache reconstruit : {entities} entités et {facts} faits, version {version}.',
  optRebuiltBundled:
    'Le cache n’a pas pu être reconstruit ; la copie fournie avec l’extension est utilisée à la place.',
  optRebuildFailed: 'Le cache n’a pas pu être reconstruit.',
};

const catalog: Record<Lang, Record<StringKey, string>> = { en, fr };

/** Looks up a string and fills `{name}` placeholders with plain text (never markup). */
export function translate(lang: Lang, key: StringKey, params: Record<string, string> = {}): string {
  return catalog[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The keys that come as a pair, `<key>_one` and `<key>_other`. */
export type CountKey = { [K in StringKey]: K extends `${infer Base}_one` ? Base : never }[StringKey];

/**
 * A string that counts something, in the form the language's plural rules
 * ask for: "1 mention", "2 mentions"; French says "0 mention" as it says
 * "1 mention". `{count}` is filled with the number as the language writes it.
 * Forms other than one (French "many", for a million and up) take `_other`.
 */
export function translateCount(lang: Lang, key: CountKey, count: number, params: Record<string, string> = {}): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return translate(lang, `${key}_${form}` as StringKey, {
    ...params,
    count: new Intl.NumberFormat(lang).format(count),
  });
}

/**
 * A source's date as precisely as it is known: "2025-07" → "July 2025" /
 * "juillet 2025"; "2025-07-14" → "14 July 2025" / "14 juillet 2025".
 * Anything else is returned as it is.
 */
export function formatSourceDate(lang: Lang, date: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined];
  // UTC on both sides: a local time zone must not move the first of the month into the previous one.
  const options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
  if (day !== undefined) options.day = 'numeric';
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  // A day the month does not have ("2025-02-30") would roll over into the next month.
  if (at.getUTCMonth() !== month - 1) return date;
  return new Intl.DateTimeFormat(lang, options).format(at);
}
