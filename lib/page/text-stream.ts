import type { Segments, Separator } from '@/lib/text/segments';
import { SKIPPED_TAGS, separatorBetween } from './dom-blocks';
import { type ScanRoot, SiblingRun } from './scan-root';

/** Text read from one text node at most: a node of megabytes (a log, a dump) is read in part. */
export const MAX_NODE_UNITS = 1 << 20;
const SHOW_ELEMENT_AND_TEXT = 1 | 4;
/** Nodes visited between two looks at the clock. */
const CHECK_EVERY = 128;

export interface StreamOptions {
  /** Elements never read, e.g. the extension's own UI host. */
  isExcluded?: (element: Element) => boolean;
  /** Called with each open shadow root met, so the caller can scan and observe it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * The text nodes under a root, in document order, as matcher segments.
 * Skipped subtrees (scripts, styles, fields, the extension's UI) are passed
 * over; what separates two nodes is asked of the DOM only where the matcher
 * needs it, next to a candidate. Each node's text is read once, so a run sees
 * one consistent text even if the page changes it meanwhile (the annotator
 * re-reads what changed).
 */
export class TextStream implements Segments {
  private readonly walker: TreeWalker;
  private readonly nodes: Text[] = [];
  private readonly texts: string[] = [];
  private readonly separators: (Separator | undefined)[] = [];
  private ended = false;
  private resumeAt: Node | null = null;
  /** Units read so far, over all nodes. */
  units = 0;
  /** Nodes (elements and text) visited so far: the measure of walking work. */
  visited = 0;

  /** For a run of siblings: the last one, after whose subtree the walk ends. */
  private readonly last: Node | null = null;
  private inLast = false;

  constructor(
    readonly root: ScanRoot,
    private readonly options: StreamOptions = {},
  ) {
    if (root instanceof SiblingRun) {
      const parent = root.parentNode as Node;
      this.walker = (parent.ownerDocument ?? (parent as Document)).createTreeWalker(parent, SHOW_ELEMENT_AND_TEXT);
      this.walker.currentNode = root.first;
      this.resumeAt = root.first;
      this.last = root.last;
      return;
    }
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    // The walk starts under the root: a root that hosts a shadow tree reports it here.
    const shadow = (root as Partial<Element>).shadowRoot;
    if (shadow) options.onShadowRoot?.(shadow);
  }

  get done(): boolean {
    return this.ended;
  }

  text(i: number): string | undefined {
    if (i >= this.texts.length) this.read(Number.POSITIVE_INFINITY, i);
    return this.texts[i];
  }

  node(i: number): Text {
    return this.nodes[i] as Text;
  }

  separatorBefore(i: number): Separator {
    let separator = this.separators[i];
    if (separator === undefined) {
      separator = separatorBetween(this.nodes[i - 1] as Text, this.nodes[i] as Text);
      this.separators[i] = separator;
    }
    return separator;
  }

  /** Whether the walk is still where it was: the root in the page, and the node last read under it. */
  isIntact(): boolean {
    const walkRoot = this.walker.root;
    return this.root.isConnected && walkRoot.isConnected && walkRoot.contains(this.walker.currentNode);
  }

  /**
   * Reads nodes until `units` units of text are held or the walk ends.
   * `shouldStop` is asked every 128 nodes visited (a page of empty elements
   * costs walking too); when it says so, answers false with the walker where
   * it stopped, and a later call goes on from there.
   */
  fill(units: number, shouldStop: () => boolean): boolean {
    return this.read(units, Number.POSITIVE_INFINITY, shouldStop);
  }

  /**
   * The walk itself, in one loop (it runs once per node of the page): reads
   * until `units` units are held or segment `index` exists, the walk ends,
   * or `shouldStop` says so (then answers false).
   */
  private read(units: number, index: number, shouldStop?: () => boolean): boolean {
    if (this.ended) return true;
    const { isExcluded, onShadowRoot } = this.options;
    const walker = this.walker;
    const nodes = this.nodes;
    const texts = this.texts;
    let node = this.resumeAt ?? walker.nextNode();
    this.resumeAt = null;
    while (node) {
      if (this.last && this.isPastRun(node)) break;
      if (++this.visited % CHECK_EVERY === 0 && shouldStop?.()) {
        // The walker stands on this node, not read yet: the next call starts with it.
        this.resumeAt = node;
        return false;
      }
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          const text = data.length > MAX_NODE_UNITS ? data.slice(0, MAX_NODE_UNITS) : data;
          nodes.push(node as Text);
          texts.push(text);
          this.units += text.length;
          if (this.units >= units || texts.length > index) return true;
        }
      } else {
        const element = node as Element;
        if (SKIPPED_TAGS.has(element.tagName) || isExcluded?.(element)) {
          node = this.skipSubtree();
          continue;
        }
        const shadow = element.shadowRoot;
        if (shadow) onShadowRoot?.(shadow);
      }
      node = walker.nextNode();
    }
    this.ended = true;
    return true;
  }

  /** For a run of siblings: whether `node` comes after the last one's subtree. */
  private isPastRun(node: Node): boolean {
    const last = this.last as Node;
    if (node === last) this.inLast = true;
    else if (this.inLast && !last.contains(node)) return true;
    return false;
  }

  /** Moves the walker past the current node's subtree; answers the node after it, if any. */
  private skipSubtree(): Node | null {
    for (;;) {
      const sibling = this.walker.nextSibling();
      if (sibling) return sibling;
      if (!this.walker.parentNode()) return null;
    }
  }
}
