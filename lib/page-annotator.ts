import { blockAround, isBlock } from './dom-blocks';
import type { Matcher } from './matcher';
import { compareMentions, countByEntity, MentionSet } from './mention-set';
import { type Mention, type ScanOptions, scanSubtree } from './page-scan';
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
  private lastCounts = '';
  private sorted: Mention[] = [];

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
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
    for (const record of records) {
      const target = record.target;
      if (isExcluded && target.nodeType === 1 && isExcluded(target as Element)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(blockAround(target));
        continue;
      }
      // Adding or removing the extension's own UI host changes no text of the page.
      const own = (node: Node) => node.nodeType === 1 && isExcluded?.(node as Element) === true;
      let inline = [...record.removedNodes].some((node) => !own(node));
      for (const added of record.addedNodes) {
        if (own(added)) continue;
        // A new block holds its own text: scan just it. Inline additions can join text around them.
        if (added.nodeType === 1 && isBlock(added)) this.dirty.add(added);
        else inline = true;
      }
      if (inline) this.dirty.add(blockAround(target));
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.dirty.size === 0) return;
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
    while (this.dirty.size > 0 && !this.stopped) {
      const roots = outermost([...this.dirty]);
      this.dirty.clear();
      this.mentions.removeStale();
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
        this.mentions.add(result.mentions);
        // The page changed what we were walking: that part is scanned again.
        if (!result.complete && root.isConnected) this.dirty.add(root);
      }
      this.publish();
    }
  }

  private publish(): void {
    this.mentions.removeStale();
    const visible = this.mentions.visible().sort(compareMentions);
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
