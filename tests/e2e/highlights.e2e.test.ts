import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contrast, distance, hex, parseRgb, type Rgb, readMark } from './harness/contrast';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { withExtensionApi } from './harness/extension-api';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { decodePng } from './harness/png';
import { type E2EPage, poll } from './harness/session';

/** The fixture's words, as the page has them: plain text, a link, and muted text (the byline). */
const WORDS = [
  { text: 'Craig Federighi', kind: 'text' },
  { text: 'Siri', kind: 'link' },
  { text: 'Ruoming Pang', kind: 'muted text' },
] as const;

const MARGIN = 3;
/** Below the word's box, where an underline may fall. */
const BELOW = 10;

/** The first client rect of `text`'s first occurrence in the page, in CSS pixels. */
const wordRect = (page: E2EPage, text: string) =>
  page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const r = range.getClientRects()[0] as DOMRect;
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    throw new Error(`${wanted} is not in the page`);
  }, text);

/** Screenshots one word with a margin round it and reads what it is painted with. */
async function measure(page: E2EPage, text: string, saveAs: string) {
  const rect = await wordRect(page, text);
  const clip = {
    x: Math.floor(rect.x) - MARGIN,
    y: Math.floor(rect.y) - MARGIN,
    width: Math.ceil(rect.width) + 2 * MARGIN,
    height: Math.ceil(rect.height) + MARGIN + BELOW,
  };
  const png = await page.screenshotClip(clip);
  // Kept for a look when a figure is off.
  mkdirSync(`${ROOT}test-results`, { recursive: true });
  writeFileSync(`${ROOT}test-results/${saveAs}.png`, png);
  const img = decodePng(png);
  // One pixel in from each side of the box: its edges are blended with what lies round it.
  const box = {
    left: Math.ceil(rect.x - clip.x) + 1,
    right: Math.floor(rect.x + rect.width - clip.x) - 1,
    top: Math.ceil(rect.y - clip.y) + 1,
    bottom: Math.floor(rect.y + rect.height - clip.y) - 1,
  };
  const background = parseRgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  return { ...readMark(img, box, background), background };
}

const ratio = (a: Rgb, b: Rgb) => Math.round(contrast(a, b) * 100) / 100;

describeInBrowsers(
  'highlights on light and dark pages',
  { fixtures: { '/': FIXTURES } },
  ({ target, session, url }) => {
    let extension: E2EPage;
    const figures: Record<string, unknown>[] = [];

    beforeAll(async () => {
      extension = await session().openExtensionPage('/welcome.html');
    });
    afterAll(() => {
      console.log(`highlight contrast in ${target.name}:`);
      console.table(figures);
    });

    for (const style of ['background', 'underline'] as const) {
      for (const fixture of ['light', 'dark'] as const) {
        it(`${style} style, ${fixture} page: the line has 3:1 against the page and the tint, text keeps 4.5:1, a link one underline`, async () => {
          await withExtensionApi(extension, (api, value) => api.storage.sync.set({ highlightStyle: value }), style);
          const page = await session().newPage();
          await page.goto(url(`/${fixture}-article.html`));
          const suffix = style === 'underline' ? '-underline' : '';
          await poll(
            () => paintedRanges(page),
            (ranges) => ranges.length === 4 && ranges.every((r) => r.name === `context-lens-subject${suffix}`),
          );
          // Painting follows registration by a frame.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          for (const word of WORDS) {
            const m = await measure(
              page,
              word.text,
              `highlight-${target.name}-${style}-${fixture}-${word.kind.replace(' ', '-')}`,
            );
            expect(m.underline, `${word.text}: no line found`).not.toBeNull();
            const line = m.underline as Rgb;
            const row = {
              style,
              page: fixture,
              word: `${word.text} (${word.kind})`,
              background: hex(m.background),
              tint: hex(m.tint),
              underline: hex(line),
              text: hex(m.text),
              'line/page': ratio(line, m.background),
              'line/tint': ratio(line, m.tint),
              'tint/page': ratio(m.tint, m.background),
              'text/page': ratio(m.text, m.background),
              'text/tint': ratio(m.text, m.tint),
              lines: m.lines,
            };
            figures.push(row);
            expect(row['line/page'], JSON.stringify(row)).toBeGreaterThanOrEqual(3);
            expect(row['line/tint'], JSON.stringify(row)).toBeGreaterThanOrEqual(3);
            expect(row['text/tint'], JSON.stringify(row)).toBeGreaterThanOrEqual(4.5);
            expect(row.lines, JSON.stringify(row)).toBe(1);
            // On the link, no row of that line may be the link's own underline showing past the mark's.
            const own = m.lineColours.filter((c) => distance(c, m.text) < 40);
            expect(own.map(hex), `${word.text}: the page's own underline shows`).toEqual([]);
          }
          await page.close();
        });
      }
    }
  },
);
