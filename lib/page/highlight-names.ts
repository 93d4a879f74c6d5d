import type { HighlightStyle } from '@/lib/ext/settings';
import type { Category } from '@/lib/facts/schema';

/**
 * Highlight names in a page's registry; prefixed so they cannot clash with
 * the page's own. The style is part of the name because a `::highlight()`
 * rule can only select by name, and the page must not be touched. The
 * options page's preview registers under the same names, so the same rules
 * paint it.
 */
export const highlightName = (category: Category, style: HighlightStyle = 'background') =>
  style === 'background' ? `context-lens-${category}` : `context-lens-${category}-${style}`;
