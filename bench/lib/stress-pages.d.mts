/** A page of posts appended by its own script once `window.__startFeed()` is called (see stress-pages.mjs). */
export declare function feedPage(options: {
  initial: number;
  batches: number;
  batchSize: number;
  tag?: string;
  mentionEvery?: number;
}): { html: string; posts: number; mentions: number };

/** One text node of "Siri " × `repeats` in a `tag` element, added by a script. */
export declare function repeatedNodePage(repeats: number, tag?: string): { html: string; mentions: number };

export declare function rangesPage(options: { paragraphs: number; mentions: number }): {
  html: string;
  mentions: number;
};
