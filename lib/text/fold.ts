/**
 * Same-length folding of text, one UTF-16 unit at a time, so that offsets
 * in folded text are offsets in the page's text. `normalize('NFD')` would
 * change lengths (and was slower when measured).
 *
 * Tables are filled lazily: a page only pays for the characters it uses.
 */

/** Folded value of characters the matcher skips entirely (soft hyphen, zero-width marks). */
export const IGNORED = 0xffff;
export const SPACE = 0x20;
export const APOSTROPHE = 0x27;

const UNKNOWN = 0;
// 0 = not computed yet; otherwise the folded unit (IGNORED for skipped ones).
const foldTable = new Uint16Array(0x10000);
const stripTable = new Uint16Array(0x10000);
// 0 = not computed, 1 = not a word character, 2 = word character.
const wordTable = new Uint8Array(0x10000);

const IGNORABLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x034f, 0x180e]);
/**
 * Combining accents on their own (decomposed text: `e` + U+0301): skipped,
 * so `Fe\u0301de\u0301righi` folds like `Fédérighi`, whose accents the
 * decomposition below strips.
 */
function isCombiningAccent(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    code === 0x3099 ||
    code === 0x309a
  );
}
const APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc, 0x02bb, 0x2032, 0xff07]);
const HYPHENS = new Set([0x2010, 0x2011]);
const WHITESPACE = /^\s$/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /^\p{M}+$/u;

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Accents stripped; case kept. */
function computeStrip(code: number): number {
  if (IGNORABLE.has(code) || isCombiningAccent(code)) return IGNORED;
  if (APOSTROPHES.has(code)) return APOSTROPHE;
  if (HYPHENS.has(code)) return 0x2d;
  if (isSurrogate(code)) return code;
  const char = String.fromCharCode(code);
  if (WHITESPACE.test(char)) return SPACE;
  const decomposed = char.normalize('NFD');
  if (decomposed.length > 1 && MARKS.test(decomposed.slice(1))) return decomposed.charCodeAt(0);
  return code;
}

function computeFold(code: number): number {
  const stripped = strip(code);
  if (stripped === IGNORED || isSurrogate(stripped)) return stripped;
  // Final sigma folds like sigma, as Unicode case folding does ("ΟΔΥΣΣΕΥΣ" ~ "Οδυσσευς").
  if (stripped === 0x03c2) return 0x03c3;
  const lower = String.fromCharCode(stripped).toLowerCase();
  // Characters whose lowercase is longer (İ) keep their stripped form.
  return lower.length === 1 ? lower.charCodeAt(0) : stripped;
}

/** Case- and accent-folded unit: `É` → `e`, no-break and narrow spaces → space, `’` → `'`. */
export function fold(code: number): number {
  let value = foldTable[code] as number;
  if (value === UNKNOWN) {
    // U+0000 folds to 0, which reads as "not computed": it is recomputed each time, harmlessly.
    value = computeFold(code);
    foldTable[code] = value;
  }
  return value;
}

/** Accent-stripped unit with its case kept, for case-sensitive aliases. */
export function strip(code: number): number {
  let value = stripTable[code] as number;
  if (value === UNKNOWN) {
    value = computeStrip(code);
    stripTable[code] = value;
  }
  return value;
}

/**
 * Letters, digits and combining marks, in any script. Surrogate halves count
 * as non-word: astral characters are mostly emoji and symbols. Apostrophes
 * never do, even the modifier-letter ones (ʼ ʻ, which are \p{Lm}): `dʼApple`
 * is an elision and `Siriʼs` a possessive.
 */
export function isWordUnit(code: number): boolean {
  let value = wordTable[code] as number;
  if (value === UNKNOWN) {
    value = !isSurrogate(code) && !APOSTROPHES.has(code) && WORD.test(String.fromCharCode(code)) ? 2 : 1;
    wordTable[code] = value;
  }
  return value === 2;
}

/** Folds a whole string the way the matcher sees it (same length; skipped units become U+FFFF). */
export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold(text.charCodeAt(i)));
  return out;
}

/**
 * The canonical key of an alias: folded, skipped units removed, whitespace
 * runs collapsed to one space, trimmed. The matcher compares text against it.
 */
export function aliasKey(text: string, caseSensitive = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = caseSensitive ? strip(text.charCodeAt(i)) : fold(text.charCodeAt(i));
    if (code === IGNORED) continue;
    if (code === SPACE && (out.length === 0 || out.endsWith(' '))) continue;
    out += String.fromCharCode(code);
  }
  return out.trimEnd();
}
