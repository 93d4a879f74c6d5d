import { vi } from 'vitest';

/*
 * happy-dom has no CSS Custom Highlight API (no `Highlight`, no `StaticRange`
 * constructor, no `CSS.highlights`): these doubles give it the parts the
 * extension uses, with the same shapes (a highlight is a set of ranges, the
 * registry a map of names to highlights).
 */

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type: HighlightType = 'highlight';

  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

export class FakeStaticRange implements AbstractRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;

  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }

  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** What `CSS.highlights.highlightsFromPoint` answers: the spec's shape, or the bare highlights of early versions. */
export type HighlightsFromPoint = (
  x: number,
  y: number,
) => ({ highlight: Highlight; ranges: AbstractRange[] } | Highlight)[];

export class FakeHighlightRegistry extends Map<string, Highlight> {
  highlightsFromPoint?: HighlightsFromPoint;

  /** The registry as the extension's code types it. */
  get typed(): HighlightRegistry {
    return this as unknown as HighlightRegistry;
  }
}

/** A highlight as the page's own script would create one (through the global, as ours are). */
export const newHighlight = (...ranges: AbstractRange[]): Highlight =>
  new FakeHighlight(...ranges) as unknown as Highlight;

/** A range over `node` from `start` to `end`, as the page's own script would create one. */
export const staticRange = (node: Node, start: number, end: number): StaticRange =>
  new FakeStaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }) as StaticRange;

/**
 * Puts the doubles where the extension looks for them: the globals, and a
 * fresh `CSS.highlights`. Undo with `uninstallHighlightApi` (after each test).
 */
export function installHighlightApi(): FakeHighlightRegistry {
  const registry = new FakeHighlightRegistry();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('StaticRange', FakeStaticRange);
  // happy-dom builds a new `CSS` object on every read: one is kept, with the registry on it.
  vi.stubGlobal('CSS', Object.assign(CSS, { highlights: registry }));
  return registry;
}

export function uninstallHighlightApi(): void {
  vi.unstubAllGlobals();
}
