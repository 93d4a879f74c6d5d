import type { MatchContext } from './context';
import { FUNCTION_WORDS } from './function-words';
import { foldForSearch } from './search-fold';

/**
 * Rules that tell, from the words around a match, whether a reader would
 * attribute it to the entity. They are data of the fact base (see
 * docs/fact-packs.md), read here; every field is optional.
 */
export interface ContextRules {
  /** What kind of name the alias is, for coreference: a full name, or a given name or surname others share. */
  name?: 'full' | 'given' | 'surname';
  /** Coreference group: the full names and the bare name that stands for them share it ("pang"). */
  group?: string;
  /** A capitalised word right before (not a sentence's function word) makes it part of someone else's name ("Mei Pang"). */
  otherNameBefore?: boolean;
  /** A capitalised word right after does ("Siri Hustvedt", "Pang Wei", "The Information Age"). */
  otherNameAfter?: boolean;
  /** Words that may follow without making it another name: the entity's own products, its legal form ("Apple Watch", "Apple Inc"). */
  ownNamesAfter?: string[];
  /** Joined by a hyphen to another word, it is part of a compound ("Jean-Claude", "méta-analyse"). */
  notInCompound?: boolean;
  /** Glued to other word characters by `_` or `@`, it is part of a user name or an address ("siri_haugen"). */
  notInIdentifier?: boolean;
  /** Languages (primary BCP 47 tags) in which the alias is also a common word: there it needs a capital, mid-sentence. */
  commonWordIn?: string[];
  /** False when the all-capitals spelling is rather a slogan's or a heading's words ("THE INFORMATION YOU NEED"). */
  allCaps?: boolean;
  /** Words right after that give the alias another sense ("Google it", "Anthropic reasoning"). */
  notBefore?: string[];
  /** Words right before that do ("caverne d'", "its" for another company's team). */
  notAfter?: string[];
  /** For a bare given name: words in its sentence that say it is the entity ("model", "iPhone"). */
  entityCues?: string[];
  /** For a bare given name: words within four of it that say it is a person ("neighbour", "prénom"). */
  personCues?: string[];
}

export type Verdict =
  | { kind: 'mention'; cue?: 'entity' | 'person' }
  /** Someone else's name (kept for coreference: a later bare name may stand for it). */
  | { kind: 'other-name' }
  | { kind: 'not-a-mention' };

export interface Situation {
  /** The language of the text the match stands in (its nearest `lang`), if known. */
  lang?: string | null;
  /** The match is in a heading, where Title Case capitalises words that are not names. */
  inHeading?: boolean;
  /** Whether a word begins one of the aliases (then it is another mention, not someone's surname). */
  beginsAlias?: (word: string) => boolean;
  /** The match opens a phrase in another language (the start of an element with its own `lang`). */
  opensPhrase?: boolean;
}

const LETTER = /\p{L}/u;
const SENTENCE_END = /(?:^|[.!?;:…«»"“”([])\s*$/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const PERSON_CUE_REACH = 4;

const isAllCaps = (text: string) => LETTER.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
const isTitleCase = (word: string) => /^\p{Lu}\p{Ll}/u.test(word) || /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}/u.test(word);

/** The word standing right next to the mention, separated from it by spaces only (no punctuation), or null. */
function adjacentWord(side: 'before' | 'after', text: string): string | null {
  const m =
    side === 'before'
      ? /([\p{L}][\p{L}\p{M}'’-]*)[ \t\u00a0\u202f]+$/u.exec(text)
      : /^[ \t\u00a0\u202f]+([\p{L}][\p{L}\p{M}'’-]*)/u.exec(text);
  return m ? (m[1] as string) : null;
}

/**
 * Whether a sentence is written in Title Case, where a capital says nothing:
 * most of its words capitalised, in a heading or with a capitalised function
 * word past its first ("Why Siri Is Still Late"). A list of names ("Tags:
 * Siri, Siri Hustvedt, Craig Venter") is not.
 */
function isTitleCased(sentence: string, inHeading: boolean): boolean {
  const words = sentence.match(WORD) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length < 4 || capitalised / words.length < 0.75) return false;
  return inHeading || words.slice(1).some((w) => /^\p{Lu}/u.test(w) && FUNCTION_WORDS.has(foldForSearch(w)));
}

/** A neighbour that is a name of its own: capitalised, not a function word, and not in Title Case text. */
function isNameWord(word: string | null, sentence: string, inHeading: boolean): boolean {
  if (!word || !isTitleCase(word) || FUNCTION_WORDS.has(foldForSearch(word))) return false;
  return !isTitleCased(sentence, inHeading);
}

/** Part of an identifier: glued to word characters by `_` or `@` (a user name, an address). */
function inIdentifier(ctx: MatchContext): boolean {
  return /[_@]$/u.test(ctx.before) || /^[_@][\p{L}\p{N}]/u.test(ctx.after);
}

const startsWithPhrase = (text: string, phrases: readonly string[]) => {
  const folded = foldForSearch(text);
  return phrases.some((p) => folded === p || (folded.startsWith(p) && !/[\p{L}\p{N}]/u.test(folded[p.length] ?? '')));
};
const endsWithPhrase = (text: string, phrases: readonly string[]) => {
  const folded = ` ${foldForSearch(text)}`;
  return phrases.some((p) => folded.endsWith(p) && !/[\p{L}\p{N}]/u.test(folded[folded.length - p.length - 1] ?? ''));
};

function sentenceOf(ctx: MatchContext): { before: string; after: string } {
  const cut = Math.max(...['.', '!', '?', ';', '…'].map((p) => ctx.before.lastIndexOf(`${p} `)));
  const before = cut >= 0 ? ctx.before.slice(cut + 2) : ctx.before;
  const end = /[.!?;…](?:\s|$)/u.exec(ctx.after);
  return { before, after: end ? ctx.after.slice(0, end.index) : ctx.after };
}

function cueOf(rules: ContextRules, sentence: { before: string; after: string }): 'entity' | 'person' | undefined {
  const words = (text: string) => (foldForSearch(text).match(WORD) ?? []).map((w) => w.replace(/^[a-z]'/, ''));
  const before = words(sentence.before);
  const after = words(sentence.after);
  const near = [...before.slice(-PERSON_CUE_REACH), ...after.slice(0, PERSON_CUE_REACH)];
  const person = (rules.personCues ?? []).map(foldForSearch);
  if (near.some((w) => person.includes(w))) return 'person';
  const entity = (rules.entityCues ?? []).map(foldForSearch);
  if ([...before, ...after].some((w) => entity.includes(w))) return 'entity';
  return undefined;
}

/** Whether the words around a match make it a mention of the entity, someone else's name, or another word. */
export function judgeContext(rules: ContextRules | undefined, ctx: MatchContext, where: Situation = {}): Verdict {
  if (!rules) return { kind: 'mention' };
  if (rules.notInIdentifier && inIdentifier(ctx)) return { kind: 'not-a-mention' };
  const caps = isAllCaps(ctx.text);
  if (rules.allCaps === false && caps) return { kind: 'not-a-mention' };
  if (rules.notInCompound && (/[\p{L}\p{N}]-$/u.test(ctx.before) || /^-[\p{L}\p{N}]/u.test(ctx.after)))
    return { kind: 'not-a-mention' };
  if (rules.notBefore && startsWithPhrase(ctx.after.trimStart(), rules.notBefore)) return { kind: 'not-a-mention' };
  if (rules.notAfter && endsWithPhrase(ctx.before.trimEnd(), rules.notAfter)) return { kind: 'not-a-mention' };
  const lang = where.lang?.toLowerCase().split('-')[0];
  if (lang && rules.commonWordIn?.includes(lang)) {
    const capitalised = /^\p{Lu}/u.test(ctx.text);
    if (!capitalised || where.opensPhrase || SENTENCE_END.test(ctx.before)) return { kind: 'not-a-mention' };
  }
  const sentence = sentenceOf(ctx);
  const whole = `${sentence.before}${ctx.text}${sentence.after}`;
  const inHeading = where.inHeading ?? false;
  const isOtherName = (word: string | null) =>
    word !== null && !where.beginsAlias?.(word) && isNameWord(word, whole, inHeading);
  if (!caps && rules.otherNameBefore && isOtherName(adjacentWord('before', ctx.before))) return { kind: 'other-name' };
  const next = adjacentWord('after', ctx.after);
  const own = next !== null && (rules.ownNamesAfter ?? []).some((w) => foldForSearch(w) === foldForSearch(next));
  if (!caps && rules.otherNameAfter && !own && isOtherName(next)) return { kind: 'other-name' };
  if (rules.name === 'given') return { kind: 'mention', cue: cueOf(rules, sentence) };
  return { kind: 'mention' };
}
