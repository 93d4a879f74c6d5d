import { existsSync, readFileSync } from 'node:fs';
import { ARTICLE_PATH } from './paths';

/**
 * The source article read the way the fact base numbers it: blocks are
 * separated by blank lines; a block that does not end a sentence is a
 * section heading; the dateline glued to the first block ("date 2025-07 …")
 * is metadata. What is left are the prose paragraphs, numbered from 1.
 */
export interface ReadArticle {
  /** The whole file, as it is. */
  text: string;
  /** Prose paragraphs; `paragraphs[0]` is paragraph 1. */
  paragraphs: string[];
  /** Each heading with the number of the first prose paragraph after it. */
  sections: { heading: string; from: number }[];
  /** The dateline's date, if the file has one. */
  date: string | null;
}

const DATELINE = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+/;
/** Prose ends a sentence; a heading does not. Closing quotes and brackets may follow the stop. */
const ENDS_SENTENCE = /[.!?…]["»)\]’”]*$/;

export function readArticle(text: string): ReadArticle {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let date: string | null = null;
  const paragraphs: string[] = [];
  const sections: ReadArticle['sections'] = [];
  blocks.forEach((block, i) => {
    let body = block;
    const dateline = i === 0 ? DATELINE.exec(body) : null;
    if (dateline) {
      date = dateline[1] ?? null;
      body = body.slice(dateline[0].length);
    }
    if (ENDS_SENTENCE.test(body)) paragraphs.push(body);
    else sections.push({ heading: body, from: paragraphs.length + 1 });
  });
  return { text, paragraphs, sections, date };
}

/** The article, or null (with a loud warning) when its file is not beside the repository. */
export function loadArticle(): ReadArticle | null {
  if (!existsSync(ARTICLE_PATH)) {
    console.warn(`\n!!! ${ARTICLE_PATH} is missing: the checks of the fact base against the article are SKIPPED.\n`);
    return null;
  }
  return readArticle(readFileSync(ARTICLE_PATH, 'utf8'));
}

/**
 * Words with apostrophes and elisions split off ("d’Apple" → "d", "Apple"),
 * case kept: proper names are recognised by their capitals.
 */
export const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
