import type { Position, SegmentMatch, Segments } from './segments';

/** Text read on each side of a mention: enough for a sentence's worth of words, little enough to stay cheap. */
const REACH = 160;

/** The text around a mention in its block, as a reader sees it: a `<br>` reads as a line break. */
export interface MatchContext {
  before: string;
  text: string;
  after: string;
}

/** Reads the mention's text and what stands before and after it, never crossing a block boundary. */
export function contextOf(segs: Segments, match: SegmentMatch): MatchContext {
  return {
    before: readBack(segs, match.start, REACH),
    text: readSpan(segs, match.start, match.end),
    after: readOn(segs, match.end, REACH),
  };
}

function readBack(segs: Segments, from: Position, reach: number): string {
  let out = '';
  let segment = from.segment;
  let text = (segs.text(segment) ?? '').slice(0, from.offset);
  for (;;) {
    out = text + out;
    if (out.length >= reach || segment === 0) break;
    const separator = segs.separatorBefore(segment);
    if (separator === 'block') break;
    // A line break, not a space: the words on either side are not next to each other.
    if (separator === 'space') out = `\n${out}`;
    segment--;
    text = segs.text(segment) ?? '';
  }
  return out.slice(-reach);
}

function readOn(segs: Segments, from: Position, reach: number): string {
  let out = (segs.text(from.segment) ?? '').slice(from.offset);
  for (let segment = from.segment + 1; out.length < reach; segment++) {
    const text = segs.text(segment);
    if (text === undefined) break;
    const separator = segs.separatorBefore(segment);
    if (separator === 'block') break;
    out += separator === 'space' ? `\n${text}` : text;
  }
  return out.slice(0, reach);
}

function readSpan(segs: Segments, start: Position, end: Position): string {
  let out = '';
  for (let s = start.segment; s <= end.segment; s++) {
    const text = segs.text(s) ?? '';
    if (s > start.segment && segs.separatorBefore(s) === 'space') out += ' ';
    out += text.slice(s === start.segment ? start.offset : 0, s === end.segment ? end.offset : text.length);
  }
  return out;
}
