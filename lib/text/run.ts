import type { CandidateReader } from './candidate';
import { fold, IGNORED, isWordUnit } from './fold';
import { foldedView } from './folded-view';
import type { Position, SegmentMatch, Segments } from './segments';

/** Text examined per step: large enough that one native search pays off, small enough to yield often. */
export const CHUNK_UNITS = 64 * 1024;
/** Text read past a chunk's end, so an anchor that begins in it and ends after is still seen. */
const LOOKAHEAD_UNITS = 64;

/**
 * Finds the mentions in a run of segments, a chunk at a time: the chunk's
 * text is folded natively (see `foldedView`) and searched once for anchors,
 * the first letters of the keys, with a precompiled RegExp; only at the
 * rare anchors that start a word does the reader walk the trie. Mentions
 * come out in order, none overlapping (leftmost, then longest).
 */
export class MentionRun {
  /** Offset of each segment read so far, counted over the whole run. */
  private readonly starts: number[] = [0];
  /** The segment that holds `pos` or comes before it: positions only move forward. */
  private cursor = 0;
  private pos = 0;
  private emittedEnd = 0;
  private done = false;

  constructor(
    private readonly segs: Segments,
    /** Built on first use: most runs never meet a candidate. */
    private readonly reader: () => CandidateReader,
    private readonly anchors: RegExp | null,
    private readonly unsafe: RegExp,
    private readonly chunkUnits = CHUNK_UNITS,
  ) {}

  get finished(): boolean {
    return this.done;
  }

  /** How far into the run (in units) the next step reads: a source can have that much ready. */
  get nextEnd(): number {
    return this.pos + this.chunkUnits + LOOKAHEAD_UNITS;
  }

  /** Reads the next chunk; returns its mentions (often none). After the last chunk, `finished` is true. */
  step(): SegmentMatch[] {
    if (this.done) return [];
    const from = this.pos;
    const text = this.textBetween(from, from + this.chunkUnits + LOOKAHEAD_UNITS);
    const chunkEnd = from + Math.min(this.chunkUnits, text.length);
    const found = this.anchors && text.length > 0 ? this.matchChunk(text, from, chunkEnd, this.anchors) : [];
    this.pos = chunkEnd;
    if (text.length <= this.chunkUnits) this.done = true;
    return found;
  }

  private matchChunk(text: string, from: number, chunkEnd: number, anchors: RegExp): SegmentMatch[] {
    const found: SegmentMatch[] = [];
    const view = foldedView(text, this.unsafe);
    anchors.lastIndex = 0;
    for (let hit = anchors.exec(view.text); hit; hit = anchors.exec(view.text)) {
      const at = from + (view.map ? (view.map[hit.index] as number) : hit.index);
      if (at >= chunkEnd) break;
      // Anchors of different keys may overlap: the next search starts one unit on, not after this hit.
      anchors.lastIndex = hit.index + 1;
      if (at < this.emittedEnd) continue;
      const match = this.matchAt(this.locate(at));
      if (!match) continue;
      found.push(match);
      this.emittedEnd = this.startOf(match.end.segment) + match.end.offset;
    }
    return found;
  }

  private matchAt(at: Position): SegmentMatch | null {
    const code = (this.segs.text(at.segment) as string).charCodeAt(at.offset);
    if (!isWordUnit(code) || fold(code) === IGNORED || !this.reader().startsWord(this.segs, at)) return null;
    return this.reader().matchAt(this.segs, at);
  }

  /** The text from run offset `from` to `to` (or the end), reading segments as needed. */
  private textBetween(from: number, to: number): string {
    let out = '';
    for (let segment = this.segmentAt(from); segment !== undefined; segment++) {
      const text = this.segs.text(segment);
      const start = this.startOf(segment);
      if (text === undefined || start >= to) break;
      out += text.slice(Math.max(0, from - start), to - start);
    }
    return out;
  }

  /** Run offset where segment `i` starts; segments are measured as they are first read. */
  private startOf(i: number): number {
    while (this.starts.length <= i) {
      const k = this.starts.length;
      this.starts.push((this.starts[k - 1] as number) + (this.segs.text(k - 1) ?? '').length);
    }
    return this.starts[i] as number;
  }

  /** The segment holding run offset `at` (empty segments are passed over), or undefined past the end. */
  private segmentAt(at: number): number | undefined {
    for (let i = this.cursor; ; i++) {
      const text = this.segs.text(i);
      if (text === undefined) return undefined;
      if (at < this.startOf(i) + text.length) {
        this.cursor = i;
        return i;
      }
    }
  }

  private locate(at: number): Position {
    const segment = this.segmentAt(at) as number;
    return { segment, offset: at - this.startOf(segment) };
  }
}
