import type { Alias, Category } from '@/lib/facts/schema';
import { aliasKey, fold, IGNORED, isWordUnit, SPACE, strip } from './fold';
import { buildPrefilter } from './prefilter';

/** One alias as the matcher needs it: what to find and whom it names. */
export interface AliasSpec extends Alias {
  entityId: string;
  category: Category;
}

/** A mention in a stream of text chunks: from `start` in chunk `startRef` to `end` (exclusive) in `endRef`. */
export interface ChunkMatch<T> {
  alias: number;
  startRef: T;
  start: number;
  endRef: T;
  end: number;
}

interface Candidate {
  start: number;
  end: number;
  node: number;
}

interface Walk {
  node: number;
  start: number;
}

/**
 * Aliases compiled into a trie over folded text. Matches can only begin at
 * a word start, so instead of Aho–Corasick failure links the scanner starts
 * one walk per word start whose first letter begins some alias; nearly all
 * walks die within a letter or two. Cost is linear in the text, and the
 * root step is one typed-array read whatever the number of aliases.
 */
export class Matcher {
  /** First step from the root, by folded unit: 0 = no alias starts with it. */
  private readonly rootNext = new Int32Array(0x10000);
  /** Deeper steps, keyed `node * 0x10000 + unit`. */
  private readonly next = new Map<number, number>();
  /** Aliases ending at each node (most nodes: none). */
  private readonly terminals = new Map<number, number[]>();
  private nodeCount = 1;

  /** Cheap per-node test: a node it rejects holds no mention start (see prefilter.ts); null = test everything. */
  readonly prefilter: RegExp | null;

  private constructor(readonly aliases: readonly AliasSpec[]) {
    const keys: string[] = [];
    aliases.forEach((alias, index) => {
      const key = aliasKey(alias.text);
      keys.push(key);
      // An alias must begin with a letter or digit: matches only start at word starts.
      if (key.length === 0 || !isWordUnit(key.charCodeAt(0))) return;
      let node = 0;
      for (let i = 0; i < key.length; i++) node = this.child(node, key.charCodeAt(i), true);
      const list = this.terminals.get(node);
      if (list) list.push(index);
      else this.terminals.set(node, [index]);
    });
    this.prefilter = buildPrefilter(keys);
  }

  static compile(aliases: readonly AliasSpec[]): Matcher {
    return new Matcher(aliases);
  }

  /** Follows (or, when `create`, adds) the edge from `node` on folded unit `unit`; 0 = none. */
  child(node: number, unit: number, create = false): number {
    if (node === 0) {
      let target = this.rootNext[unit] as number;
      if (target === 0 && create) {
        target = this.nodeCount++;
        this.rootNext[unit] = target;
      }
      return target;
    }
    const key = node * 0x10000 + unit;
    let target = this.next.get(key) ?? 0;
    if (target === 0 && create) {
      target = this.nodeCount++;
      this.next.set(key, target);
    }
    return target;
  }

  terminalAliases(node: number): number[] | undefined {
    return this.terminals.get(node);
  }

  scanner<T>(): BlockScanner<T> {
    return new BlockScanner<T>(this);
  }

  /** All mentions in one string, as [start, end) offsets. */
  findAll(text: string): { alias: number; start: number; end: number }[] {
    const scanner = this.scanner<null>();
    scanner.feed(text, null);
    return scanner.end().map(({ alias, start, end }) => ({ alias, start, end }));
  }
}

/**
 * Scans the text of one block, fed as consecutive chunks (text nodes), so a
 * name split over inline elements is one mention. Offsets are counted over
 * the concatenated chunks; results carry the chunk refs back.
 */
export class BlockScanner<T> {
  private walks: Walk[] = [];
  /** Candidates whose last unit was just read; the next unit decides the word boundary. */
  private awaiting: Candidate[] = [];
  /** Accepted candidates that a longer, earlier mention could still overlap. */
  private pending: Candidate[] = [];
  private out: ChunkMatch<T>[] = [];
  private chunks: string[] = [];
  private refs: T[] = [];
  private starts: number[] = [];
  /** Stream offsets where a separator that is not in the text (see `space`) stands. */
  private readonly virtualSpaces = new Set<number>();
  private pos = 0;
  private prevWord = false;
  private prevSpace = true;
  private emittedEnd = 0;

  constructor(private readonly matcher: Matcher) {}

  /** True while a mention may still continue into the next chunk. */
  get busy(): boolean {
    return this.walks.length > 0 || this.awaiting.length > 0 || this.pending.length > 0;
  }

  /** Whether the text so far ends in a letter or digit (a following word would not start a new word). */
  get endsInWord(): boolean {
    return this.prevWord;
  }

  feed(text: string, ref: T): void {
    if (!this.busy) this.dropChunks();
    this.chunks.push(text);
    this.refs.push(ref);
    this.starts.push(this.pos);
    const matcher = this.matcher;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const unit = fold(code);
      if (unit === IGNORED) continue;
      this.step(unit, isWordUnit(code), this.pos + i, matcher);
    }
    this.pos += text.length;
  }

  /**
   * Passes over a chunk the prefilter showed holds no mention start, keeping
   * only what the next chunk needs to know: whether this one ends in a word.
   * Only valid while no mention is in progress (`busy` is false).
   */
  skip(text: string): void {
    this.dropChunks();
    for (let i = text.length - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      const unit = fold(code);
      if (unit === IGNORED) continue;
      this.prevWord = isWordUnit(code);
      this.prevSpace = unit === SPACE;
      break;
    }
    this.pos += text.length;
  }

  /** A separator between chunks that is not in their text: a `<br>`, or an element boundary that renders as space. */
  space(): void {
    if (this.busy) this.virtualSpaces.add(this.pos);
    this.step(SPACE, false, this.pos, this.matcher);
  }

  private step(unit: number, word: boolean, at: number, matcher: Matcher): void {
    if (this.awaiting.length > 0) this.settleAwaiting(!word);
    if (unit === SPACE && this.prevSpace) {
      this.prevWord = false;
      return;
    }
    const walks = this.walks;
    if (walks.length > 0) {
      let kept = 0;
      for (let w = 0; w < walks.length; w++) {
        const walk = walks[w] as Walk;
        const node = matcher.child(walk.node, unit);
        if (node === 0) continue;
        walk.node = node;
        walks[kept++] = walk;
        if (matcher.terminalAliases(node)) this.awaiting.push({ start: walk.start, end: at + 1, node });
      }
      walks.length = kept;
    }
    if (word && !this.prevWord) {
      const node = matcher.child(0, unit);
      if (node !== 0) {
        walks.push({ node, start: at });
        if (matcher.terminalAliases(node)) this.awaiting.push({ start: at, end: at + 1, node });
      }
    }
    this.prevWord = word;
    this.prevSpace = unit === SPACE;
    if (this.pending.length > 0) this.flushSettled();
  }

  private settleAwaiting(boundaryAfter: boolean): void {
    if (boundaryAfter) for (const c of this.awaiting) if (this.caseFits(c)) this.pending.push(c);
    this.awaiting = [];
  }

  /** Resolves pending candidates that no running walk can overlap any more. */
  private flushSettled(): void {
    let settledBefore = Number.POSITIVE_INFINITY;
    for (const w of this.walks) settledBefore = Math.min(settledBefore, w.start);
    for (const c of this.awaiting) settledBefore = Math.min(settledBefore, c.start);
    const maxEnd = this.pending.reduce((m, c) => Math.max(m, c.end), 0);
    if (settledBefore >= maxEnd) this.resolvePending();
  }

  /** Leftmost, then longest, mention wins; overlapping ones are dropped. */
  private resolvePending(): void {
    this.pending.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const c of this.pending) {
      if (c.start < this.emittedEnd) continue;
      const alias = this.pickAlias(c);
      if (alias === undefined) continue;
      this.emittedEnd = c.end;
      const [startRef, start] = this.locate(c.start, false);
      const [endRef, end] = this.locate(c.end, true);
      this.out.push({ alias, startRef, start, endRef, end });
    }
    this.pending = [];
  }

  private pickAlias(c: Candidate): number | undefined {
    const aliases = this.matcher.terminalAliases(c.node) ?? [];
    return aliases.find((a) => this.matcher.aliases[a]?.match === 'fold' || this.caseMatches(c, a));
  }

  private caseFits(c: Candidate): boolean {
    return this.pickAlias(c) !== undefined;
  }

  /**
   * A case-sensitive alias matches text with the alias's own capitals
   * (accents aside), or text in all capitals (headings).
   */
  private caseMatches(c: Candidate, aliasIndex: number): boolean {
    const key = aliasKey((this.matcher.aliases[aliasIndex] as AliasSpec).text, true);
    const original = this.originalUnits(c.start, c.end);
    if (original === key) return true;
    return (
      original === original.toUpperCase() &&
      original !== original.toLowerCase() &&
      original.toLowerCase() === key.toLowerCase()
    );
  }

  /** The text of [start, end) as the alias key sees it: accents stripped, skips and space runs removed. */
  private originalUnits(start: number, end: number): string {
    let out = '';
    let lastSpace = false;
    for (let k = this.chunkIndex(start); k < this.chunks.length; k++) {
      const chunk = this.chunks[k] as string;
      const base = this.starts[k] as number;
      const from = Math.max(start - base, 0);
      const to = Math.min(end - base, chunk.length);
      if (base > start && !lastSpace && this.virtualSpaces.has(base)) {
        out += ' ';
        lastSpace = true;
      }
      for (let i = from; i < to; i++) {
        const unit = strip(chunk.charCodeAt(i));
        if (unit === IGNORED || (unit === SPACE && lastSpace)) continue;
        lastSpace = unit === SPACE;
        out += String.fromCharCode(unit);
      }
      if (base + chunk.length >= end) break;
    }
    return out;
  }

  private chunkIndex(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Chunk and offset of a stream position; an end is placed in the chunk of its last unit. */
  private locate(offset: number, isEnd: boolean): [T, number] {
    const k = this.chunkIndex(isEnd ? offset - 1 : offset);
    return [this.refs[k] as T, offset - (this.starts[k] as number)];
  }

  private dropChunks(): void {
    if (this.chunks.length === 0) return;
    this.chunks = [];
    this.refs = [];
    this.starts = [];
    this.virtualSpaces.clear();
  }

  /** Mentions completed so far (and no longer open to a longer overlap). */
  take(): ChunkMatch<T>[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  /** Ends the block: settles everything and returns the remaining mentions; the scanner is then fresh. */
  end(): ChunkMatch<T>[] {
    this.settleAwaiting(true);
    this.walks = [];
    this.resolvePending();
    const done = this.take();
    this.dropChunks();
    this.pos = 0;
    this.prevWord = false;
    this.prevSpace = true;
    this.emittedEnd = 0;
    return done;
  }
}
