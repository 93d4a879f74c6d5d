/**
 * Highlight categories: only `subject` is highlighted by default; the others
 * are shown in cards and the popup and can be switched on in options.
 * Apart from the schema so that the content script, which names one highlight
 * per category, does not bundle the schema's validator.
 */
export const CATEGORIES = ['subject', 'organisation', 'product', 'model'] as const;
export type Category = (typeof CATEGORIES)[number];
