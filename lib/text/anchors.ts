import { isWordUnit } from './fold';

/** Leading units of a key that a candidate must show: enough to make candidates rare, few enough to stay literal. */
export const ANCHOR_UNITS = 3;

/**
 * The anchor of a folded alias key: its first letters or digits, up to
 * `ANCHOR_UNITS`, stopping at the first other unit (a space, an apostrophe),
 * whose spellings a literal could not cover. Empty when the key does not
 * start with a letter or digit: such an alias can never start a mention.
 */
export function anchorOf(key: string): string {
  let end = 0;
  while (end < key.length && end < ANCHOR_UNITS && isWordUnit(key.charCodeAt(end))) end++;
  return key.slice(0, end);
}

const escapeLiteral = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * A RegExp source matching every anchor of `keys` as a plain literal, which
 * engines search fast however many there are (character classes or the `i`
 * flag would not be). An anchor that another one begins is left out: the
 * shorter one already finds it. Null when no key can match.
 */
export function anchorSource(keys: readonly string[]): string | null {
  const anchors = [...new Set(keys.map(anchorOf).filter(Boolean))].sort();
  const kept: string[] = [];
  for (const anchor of anchors) {
    // Sorted, so a prefix comes right before the anchors it begins.
    const previous = kept[kept.length - 1];
    if (previous !== undefined && anchor.startsWith(previous)) continue;
    kept.push(anchor);
  }
  return kept.length > 0 ? kept.map(escapeLiteral).join('|') : null;
}
