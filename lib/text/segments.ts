/**
 * Text as the matcher reads it: a run of segments (the text nodes of a
 * block, or one string), each separated from the one before by nothing
 * (inline markup), a space that is not in the text (a `<br>`, elements that
 * render apart) or a block boundary, which no mention crosses.
 */
export type Separator = 'none' | 'space' | 'block';

export interface Segments {
  /** The text of segment `i`, or undefined past the last one (a source may read on as it is asked). */
  text(i: number): string | undefined;
  /** What stands between segment `i - 1` and segment `i` (asked only for `i ≥ 1`, and only near a candidate). */
  separatorBefore(i: number): Separator;
}

/** A position in segments: segment index and offset in its text. */
export interface Position {
  segment: number;
  offset: number;
}

/** A mention found in segments: from `start` to `end` (exclusive), of alias `alias`. */
export interface SegmentMatch {
  alias: number;
  start: Position;
  end: Position;
}

/** Segments over an array of strings, with given separators (`separators[i]` stands before segment `i`). */
export function arraySegments(texts: readonly string[], separators: readonly Separator[] = []): Segments {
  return {
    text: (i) => texts[i],
    separatorBefore: (i) => separators[i] ?? 'none',
  };
}
