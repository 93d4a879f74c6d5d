import type { HighlightStyle } from '@/lib/ext/settings';
import { CATEGORIES, type Category } from '@/lib/facts/categories';

const HIGHLIGHT_PREFIX = 'context-lens-';
const STYLES: readonly HighlightStyle[] = ['background', 'underline'];

/**
 * Highlight names in a page's registry; prefixed so they cannot clash with
 * the page's own. The style is part of the name because a `::highlight()`
 * rule can only select by name, and the page must not be touched. The
 * options page's preview registers under the same names, so the same rules
 * paint it.
 */
export const highlightName = (category: Category, style: HighlightStyle = 'background') =>
  style === 'background' ? `${HIGHLIGHT_PREFIX}${category}` : `${HIGHLIGHT_PREFIX}${category}-${style}`;

/** The name of the highlight of the mention reached with the keyboard. */
export const CURRENT_HIGHLIGHT = `${HIGHLIGHT_PREFIX}current`;

/** Every name the extension paints under: a page's highlight found under one is not ours, and is dropped. */
export const OUR_NAMES: readonly string[] = [
  ...CATEGORIES.flatMap((c) => STYLES.map((s) => highlightName(c, s))),
  CURRENT_HIGHLIGHT,
];
