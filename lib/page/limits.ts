/**
 * The caps that keep a page's cost bounded, apart so that the popup can name
 * them without loading the annotator.
 */

/** Mentions painted and reachable from the keyboard: more would tax every repaint of the page. */
export const MAX_HIGHLIGHTED = 5_000;
/** Mentions kept and counted: beyond this a page (a log, a generated list) gets no more work. */
export const MAX_TRACKED = 50_000;

/**
 * Which cap the page reached, if any: 'highlights' when more than
 * `MAX_HIGHLIGHTED` mentions stand (all are counted, the first are painted),
 * 'counts' when `MAX_TRACKED` is reached too (counting stopped there).
 */
export type PageLimit = 'none' | 'highlights' | 'counts';
