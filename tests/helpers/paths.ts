import { resolve } from 'node:path';

// `import.meta.url` is not a file: URL under happy-dom; vitest's `__dirname` always is a path.
/** The repository's root folder, for tests that read project files (ends with a slash). */
export const ROOT = `${resolve(__dirname, '../..')}/`;
/** The source article, beside the repository: only tests read it, to check the fact base against it. */
export const ARTICLE_PATH = resolve(ROOT, '../shared/source/article-fr.txt');
