import type { Mention } from '@/lib/page/scan';

interface HighlightHit {
  highlight: Highlight;
  ranges?: AbstractRange[];
}

type HighlightsFromPoint = (x: number, y: number) => (HighlightHit | Highlight)[];

/** A live Range over a mention: for geometry only, built on demand and dropped. */
export function rangeOf(mention: Mention): Range {
  const range = document.createRange();
  range.setStart(mention.startNode, mention.startOffset);
  range.setEnd(mention.endNode, mention.endOffset);
  return range;
}

function contains(rects: DOMRectList, x: number, y: number): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/**
 * Finds the mention under a point. `highlightsFromPoint` answers "is any of
 * our highlights here?" without touching the text; only then does the
 * caret position name the text node, and the mention's own rectangles
 * confirm the hit (a caret snaps to the nearest text even in margins).
 */
export class MentionLocator {
  private byNode = new Map<Node, Mention[]>();

  constructor(private readonly ours: () => Iterable<Highlight>) {}

  /** Re-indexes after the mention set changed. */
  update(mentions: readonly Mention[]): void {
    this.byNode = new Map();
    for (const m of mentions) {
      for (const node of m.startNode === m.endNode ? [m.startNode] : [m.startNode, m.endNode]) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
  }

  at(x: number, y: number): Mention | null {
    if (this.byNode.size === 0) return null;
    const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
    if (typeof fromPoint === 'function') {
      const mine = new Set(this.ours());
      const hits = fromPoint.call(CSS.highlights, x, y);
      if (!hits.some((h) => mine.has('highlight' in h ? h.highlight : h))) return null;
    }
    const caret = document.caretPositionFromPoint?.(x, y);
    const candidates = caret ? this.byNode.get(caret.offsetNode) : undefined;
    for (const m of candidates ?? []) if (contains(rangeOf(m).getClientRects(), x, y)) return m;
    return null;
  }
}
