import type { Category } from './fact-schema';
import type { HighlightStyle } from './settings';

/**
 * Highlight names in a page's registry; prefixed so they cannot clash with
 * the page's own. The style is part of the name because a `::highlight()`
 * rule can only select by name, and the page must not be touched. The
 * options page's preview registers under the same names, so the same rules
 * paint it.
 */
export const highlightName = (category: Category, style: HighlightStyle = 'background') =>
  style === 'background' ? `context-lens-${category}` : `context-lens-${category}-${style}`;
