import { expect, it } from 'vitest';
import { CATEGORIES, type Category } from '@/lib/facts/schema';
import { compare, expectedOf, PASSAGES } from '@/tests/helpers/precision';
import { seed } from '@/tests/helpers/seed-matchers';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { withExtensionApi } from './harness/extension-api';
import { FIXTURES } from './harness/paths';
import { type E2EPage, poll } from './harness/session';

const categoryOf = new Map(seed.entities.map((e) => [e.id, e.category]));
/** The highlight name a mention of an entity is painted under (background style). */
const paintedAs = (entity: string) => `context-lens-${categoryOf.get(entity)}`;

/**
 * Every passage in a frame of its own (a `srcdoc` document, where the content
 * script runs as on any page), so that each is read as a whole page would be,
 * with the browser's own layout deciding which boxes render apart.
 */
async function openPassages(page: E2EPage, blank: string): Promise<void> {
  await page.goto(blank);
  await page.evaluate((passages) => {
    for (const p of passages as { id: string; lang: string; html: string }[]) {
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><html lang="${p.lang}"><body data-passage="${p.id}"><article lang="${p.lang}">${p.html}</article></body></html>`;
      frame.style.cssText = 'width: 900px; height: 260px; display: block';
      document.body.append(frame);
    }
  }, PASSAGES);
}

/** In every frame: its passage id and the painted ranges, as "text=highlight" in document order. */
function paintedPerPassage(page: E2EPage) {
  return page.inFrames(() => {
    const id = document.body?.dataset.passage ?? null;
    const found: { key: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('context-lens-') || name === 'context-lens-current') continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        found.push({ key: `${range.toString()}=${name}`, range });
      }
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return { id, painted: found.map((f) => f.key) };
  });
}

async function score(page: E2EPage, categories: readonly Category[]) {
  const wanted = new Map(
    PASSAGES.map((p) => [
      p.id,
      expectedOf(p, categories).map((m) => m.replace(/=(.+)$/, (_, e) => `=${paintedAs(e)}`)),
    ]),
  );
  const total = [...wanted.values()].reduce((n, list) => n + list.length, 0);
  // Frames finish at their own pace: wait until every expected mention is painted, or give up and report.
  const frames = await poll(
    () => paintedPerPassage(page),
    (list) => list.filter((f) => f.value.id).reduce((n, f) => n + f.value.painted.length, 0) >= total,
    30_000,
  ).catch(() => paintedPerPassage(page));
  const errors: { id: string; extra: string[]; missed: string[] }[] = [];
  let hits = 0;
  let extra = 0;
  for (const { value } of frames) {
    if (!value.id) continue;
    const result = compare(value.painted, wanted.get(value.id) ?? []);
    hits += result.truePositives;
    extra += result.extra.length;
    if (result.extra.length || result.missed.length) errors.push({ id: value.id, ...result });
  }
  return { precision: hits / (hits + extra || 1), recall: hits / (total || 1), errors, frames: frames.length };
}

describeInBrowsers('precision in a real browser', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  it('highlights every labelled mention of the passages and nothing else, default categories', async () => {
    const page = await session().newPage();
    await openPassages(page, url('/blank.html'));
    const result = await score(page, ['subject']);
    console.log(
      `${target.name}, default categories: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
    );
    expect(result.errors).toEqual([]);
    await page.close();
  });

  it('does so with every category on', async () => {
    const options = await session().openExtensionPage('/options.html');
    await withExtensionApi(options, (api, all) => api.storage.sync.set({ categories: all }), [...CATEGORIES]);
    const page = await session().newPage();
    await openPassages(page, url('/blank.html'));
    const result = await score(page, CATEGORIES);
    console.log(
      `${target.name}, every category: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
    );
    expect(result.errors).toEqual([]);
    await withExtensionApi(options, (api) => api.storage.sync.set({ categories: ['subject'] }), null);
    await page.close();
    await options.close();
  });
});
