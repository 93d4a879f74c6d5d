import type { Category } from '@/lib/fact-schema';
import type { Mention } from '@/lib/page-scan';

/** Highlight names in the page's registry; prefixed so they cannot clash with the page's own. */
export const highlightName = (category: Category) => `context-lens-${category}`;

/**
 * Paints mentions through the CSS Custom Highlight API: no element,
 * attribute or style is added to the page. StaticRanges cost the page
 * nothing on later DOM changes; the annotator replaces them when the text
 * under them changes.
 */
export class Highlighter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly ranges = new Map<Mention, StaticRange>();

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {}

  /** Makes the painted set equal `mentions`. */
  sync(mentions: readonly Mention[]): void {
    const wanted = new Set(mentions);
    for (const [mention, range] of this.ranges) {
      if (wanted.has(mention)) continue;
      this.highlightFor(mention.alias.category).delete(range);
      this.ranges.delete(mention);
    }
    for (const mention of mentions) {
      if (this.ranges.has(mention)) continue;
      const range = new StaticRange({
        startContainer: mention.startNode,
        startOffset: mention.startOffset,
        endContainer: mention.endNode,
        endOffset: mention.endOffset,
      });
      this.ranges.set(mention, range);
      this.highlightFor(mention.alias.category).add(range);
    }
    this.ensureRegistered();
  }

  /** A page script may clear or overwrite `CSS.highlights`; put ours back. */
  ensureRegistered(): void {
    for (const [name, highlight] of this.highlights) {
      if (highlight.size > 0 && this.registry.get(name) !== highlight) this.registry.set(name, highlight);
      else if (highlight.size === 0 && this.registry.get(name) === highlight) this.registry.delete(name);
    }
  }

  rangeOf(mention: Mention): StaticRange | undefined {
    return this.ranges.get(mention);
  }

  clear(): void {
    for (const [name, highlight] of this.highlights) {
      if (this.registry.get(name) === highlight) this.registry.delete(name);
      highlight.clear();
    }
    this.ranges.clear();
  }

  private highlightFor(category: Category): Highlight {
    const name = highlightName(category);
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(name, highlight);
    }
    return highlight;
  }
}
