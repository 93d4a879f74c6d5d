import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { Matcher } from '@/lib/text/matcher';
import { blockOf } from './dom-blocks';
import { MAX_HIGHLIGHTED, MAX_TRACKED, type PageLimit } from './limits';
import { countByEntity, MentionSet } from './mention-set';
import { type Changes, MutationReader } from './mutation-reader';
import { type Mention, type ScanOptions, scanSubtree } from './scan';
import { type ScanRoot, SiblingRun } from './scan-root';
import { TimeSlicer } from './time-slice';

/** Paints the mentions (the CSS Custom Highlight API in the browser; a double in tests). */
export interface Painter {
  sync(mentions: readonly Mention[]): void;
  ensureRegistered(): void;
  clear(): void;
}

export interface AnnotatorOptions extends Pick<ScanOptions, 'isExcluded' | 'isHidden'> {
  painter: Painter;
  /** Called with the mention counts per entity whenever they change. */
  onCounts(counts: Record<string, number>, limit: PageLimit): void;
  /** Called after every change of the highlighted mentions (at most `MAX_HIGHLIGHTED`). */
  onChange?(mentions: readonly Mention[]): void;
  /** Batches bursts of page changes before re-scanning. */
  debounceMs?: number;
  slicer?: () => TimeSlicer;
}

/** Records held before a burst is treated as "everything changed": memory stays bounded. */
const MAX_RECORDS = 200_000;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Keeps a document's highlights in step with its text: one full scan, then
 * re-scans of only what changed. The observer only records; reading the
 * records, finding the outermost roots (by climbing ancestors, never by
 * comparing roots pairwise) and scanning all happen in time slices, with a
 * yield possible between any two roots.
 */
export class PageAnnotator {
  private readonly mentions = new MentionSet();
  private changes: Changes = { dirty: new Set(), removed: new Set() };
  private records: MutationRecord[] = [];
  private overflow = false;
  private readonly observed = new WeakSet<Node>();
  private readonly observer: MutationObserver;
  private readonly reader: MutationReader;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastCounts = '';
  private highlighted: Mention[] = [];
  /** A scan stopped at the cap: text past it was never read. */
  private truncated = false;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher<AliasSpec>,
    private readonly options: AnnotatorOptions,
  ) {
    this.observer = new MutationObserver((records) => this.record(records));
    this.reader = new MutationReader(options.isExcluded);
  }

  /** Starts watching and scanning; resolves when the first full scan is done. */
  start(): Promise<void> {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return Promise.resolve();
    this.observe(this.doc);
    this.changes.dirty.add(root);
    return this.process();
  }

  /** Removes every highlight and stops watching. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.records = [];
    this.changes = { dirty: new Set(), removed: new Set() };
    this.mentions.clear();
    this.highlighted = [];
    this.truncated = false;
    this.options.painter.clear();
    this.publishCounts([]);
  }

  /** Resolves once no scan is running or queued. */
  async idle(): Promise<void> {
    while (this.running || this.timer !== undefined) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, (this.options.debounceMs ?? 50) + 1));
    }
  }

  /** The highlighted mentions, in document order. */
  current(): readonly Mention[] {
    return this.highlighted;
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /** The observer's callback: keeps the records for later, nothing more. */
  private record(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (this.overflow || this.records.length + records.length > MAX_RECORDS) {
      this.overflow = true;
      this.records = [];
    } else {
      for (const r of records) this.records.push(r);
    }
    this.schedule();
  }

  private hasWork(): boolean {
    return this.overflow || this.records.length > 0 || this.changes.dirty.size > 0 || this.changes.removed.size > 0;
  }

  private schedule(): void {
    if (this.timer !== undefined || !this.hasWork()) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.process();
    }, this.options.debounceMs ?? 50);
  }

  private process(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const slicer = this.options.slicer?.() ?? new TimeSlicer();
    while (this.hasWork() && !this.stopped) {
      await this.readRecords(slicer);
      if (this.stopped) return;
      const dropped = this.dropGone();
      this.readAgainBelowCap();
      const { dirty } = this.changes;
      // Records that change nothing scanned (a style rewritten, a script added) end here.
      if (dirty.size === 0 && dropped === 0) continue;
      this.changes.dirty = new Set();
      const roots = outermost(dirty);
      this.mentions.removeWithinAny(new Set(roots.filter((r): r is Node => !(r instanceof SiblingRun))));
      for (const root of roots) {
        if (this.stopped) return;
        if (!root.isConnected) continue;
        if (slicer.due()) await slicer.next();
        await this.scan(root, slicer);
      }
      if (this.stopped) return;
      this.publish();
    }
  }

  private async readRecords(slicer: TimeSlicer): Promise<void> {
    if (this.overflow) {
      // Too many changes at once to follow: read the whole document again.
      this.overflow = false;
      this.records = [];
      const root = this.doc.body ?? this.doc.documentElement;
      if (root) this.changes.dirty.add(root);
      return;
    }
    const records = this.records;
    this.records = [];
    if (records.length > 0) await this.reader.read(records, this.changes, slicer);
  }

  private async scan(root: ScanRoot, slicer: TimeSlicer): Promise<void> {
    const room = MAX_TRACKED - this.mentions.size;
    if (room <= 0) return;
    const result = await scanSubtree(root, this.matcher, {
      slicer,
      limit: room,
      isExcluded: this.options.isExcluded,
      isHidden: this.options.isHidden,
      cancelled: () => this.stopped,
      onShadowRoot: (shadow) => {
        this.observe(shadow);
        this.changes.dirty.add(shadow);
      },
    });
    if (this.stopped) return;
    if (result.mentions.length >= room) this.truncated = true;
    this.mentions.addScanned(result.mentions);
    // The page changed what we were walking: that part is scanned again.
    if (!result.complete && root.isConnected) this.changes.dirty.add(root);
  }

  /**
   * Once the page has dropped enough of what filled the cap, the text a
   * capped scan never read is read: the whole document again (rare, and
   * only well below the cap, so that a page hovering at it is not re-read
   * on every change).
   */
  private readAgainBelowCap(): void {
    if (!this.truncated || this.mentions.size > MAX_TRACKED * 0.9) return;
    this.truncated = false;
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) this.changes.dirty.add(root);
  }

  /**
   * Forgets mentions whose text left the page, moved, or changed under them.
   * Where part of one is still on the page ("Pang" of a "Ruoming Pang" whose
   * first name was removed), that part's block is read again: it may name
   * someone on its own.
   */
  private dropGone(): number {
    const removed = this.changes.removed;
    this.changes.removed = new Set();
    const gone = [...this.mentions.removeStale(), ...this.mentions.removeUnder(removed)];
    for (const m of gone) {
      if (m.startNode.isConnected) this.changes.dirty.add(blockOf(m.startNode));
      if (m.endNode.isConnected) this.changes.dirty.add(blockOf(m.endNode));
    }
    return gone.length;
  }

  private publish(): void {
    this.dropGone();
    const visible = this.mentions.visible();
    this.highlighted = visible.length > MAX_HIGHLIGHTED ? visible.slice(0, MAX_HIGHLIGHTED) : visible;
    this.options.painter.sync(this.highlighted);
    this.publishCounts(visible);
    this.options.onChange?.(this.highlighted);
  }

  private publishCounts(visible: readonly Mention[]): void {
    const counts = countByEntity(visible);
    const limit: PageLimit =
      this.mentions.size >= MAX_TRACKED ? 'counts' : visible.length > MAX_HIGHLIGHTED ? 'highlights' : 'none';
    const key = JSON.stringify([limit, Object.entries(counts).sort()]);
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    this.options.onCounts(counts, limit);
  }
}

/**
 * The roots not inside another root, found by climbing each root's
 * ancestors against the set (linear in roots × depth): comparing roots
 * pairwise took seconds on a feed of thousands of new posts.
 */
export function outermost(roots: ReadonlySet<ScanRoot>): ScanRoot[] {
  const covered = new Set<Node>();
  const runMembers = new Set<Node>();
  for (const root of roots) {
    if (!(root instanceof SiblingRun)) covered.add(root);
    else
      for (const member of root.members()) {
        covered.add(member);
        runMembers.add(member);
      }
  }
  const out: ScanRoot[] = [];
  for (const root of roots) {
    let inside = !(root instanceof SiblingRun) && runMembers.has(root);
    for (let n = root.parentNode; n && !inside; n = n.parentNode) inside = covered.has(n);
    if (!inside) out.push(root);
  }
  return out;
}
