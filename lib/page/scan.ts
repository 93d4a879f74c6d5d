import { fold, IGNORED, isWordUnit } from '@/lib/text/fold';
import type { AliasSpec, ChunkMatch, Matcher } from '@/lib/text/matcher';
import { blockOf, isInsideSkipped, SKIPPED_TAGS, separatorBetween } from './dom-blocks';
import type { TimeSlicer } from './time-slice';

/** One mention found in the page: where it is and which alias of which entity it matched. */
export interface Mention {
  alias: AliasSpec;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The block the mention lives in; a change inside it re-scans it. */
  block: Node;
}

export interface ScanOptions {
  /** Yields to the page whenever a slice is spent; without one the scan runs to the end at once. */
  slicer?: TimeSlicer;
  /** Elements never scanned, e.g. the extension's own UI host. */
  isExcluded?: (element: Element) => boolean;
  /** Text the reader cannot see is not marked; checked only where a mention was found. */
  isHidden?: (element: Element) => boolean;
  /** Called with each open shadow root met, so the caller can scan and observe it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Stops the scan early (the site was switched off, the page left). */
  cancelled?: () => boolean;
}

export interface ScanResult {
  mentions: Mention[];
  /** False when the scan stopped early: cancelled, or the part of the page it was in was removed meanwhile. */
  complete: boolean;
}

const CHECK_EVERY = 128;

/** Text that a user may edit or cannot see is never marked. */
export function defaultIsHidden(element: Element): boolean {
  const el = element as HTMLElement;
  if (el.isContentEditable || el.closest('[contenteditable]:not([contenteditable="false"]), [hidden]')) return true;
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length === 0;
}

/**
 * Walks the text under `root` once, feeding each text node to the matcher
 * as part of its block. The per-node work for text without a candidate is a
 * tight loop over its characters; block context is looked up only when a
 * mention may continue from one node into the next.
 */
export async function scanSubtree(root: Node, matcher: Matcher, options: ScanOptions = {}): Promise<ScanResult> {
  const { slicer, isExcluded, onShadowRoot, cancelled } = options;
  const isHidden = options.isHidden ?? defaultIsHidden;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 | 4); // NodeFilter.SHOW_ELEMENT | SHOW_TEXT
  const scanner = matcher.scanner<Text>();
  const prefilter = matcher.prefilter;
  const mentions: Mention[] = [];
  let previous: Text | null = null;
  let visited = 0;

  const keep = (found: ChunkMatch<Text>[]) => {
    for (const m of found) {
      const startParent = holderOf(m.startRef);
      const endParent = holderOf(m.endRef);
      if (!startParent || !endParent || isHidden(startParent) || (endParent !== startParent && isHidden(endParent)))
        continue;
      mentions.push({
        alias: matcher.aliases[m.alias] as AliasSpec,
        startNode: m.startRef,
        startOffset: m.start,
        endNode: m.endRef,
        endOffset: m.end,
        block: blockOf(m.startRef),
      });
    }
  };

  // A root that is itself skipped, or inside skipped or excluded content (a block a script put in a
  // <noscript>, a part of the extension's own UI), holds nothing to mark.
  if (isInsideSkipped(root, isExcluded)) return { mentions, complete: true };
  // The walk below starts under the root: a root that hosts a shadow tree (a new <div> host) reports it here.
  const rootShadow = (root as Partial<Element>).shadowRoot;
  if (rootShadow && onShadowRoot) onShadowRoot(rootShadow);

  let node: Node | null = walker.nextNode();
  while (node) {
    if (++visited % CHECK_EVERY === 0) {
      if (cancelled?.()) return { mentions, complete: false };
      if (slicer?.due()) {
        keep(scanner.take());
        await slicer.next();
        if (cancelled?.()) return { mentions, complete: false };
        // The page may have removed what we were walking; the caller re-scans.
        // A node moved elsewhere is still connected, but walking on from it would leave the root.
        if (!root.isConnected || !root.contains(walker.currentNode)) {
          keep(scanner.end());
          return { mentions, complete: false };
        }
      }
    }
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length > 0) {
        if (previous && (scanner.busy || (scanner.endsInWord && startsWithWord(data)))) {
          const separator = separatorBetween(previous, text);
          if (separator === 'block') keep(scanner.end());
          else if (separator === 'space') scanner.space();
        }
        if (!scanner.busy && prefilter && !prefilter.test(data)) {
          // Nearly every text node: no alias can start here, so the per-character loop is spared.
          scanner.skip(data);
          previous = text;
          node = walker.nextNode();
          continue;
        }
        scanner.feed(data, text);
        keep(scanner.take());
        previous = text;
      }
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    if (SKIPPED_TAGS.has(element.tagName) || isExcluded?.(element)) {
      node = skipSubtree(walker);
      continue;
    }
    const shadow = element.shadowRoot;
    if (shadow && onShadowRoot) onShadowRoot(shadow);
    node = walker.nextNode();
  }
  keep(scanner.end());
  return { mentions, complete: true };
}

/**
 * The element whose visibility decides a text node's: its parent, or the
 * host when the text sits directly in a shadow root; null once detached.
 */
function holderOf(text: Text): Element | null {
  return text.parentElement ?? (text.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}

/**
 * Whether the first unit the matcher reads in `data` is a letter or digit:
 * units it skips (soft hyphen, zero-width space, BOM) at the start of a text
 * node do not hide a word start behind them. A node of skipped units only
 * answers yes, so that the separator before it is still taken into account
 * for the word that follows it.
 */
function startsWithWord(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (fold(code) !== IGNORED) return isWordUnit(code);
  }
  return true;
}

/** Moves the walker past the current node's subtree. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
