import type { PackIssue } from '@/lib/facts/limits';
import type { Lang } from './language';

/**
 * Why a pack file is refused, in the reader's language: the common kinds
 * of problem worded from the issue's own data (what was expected and
 * found), the format's own rules by their English wording (schema.ts).
 * Anything else is said as the schema says it, in English.
 */
const KINDS = {
  en: {
    missing: 'missing',
    unknownKey: 'not a field of the format',
    type: 'expected {expected}, found {received}',
    maxLength: 'too long: at most {max}, here {received}',
    nonEmpty: 'must not be empty',
    picklist: 'must be one of {expected}',
    integer: 'must be a whole number',
    minValue: 'must be at least {max}',
    maxValue: 'must be at most {max}',
    url: 'not a web address',
    limit: '{received}: more than the {max} a pack may have',
  },
  fr: {
    missing: 'manquant',
    unknownKey: 'n’est pas un champ du format',
    type: 'attendu : {expected}, trouvé : {received}',
    maxLength: 'trop long : au plus {max}, ici {received}',
    nonEmpty: 'ne doit pas être vide',
    picklist: 'doit valoir {expected}',
    integer: 'doit être un nombre entier',
    minValue: 'doit valoir au moins {max}',
    maxValue: 'doit valoir au plus {max}',
    url: 'n’est pas une adresse web',
    limit: '{received} : plus que les {max} qu’un paquet peut avoir',
  },
} as const;

/** The format's own rules (schema.ts, source-schema.ts), in French. */
const RULES_FR: [RegExp, string][] = [
  [/^ids are kebab-case/, 'un identifiant est en minuscules et chiffres, reliés par des tirets simples'],
  [/^dates are YYYY-MM or YYYY-MM-DD$/, 'une date s’écrit AAAA-MM ou AAAA-MM-JJ'],
  [/^a BCP 47 language tag/, 'une étiquette de langue BCP 47, comme « fr » ou « en-GB »'],
  [/^only https links$/, 'seuls les liens https sont acceptés'],
  [/^past the source's last paragraph \((\d+)\)$/, 'après le dernier paragraphe de la source ($1)'],
  [/^sections must start at ascending paragraphs$/, 'les sections commencent à des paragraphes croissants'],
  [
    /^a background fact is not from the source/,
    'un fait de contexte ne vient pas de la source et ne cite aucun paragraphe',
  ],
  [/^a fact of the source must cite its paragraph$/, 'un fait de la source cite son paragraphe'],
  [
    /^a bare name with context rules needs the group/,
    'un nom seul avec des règles de contexte a besoin du groupe de ses noms complets',
  ],
  [/^entity ids must be unique$/, 'les identifiants d’entités sont uniques'],
  [/^fact ids must be unique$/, 'les identifiants de faits sont uniques'],
  [/^every related entity must exist/, 'chaque entité liée existe et diffère de son entité'],
  [/^every entity a fact names must exist$/, 'chaque entité nommée par un fait existe'],
  [/^a pack has at most (\d+) aliases$/, 'un paquet a au plus $1 alias'],
  [/^a pack is a JSON object$/, 'un paquet est un objet JSON'],
];

const LIMIT_WHAT: Record<Lang, Record<string, string>> = {
  en: { entities: 'entities', aliases: 'aliases', facts: 'facts' },
  fr: { entities: 'entités', aliases: 'alias', facts: 'faits' },
};

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

const TYPES = new Set(['string', 'number', 'boolean', 'array', 'object', 'strict_object', 'literal']);

/** The reason for one problem, in `lang`. */
export function issueText(lang: Lang, issue: PackIssue): string {
  const kinds = KINDS[lang];
  const number = (n: number | undefined) => (n === undefined ? '' : new Intl.NumberFormat(lang).format(n));
  const params = {
    expected: issue.expected ?? '',
    received: issue.received ?? '',
    max: number(issue.requirement),
  };
  switch (issue.type) {
    case 'limit': {
      const what = /\b(entities|aliases|facts)\b/.exec(issue.message)?.[1] ?? '';
      const count = Number(issue.received);
      const received = `${Number.isFinite(count) ? number(count) : issue.received} ${LIMIT_WHAT[lang][what] ?? what}`;
      return fill(kinds.limit, { ...params, received });
    }
    case 'max_length':
      return fill(kinds.maxLength, params);
    case 'non_empty':
    case 'min_length':
      return kinds.nonEmpty;
    case 'picklist':
      return fill(kinds.picklist, params);
    case 'integer':
      return kinds.integer;
    case 'min_value':
      return fill(kinds.minValue, params);
    case 'max_value':
      return fill(kinds.maxValue, params);
    case 'url':
      return kinds.url;
  }
  if (TYPES.has(issue.type)) {
    if (issue.expected === 'never') return kinds.unknownKey;
    if (issue.received === 'undefined') return kinds.missing;
    return fill(kinds.type, params);
  }
  if (lang === 'fr') {
    for (const [pattern, french] of RULES_FR)
      if (pattern.test(issue.message)) return issue.message.replace(pattern, french);
  }
  return issue.message;
}
