import { fold, IGNORED, isWordUnit } from './fold';

/** Units the matcher skips inside a word: soft hyphen, zero-width marks, combining accents. */
const SKIPPABLE =
  '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\u034F\\u180E\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]*';
const PREFIX_UNITS = 3;
/** Past this many distinct prefixes a regular expression stops being cheap: scan everything. */
const MAX_PREFIXES = 200;
/** Latin, Greek and Cyrillic: where one folded letter has many spellings (É, é, e…). */
const SPELLINGS_UP_TO = 0x530;

let spellings: Map<number, number[]> | null = null;

/** Every unit (in the scripts above) that folds to `unit`, the unit itself included. */
function spellingsOf(unit: number): number[] {
  if (!spellings) {
    spellings = new Map();
    for (let u = 1; u < SPELLINGS_UP_TO; u++) {
      const f = fold(u);
      if (f === IGNORED) continue;
      const list = spellings.get(f);
      if (list) list.push(u);
      else spellings.set(f, [u]);
    }
  }
  const found = new Set(spellings.get(unit) ?? []);
  found.add(unit);
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length === 1) found.add(upper.charCodeAt(0));
  return [...found];
}

const escapeUnit = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;

/**
 * A cheap test run on each text node before the per-character matcher:
 * a node can hold (the start of) a mention only if it contains the first
 * letters of an alias in any case or accent, or ends with the beginning of
 * them (a name split across elements). Almost no text node passes, so the
 * matcher's loop runs on a tiny part of the page. Null when there are too
 * many aliases for a regular expression to stay fast.
 */
export function buildPrefilter(keys: readonly string[]): RegExp | null {
  const prefixes = new Set<string>();
  for (const key of keys) {
    let prefix = '';
    for (let i = 0; i < key.length && prefix.length < PREFIX_UNITS; i++) {
      if (!isWordUnit(key.charCodeAt(i))) break;
      prefix += key[i];
    }
    if (prefix) prefixes.add(prefix);
  }
  if (prefixes.size === 0 || prefixes.size > MAX_PREFIXES) return null;
  const cls = (unit: number) => `[${spellingsOf(unit).map(escapeUnit).join('')}]`;
  const alternatives = new Set<string>();
  for (const prefix of prefixes) {
    const units = [...prefix].map((c) => cls(c.charCodeAt(0)));
    alternatives.add(units.join(SKIPPABLE));
    // The prefix cut short by the end of the node: the name goes on in the next one.
    for (let n = 1; n < units.length; n++) alternatives.add(`${units.slice(0, n).join(SKIPPABLE)}${SKIPPABLE}$`);
  }
  // Mentions start at word starts: an alias's letters inside a longer word ("the" in "weather") do not count.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...alternatives].join('|')})`, 'u');
}
