import { fold, IGNORED, isWordUnit, SPACE, strip } from './fold';
import type { Position, SegmentMatch, Segments } from './segments';
import type { AliasTrie } from './trie';

/** What the matcher needs to know of an alias beyond its key. */
export interface CaseRule {
  match: 'fold' | 'case';
  /** The alias folded with its case kept (`aliasKey(text, true)`), for `case` aliases. */
  caseKey?: string | null;
}

/**
 * Reads the text at one candidate position and says which mention, if any,
 * starts there: the position must start a word, a key of the trie must be
 * spelt from it (accents and case folded, skipped units ignored, any run of
 * whitespace for a space, across inline markup but never across a block),
 * and end where a word ends; of several such keys the longest wins, and a
 * `case` alias must also match its capitals (or be in all capitals).
 */
export class CandidateReader {
  constructor(
    private readonly trie: AliasTrie,
    private readonly rules: readonly CaseRule[],
  ) {}

  /** Whether `at` starts a word: the unit the matcher read before it is no letter or digit, or there is none. */
  startsWord(segs: Segments, at: Position): boolean {
    let segment = at.segment;
    let i = at.offset - 1;
    for (;;) {
      const text = segs.text(segment) ?? '';
      for (; i >= 0; i--) {
        const code = text.charCodeAt(i);
        if (fold(code) !== IGNORED) return !isWordUnit(code);
      }
      if (segment === 0 || segs.separatorBefore(segment) !== 'none') return true;
      segment--;
      i = (segs.text(segment) ?? '').length - 1;
    }
  }

  /** The longest mention starting at `at` (a word start whose unit begins some key), or null. */
  matchAt(segs: Segments, at: Position): SegmentMatch | null {
    const startText = segs.text(at.segment) as string;
    let node = this.trie.child(0, fold(startText.charCodeAt(at.offset)));
    if (node === 0) return null;
    let best: SegmentMatch | null = null;
    // A key ended on the unit just read; the next unit says whether a word ends there too.
    let awaiting: { node: number; end: Position } | null = null;
    const settle = (boundary: boolean) => {
      if (awaiting && boundary) {
        const alias = this.pickAlias(segs, at, awaiting.end, awaiting.node);
        if (alias !== undefined) best = { alias, start: at, end: awaiting.end };
      }
      awaiting = null;
    };
    if (this.trie.terminalAliases(node)) awaiting = { node, end: { segment: at.segment, offset: at.offset + 1 } };
    let prevSpace = false;
    let segment = at.segment;
    let i = at.offset + 1;
    let text = startText;
    walk: for (;;) {
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const unit = fold(code);
        if (unit === IGNORED) continue;
        settle(!isWordUnit(code));
        if (unit === SPACE && prevSpace) continue;
        node = this.trie.child(node, unit);
        if (node === 0) break walk;
        prevSpace = unit === SPACE;
        if (this.trie.terminalAliases(node)) awaiting = { node, end: { segment, offset: i + 1 } };
      }
      const nextText = segs.text(segment + 1);
      const separator = nextText === undefined ? 'block' : segs.separatorBefore(segment + 1);
      if (separator === 'block') {
        settle(true);
        break;
      }
      segment++;
      text = nextText as string;
      i = 0;
      if (separator === 'space') {
        settle(true);
        if (!prevSpace) {
          node = this.trie.child(node, SPACE);
          if (node === 0) break;
          prevSpace = true;
        }
      }
    }
    return best as SegmentMatch | null;
  }

  /** The first alias ending at `node` that the text fits: any `fold` alias, or a `case` alias with the right capitals. */
  private pickAlias(segs: Segments, start: Position, end: Position, node: number): number | undefined {
    let original: string | undefined;
    for (const alias of this.trie.terminalAliases(node) ?? []) {
      const rule = this.rules[alias] as CaseRule;
      if (rule.match === 'fold') return alias;
      original ??= originalText(segs, start, end);
      if (caseFits(original, rule.caseKey ?? '')) return alias;
    }
    return undefined;
  }
}

/**
 * A `case` alias matches text with the alias's own capitals (accents aside),
 * or text in all capitals (headings).
 */
function caseFits(original: string, key: string): boolean {
  if (original === key) return true;
  return (
    original === original.toUpperCase() &&
    original !== original.toLowerCase() &&
    original.toLowerCase() === key.toLowerCase()
  );
}

/** The text from `start` to `end` as a case key sees it: accents stripped, skipped units dropped, space runs as one. */
function originalText(segs: Segments, start: Position, end: Position): string {
  let out = '';
  let lastSpace = false;
  for (let s = start.segment; s <= end.segment; s++) {
    const text = segs.text(s) ?? '';
    if (s > start.segment && !lastSpace && segs.separatorBefore(s) === 'space') {
      out += ' ';
      lastSpace = true;
    }
    const to = s === end.segment ? end.offset : text.length;
    for (let i = s === start.segment ? start.offset : 0; i < to; i++) {
      const unit = strip(text.charCodeAt(i));
      if (unit === IGNORED || (unit === SPACE && lastSpace)) continue;
      lastSpace = unit === SPACE;
      out += String.fromCharCode(unit);
    }
  }
  return out;
}
