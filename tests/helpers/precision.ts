import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { Category } from '@/lib/facts/schema';
import { MentionSet } from '@/lib/page/mention-set';
import { scanSubtree } from '@/lib/page/scan';
import type { Matcher } from '@/lib/text/matcher';
import data from '@/tests/fixtures/precision/passages.json';
import { seed } from './seed-matchers';

export interface Passage {
  id: string;
  lang: string;
  style: string;
  lookalike: boolean;
  html: string;
  expected: { text: string; entity: string }[];
}

export const PASSAGES = data.passages as Passage[];
const categoryOf = new Map(seed.entities.map((e) => [e.id, e.category as Category]));

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Passage by passage, what was found that should not have been, and what was missed. */
  errors: { id: string; extra: string[]; missed: string[] }[];
}

/** What a passage expects under the given categories, as "text=entity" in document order. */
export function expectedOf(passage: Passage, categories: readonly Category[]): string[] {
  return passage.expected
    .filter((m) => categories.includes(categoryOf.get(m.entity) as Category))
    .map((m) => `${m.text}=${m.entity}`);
}

/** Compares found and expected mentions in order (a multiset match), counting hits, extras and misses. */
export function compare(found: string[], expected: string[]) {
  const rest = [...found];
  const missed: string[] = [];
  for (const want of expected) {
    const at = rest.indexOf(want);
    if (at >= 0) rest.splice(at, 1);
    else missed.push(want);
  }
  return { truePositives: expected.length - missed.length, extra: rest, missed };
}

/** Scores a matcher over every passage, each on its own as a page would be (happy-dom). */
export async function scorePassages(
  matcher: Matcher<AliasSpec>,
  categories: readonly Category[],
  scan: (root: HTMLElement) => Promise<string[]> = (root) => scanText(root, matcher),
): Promise<Score> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Score['errors'] = [];
  for (const passage of PASSAGES) {
    document.body.innerHTML = `<article lang="${passage.lang}">${passage.html}</article>`;
    const result = compare(await scan(document.body), expectedOf(passage, categories));
    tp += result.truePositives;
    fp += result.extra.length;
    fn += result.missed.length;
    if (result.extra.length || result.missed.length) errors.push({ id: passage.id, ...result });
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    errors,
  };
}

async function scanText(root: HTMLElement, matcher: Matcher<AliasSpec>): Promise<string[]> {
  const { mentions } = await scanSubtree(root, matcher, { isHidden: () => false });
  const set = new MentionSet();
  set.addScanned(mentions);
  return set.visible().map((m) => {
    const range = document.createRange();
    range.setStart(m.startNode, m.startOffset);
    range.setEnd(m.endNode, m.endOffset);
    return `${range.toString()}=${m.alias.entityId}`;
  });
}
