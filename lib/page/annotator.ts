import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { Matcher } from '@/lib/text/matcher';
import { blockAround, blockOf, isBlock, isInsideSkipped, SKIPPED_TAGS } from './dom-blocks';
import { countByEntity, MentionSet } from './mention-set';
import { type Mention, type ScanOptions, scanSubtree } from './scan';
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
  onCounts(counts: Record<string, number>): void;
  /** Called after every change of the mention set. */
  onChange?(mentions: readonly Mention[]): void;
  /** Batches bursts of page changes before re-scanning. */
  debounceMs?: number;
  slicer?: () => TimeSlicer;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Keeps a document's highlights in step with its text: one full scan, then
 * re-scans of only the blocks whose text changed, all in time slices.
 */
export class PageAnnotator {
  private readonly mentions = new MentionSet();
  private readonly dirty = new Set<Node>();
  private readonly observed = new WeakSet<Node>();
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Nodes the page took out (or moved): their mentions go, even when nothing needs a re-scan. */
  private removed = new Set<Node>();
  private lastCounts = '';
  private sorted: Mention[] = [];

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher<AliasSpec>,
    private readonly options: AnnotatorOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** Starts watching and scanning; resolves when the first full scan is done. */
  start(): Promise<void> {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return Promise.resolve();
    this.observe(this.doc);
    this.dirty.add(root);
    return this.process();
  }

  /** Removes every highlight and stops watching. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.dirty.clear();
    this.removed.clear();
    this.mentions.clear();
    this.sorted = [];
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

  /** The mentions that count, in document order. */
  current(): readonly Mention[] {
    return this.sorted;
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    const isExcluded = this.options.isExcluded;
    const added = new Set<Node>();
    for (const record of records) {
      const target = record.target;
      // Content never scanned (styles that CSS-in-JS rewrites, scripts, the title, the extension's
      // own UI) holds no mention and joins no text: re-scanning around it would re-read the page.
      if (isInsideSkipped(target, isExcluded)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(blockAround(target));
        continue;
      }
      for (const node of record.addedNodes) if (!isInert(node, isExcluded)) added.add(node);
      // What the page took out: its mentions go (see `dropGone`). The text left around it must be
      // read again when it may now join or part, or end or start a word differently: when text
      // stands on both sides, or when what went held text of its own and text stands on one side.
      let removedText = false;
      let removedAny = false;
      for (const removed of record.removedNodes) {
        if (isInert(removed, isExcluded)) continue;
        removedAny = true;
        this.removed.add(removed);
        if (!isBoundary(removed)) removedText = true;
      }
      if (removedAny) {
        const closedBefore = isClosed(target, record.previousSibling, false, isExcluded);
        const closedAfter = isClosed(target, record.nextSibling, true, isExcluded);
        if (removedText ? !closedBefore || !closedAfter : !closedBefore && !closedAfter) {
          this.dirty.add(blockAround(target));
        }
      }
    }
    // What the page put in, as runs of new siblings in the page as it is now (judged one by one,
    // two new blocks side by side would each hide the text beyond the other).
    const seen = new Set<Node>();
    for (const node of added) {
      const parent = node.parentNode;
      if (seen.has(node) || !parent || isInsideSkipped(parent, isExcluded)) continue;
      let first = node;
      let last = node;
      while (first.previousSibling && added.has(first.previousSibling)) first = first.previousSibling;
      while (last.nextSibling && added.has(last.nextSibling)) last = last.nextSibling;
      const run: Node[] = [];
      for (let n: Node | null = first; n; n = n === last ? null : n.nextSibling) {
        run.push(n);
        seen.add(n);
      }
      // Other new blocks do not close the old text off: they were not there when it was scanned.
      const closedBefore = isClosed(parent, first.previousSibling, false, isExcluded, added);
      const closedAfter = isClosed(parent, last.nextSibling, true, isExcluded, added);
      if (run.length === 1 && node.nodeType === 1 && !isBoundary(node) && closedBefore && closedAfter) {
        // One inline element (a feed item with a custom tag) that no text around can join.
        this.dirty.add(node);
        continue;
      }
      // New blocks hold their own text. The text around is read again when it may join new text,
      // or when the new run parts text on both sides.
      for (const n of run) if (n.nodeType === 1 && isBlock(n)) this.dirty.add(n);
      if (run.some((n) => !isBoundary(n)) || (!closedBefore && !closedAfter)) this.dirty.add(blockAround(parent));
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || (this.dirty.size === 0 && this.removed.size === 0)) return;
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
    while ((this.dirty.size > 0 || this.removed.size > 0) && !this.stopped) {
      this.dropGone();
      const roots = outermost([...this.dirty]);
      this.dirty.clear();
      for (const root of roots) {
        if (this.stopped) return;
        if (!root.isConnected) continue;
        this.mentions.removeWithin(root);
        const result = await scanSubtree(root, this.matcher, {
          slicer,
          isExcluded: this.options.isExcluded,
          isHidden: this.options.isHidden,
          cancelled: () => this.stopped,
          onShadowRoot: (shadow) => {
            this.observe(shadow);
            this.dirty.add(shadow);
          },
        });
        if (this.stopped) return;
        this.mentions.addScanned(result.mentions);
        // The page changed what we were walking: that part is scanned again.
        if (!result.complete && root.isConnected) this.dirty.add(root);
      }
      this.publish();
    }
  }

  /**
   * Forgets mentions whose text left the page, moved, or changed under them.
   * Where part of one is still on the page ("Pang" of a "Ruoming Pang" whose
   * first name was removed), that part's block is read again: it may name
   * someone on its own.
   */
  private dropGone(): void {
    const removed = this.removed;
    this.removed = new Set();
    for (const m of [...this.mentions.removeStale(), ...this.mentions.removeUnder(removed)]) {
      if (m.startNode.isConnected) this.dirty.add(blockOf(m.startNode));
      if (m.endNode.isConnected) this.dirty.add(blockOf(m.endNode));
    }
  }

  private publish(): void {
    this.dropGone();
    const visible = this.mentions.visible();
    this.sorted = visible;
    this.options.painter.sync(visible);
    this.publishCounts(visible);
    this.options.onChange?.(visible);
  }

  private publishCounts(visible: readonly Mention[]): void {
    const counts = countByEntity(visible);
    const key = JSON.stringify(Object.entries(counts).sort());
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    this.options.onCounts(counts);
  }
}

/** Drops roots that lie inside another root of the list. */
function outermost(roots: Node[]): Node[] {
  return roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
}

/** A node that adds no text and no separator: a comment, or content never scanned. */
function isInert(node: Node, isExcluded: ((element: Element) => boolean) | undefined): boolean {
  if (node.nodeType === 3) return false;
  if (node.nodeType !== 1) return true;
  const element = node as Element;
  return !isBlock(element) && (SKIPPED_TAGS.has(element.tagName) || Boolean(isExcluded?.(element)));
}

/** A node that only separates text: a block, a line break, or whitespace. */
function isBoundary(node: Node): boolean {
  if (node.nodeType === 3) return !/\S/.test((node as Text).data);
  return node.nodeType === 1 && (isBlock(node) || (node as Element).tagName === 'BR');
}

/**
 * Whether no text of the block can reach a position of `parent` from one
 * side: from `from` on (a sibling next to the position, or null at the
 * edge), only whitespace and inert nodes lie before a block boundary.
 */
function isClosed(
  parent: Node,
  from: Node | null | undefined,
  forward: boolean,
  isExcluded: ((element: Element) => boolean) | undefined,
  added?: ReadonlySet<Node>,
): boolean {
  // A sibling the page has moved since the record was made says nothing about this position;
  // neither does one the record leaves out (undefined, as in some DOM implementations).
  if (from === undefined || (from && from.parentNode !== parent)) return false;
  for (let n = from; n; n = forward ? n.nextSibling : n.previousSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return false;
    } else if (n.nodeType === 1) {
      if (isBlock(n)) {
        if (added?.has(n)) continue;
        return true;
      }
      if (!isInert(n, isExcluded)) return false;
    }
  }
  return isBlock(parent);
}
