import { vi } from 'vitest';
import type { Mention } from '@/lib/page/mention';
import type { FakeHighlightRegistry } from './highlight-api';

interface Box {
  node: Node;
  start: number;
  end: number;
  rect: DOMRect;
}

function overlaps(box: Box, r: AbstractRange): boolean {
  if (r.startContainer === r.endContainer)
    return r.startContainer === box.node && r.startOffset < box.end && r.endOffset > box.start;
  if (box.node === r.startContainer) return box.end > r.startOffset;
  if (box.node === r.endContainer) return box.start < r.endOffset;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.intersectsNode(box.node);
}

const inside = (rect: DOMRect, x: number, y: number) =>
  x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/** How far a point is from a rectangle (0 inside it). */
function distance(rect: DOMRect, x: number, y: number): number {
  const dx = Math.max(rect.left - x, 0, x - rect.right);
  const dy = Math.max(rect.top - y, 0, y - rect.bottom);
  return Math.hypot(dx, dy);
}

/**
 * Where pieces of text stand on screen, for the geometry happy-dom does not
 * compute: the rects of a `Range`, `document.caretPositionFromPoint` (which,
 * as in browsers, snaps to the nearest text even from a margin) and
 * `CSS.highlights.highlightsFromPoint`. Only the placed pieces have a place.
 */
export class FakeLayout {
  private readonly boxes: Box[] = [];

  /** Lays the text of `node` from `start` to `end` out at (x, y). */
  place(node: Node, start: number, end: number, x: number, y: number, width = 40, height = 16): DOMRect {
    const rect = new DOMRect(x, y, width, height);
    this.boxes.push({ node, start, end, rect });
    return rect;
  }

  placeMention(m: Mention, x: number, y: number, width?: number): DOMRect {
    return this.place(m.startNode, m.startOffset, m.endOffset, x, y, width);
  }

  /** The middle of the first box placed for a mention. */
  centreOf(m: Mention): { x: number; y: number } {
    const box = this.boxes.find((b) => b.node === m.startNode && b.start === m.startOffset);
    if (!box) throw new Error('fixture: mention not placed');
    return { x: box.rect.left + box.rect.width / 2, y: box.rect.top + box.rect.height / 2 };
  }

  rectsOf(range: AbstractRange): DOMRect[] {
    return this.boxes.filter((b) => overlaps(b, range)).map((b) => b.rect);
  }

  caretAt(x: number, y: number): CaretPosition | null {
    let nearest: Box | undefined;
    for (const box of this.boxes)
      if (!nearest || distance(box.rect, x, y) < distance(nearest.rect, x, y)) nearest = box;
    return nearest ? ({ offsetNode: nearest.node, offset: nearest.start } as CaretPosition) : null;
  }

  highlightsAt(registry: FakeHighlightRegistry, x: number, y: number) {
    const hits: { highlight: Highlight; ranges: AbstractRange[] }[] = [];
    for (const highlight of new Set(registry.values())) {
      const ranges = [...highlight].filter((r) => this.boxes.some((b) => overlaps(b, r) && inside(b.rect, x, y)));
      if (ranges.length > 0) hits.push({ highlight, ranges });
    }
    return hits;
  }

  /**
   * Answers the page's geometry questions from this layout; with a registry,
   * also gives it `highlightsFromPoint` (which Firefox lacks: leave it out to
   * test that path). Undo with `uninstall` (spies go with `vi.restoreAllMocks`).
   */
  install(registry?: FakeHighlightRegistry): this {
    const layout = this;
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      return layout.rectsOf(this) as unknown as DOMRectList;
    });
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      return layout.rectsOf(this)[0] ?? new DOMRect();
    });
    Object.defineProperty(document, 'caretPositionFromPoint', {
      value: (x: number, y: number) => layout.caretAt(x, y),
      configurable: true,
    });
    if (registry) registry.highlightsFromPoint = (x, y) => layout.highlightsAt(registry, x, y);
    return this;
  }

  static uninstall(): void {
    delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    vi.restoreAllMocks();
  }
}
