import type { HighlightStyle } from '@/lib/ext/settings';
import type { Category } from '@/lib/facts/schema';
import { CURRENT_HIGHLIGHT, highlightName, OUR_NAMES } from '@/lib/page/highlight-names';
import type { Mention } from '@/lib/page/scan';

/**
 * Paints mentions through the CSS Custom Highlight API: no element,
 * attribute or style is added to the page. StaticRanges cost the page
 * nothing on later DOM changes; the annotator replaces them when the text
 * under them changes.
 */
export class Highlighter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly ranges = new Map<Mention, StaticRange>();
  // Painted above the category highlights.
  private readonly current = Object.assign(new Highlight(), { priority: 1 });

  private style: HighlightStyle = 'background';

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {}

  /** Repaints every mention in another style. */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    for (const [name, highlight] of this.highlights)
      if (this.registry.get(name) === highlight) this.registry.delete(name);
    const renamed = new Map<string, Highlight>();
    for (const [name, highlight] of this.highlights) {
      const category = name.replace(/^context-lens-/, '').replace(/-underline$/, '') as Category;
      renamed.set(highlightName(category, style), highlight);
    }
    this.style = style;
    this.highlights.clear();
    for (const [name, highlight] of renamed) this.highlights.set(name, highlight);
    this.ensureRegistered();
  }

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

  /**
   * A page script may clear or overwrite `CSS.highlights`, or reach our
   * `Highlight` objects through it and empty them or add ranges of its own:
   * put ours back, with exactly our ranges. `thorough` also checks each
   * range (a page that swaps one of ours for one of its own keeps the size).
   */
  ensureRegistered(thorough = false): void {
    const wanted = new Map<Highlight, StaticRange[]>();
    for (const [mention, range] of this.ranges) {
      const highlight = this.highlightFor(mention.alias.category);
      const list = wanted.get(highlight);
      if (list) list.push(range);
      else wanted.set(highlight, [range]);
    }
    for (const [name, highlight] of this.highlights) {
      const ranges = wanted.get(highlight) ?? [];
      const intact = highlight.size === ranges.length && (!thorough || ranges.every((r) => highlight.has(r)));
      if (!intact) {
        highlight.clear();
        for (const range of ranges) highlight.add(range);
      }
      if (highlight.size > 0 && this.registry.get(name) !== highlight) this.registry.set(name, highlight);
      else if (highlight.size === 0 && this.registry.get(name) === highlight) this.registry.delete(name);
    }
    // The keyboard's current mark too: a card stays open on it.
    if (this.current.size > 0 && this.registry.get(CURRENT_HIGHLIGHT) !== this.current)
      this.registry.set(CURRENT_HIGHLIGHT, this.current);
    // Names of ours that the page filled with highlights of its own would be painted in our style.
    // (Looked up by name: Firefox does not let a content script iterate the page's registry.)
    const ours = new Set<Highlight>([...this.highlights.values(), this.current]);
    for (const name of OUR_NAMES) {
      const highlight = this.registry.get(name);
      if (highlight && !ours.has(highlight)) this.registry.delete(name);
    }
  }

  /** Our highlight objects, to tell them from the page's own in hit tests. */
  ownHighlights(): Iterable<Highlight> {
    return this.highlights.values();
  }

  /** Marks one mention as the current one (keyboard navigation), or none. */
  setCurrent(mention: Mention | null): void {
    const name = CURRENT_HIGHLIGHT;
    this.current.clear();
    if (mention) {
      const range = this.ranges.get(mention);
      if (range) this.current.add(range);
    }
    if (this.current.size > 0) this.registry.set(name, this.current);
    else if (this.registry.get(name) === this.current) this.registry.delete(name);
  }

  clear(): void {
    this.setCurrent(null);
    for (const [name, highlight] of this.highlights) {
      if (this.registry.get(name) === highlight) this.registry.delete(name);
      highlight.clear();
    }
    this.ranges.clear();
  }

  private highlightFor(category: Category): Highlight {
    const name = highlightName(category, this.style);
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(name, highlight);
    }
    return highlight;
  }
}
