/**
 * A deliberately naive reference for the alias matcher (lib/text/matcher.ts),
 * written straight from the spotting rules listed below, with plain string
 * methods and regexes: no fold tables, no trie, no streaming. For every
 * start position and every alias it tries to match, then resolves overlaps
 * leftmost-then-longest. Quadratic and slow, and meant to be obviously right.
 *
 * Rules, per UTF-16 unit of the page text:
 * - skipped entirely: soft hyphen, zero-width space/non-joiner/joiner, word
 *   joiner, BOM, combining grapheme joiner, Mongolian vowel separator, and
 *   combining diacritical marks (a decomposed accent is still an accent);
 * - any run of whitespace (with skipped units inside it) is one space;
 * - ’ ‘ ʼ ʻ ′ ＇ are an apostrophe, ‐ ‑ a hyphen-minus;
 * - accents are stripped (first character of the canonical decomposition
 *   when the rest is combining marks); `fold` aliases also ignore case;
 *   `case` aliases need the alias's own capitals or ALL CAPS;
 * - final sigma folds like sigma;
 * - word units are letters, digits and marks (\p{L}\p{N}\p{M}), never a
 *   surrogate half nor an apostrophe (ʼ is a letter to Unicode); a match starts at a word unit whose previous unskipped
 *   unit is not a word unit, and ends where the next unskipped unit is not a
 *   word unit (or at the end of the text).
 */

export interface RefAlias {
  text: string;
  match: 'fold' | 'case';
}

export interface RefMatch {
  alias: number;
  start: number;
  end: number;
}

const SKIPPED_UNITS = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u034F\u180E\u3099\u309A';
const COMBINING_ACCENT = /^[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]$/;
const SPACE = /^\s$/u;
const APOSTROPHE = /^['\u2019\u2018\u02BC\u02BB\u2032\uFF07]$/;
const HYPHEN = /^[\u2010\u2011]$/;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const SURROGATE = /^[\uD800-\uDFFF]$/;
const ONLY_MARKS = /^\p{M}+$/u;

export function isSkipped(unit: string): boolean {
  return unit.length === 1 && (SKIPPED_UNITS.includes(unit) || COMBINING_ACCENT.test(unit));
}

export function isWord(unit: string): boolean {
  return !SURROGATE.test(unit) && !APOSTROPHE.test(unit) && WORD.test(unit);
}

/** One unit without its accent, case kept. */
function bare(unit: string): string {
  if (SPACE.test(unit)) return ' ';
  if (APOSTROPHE.test(unit)) return "'";
  if (HYPHEN.test(unit)) return '-';
  if (SURROGATE.test(unit)) return unit;
  const nfd = unit.normalize('NFD');
  return nfd.length > 1 && ONLY_MARKS.test(nfd.slice(1)) ? (nfd[0] as string) : unit;
}

/** One unit as a `fold` alias sees it. */
function folded(unit: string): string {
  const b = bare(unit);
  if (b === 'ς') return 'σ';
  const lower = b.toLowerCase();
  return lower.length === 1 ? lower : b;
}

/** Normalises a whole string: skipped units removed, whitespace runs collapsed to one space, trimmed. */
export function refKey(text: string, keepCase = false): string {
  let out = '';
  for (const unit of text.split('')) {
    if (isSkipped(unit)) continue;
    out += keepCase ? bare(unit) : folded(unit);
  }
  return out.replace(/ +/g, ' ').trim();
}

function previousUnit(text: string, i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (!isSkipped(text[j] as string)) return text[j];
  return undefined;
}

function nextUnit(text: string, i: number): string | undefined {
  for (let j = i; j < text.length; j++) if (!isSkipped(text[j] as string)) return text[j];
  return undefined;
}

/** End (exclusive) of a match of `key` at `start`, or -1. Spaces in `key` take a whole whitespace run. */
function matchAt(text: string, start: number, key: string): number {
  let j = start;
  let end = -1;
  for (let k = 0; k < key.length; k++) {
    while (j < text.length && isSkipped(text[j] as string)) j++;
    if (j >= text.length) return -1;
    const unit = text[j] as string;
    if (key[k] === ' ') {
      if (!SPACE.test(unit)) return -1;
      while (j < text.length && (SPACE.test(text[j] as string) || isSkipped(text[j] as string))) j++;
      continue;
    }
    if (folded(unit) !== key[k]) return -1;
    j++;
    end = j;
  }
  return end;
}

/** The span as a `case` alias compares it: accents stripped, skips removed, spaces collapsed. */
function caseForm(text: string, start: number, end: number): string {
  return refKey(text.slice(start, end), true);
}

export function caseFits(alias: RefAlias, text: string, start: number, end: number): boolean {
  if (alias.match === 'fold') return true;
  const span = caseForm(text, start, end);
  if (span === refKey(alias.text, true)) return true;
  return /\p{Lu}/u.test(span) && !/\p{Ll}/u.test(span);
}

/** Whether `alias` matches exactly [start, end) of `text` under every rule. */
export function accepts(alias: RefAlias, text: string, start: number, end: number): boolean {
  const key = refKey(alias.text);
  if (key === '' || !isWord(key[0] as string)) return false;
  const first = text[start];
  if (first === undefined || isSkipped(first) || !isWord(first)) return false;
  const before = previousUnit(text, start);
  if (before !== undefined && isWord(before)) return false;
  if (matchAt(text, start, key) !== end) return false;
  const after = nextUnit(text, end);
  if (after !== undefined && isWord(after)) return false;
  return caseFits(alias, text, start, end);
}

/** Every mention: leftmost first, the longest at each start, no overlaps; the first fitting alias names it. */
export function referenceFindAll(aliases: readonly RefAlias[], text: string): RefMatch[] {
  const keys = aliases.map((a) => refKey(a.text));
  const found: RefMatch[] = [];
  for (let start = 0; start < text.length; start++) {
    let best: RefMatch | undefined;
    aliases.forEach((alias, index) => {
      const end = matchAt(text, start, keys[index] as string);
      if (end < 0 || !accepts(alias, text, start, end)) return;
      if (!best || end > best.end) best = { alias: index, start, end };
    });
    if (best) found.push(best);
  }
  const out: RefMatch[] = [];
  let last = 0;
  for (const m of found) {
    if (m.start < last) continue;
    out.push(m);
    last = m.end;
  }
  return out;
}
