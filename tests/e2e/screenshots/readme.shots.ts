import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowsers } from '../harness/describe-in-browsers';
import { tabsWithBadge } from '../harness/extension-api';
import { paintedRanges } from '../harness/page-probes';
import { CHROMIUM_PATH, FIXTURES, ROOT } from '../harness/paths';
import { poll } from '../harness/session';

const OUT = `${ROOT}docs/screenshots`;

const variants = [
  { lang: 'en', colorScheme: 'light' },
  { lang: 'fr', colorScheme: 'dark' },
] as const;

for (const { lang, colorScheme } of variants) {
  const suite = { fixtures: { '/': FIXTURES }, browsers: ['chromium'], launch: { lang, colorScheme } } as const;
  describeInBrowsers(`README screenshots, ${lang} ${colorScheme}`, suite, ({ session, url }) => {
    it('captures the card, the popup and the options page', async () => {
      expect(CHROMIUM_PATH).toBeTruthy();
      const page: Page = await session().context.newPage();
      // Tall enough for the whole card below the mention.
      await page.setViewportSize({ width: 900, height: 720 });
      await page.goto(url('/demo.html'));
      await page.bringToFront();
      const painted = await poll(
        () => paintedRanges({ evaluate: (fn: never) => page.evaluate(fn) } as never),
        (r) => r.length > 5,
      );
      const box = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          // Siri's card: its description is background, marked as such.
          const at = n.data.indexOf('Siri');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 4);
          // The first line's box: a name wrapped over two lines has its middle between them.
          const r = range.getClientRects()[0] as DOMRect;
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        throw new Error('no mention');
      });
      await page.mouse.move(box.x, box.y);
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${OUT}/card-${lang}-${colorScheme}.png` });

      const ext = await session().openExtensionPage('/welcome.html');
      const [tab] = await poll(
        () => tabsWithBadge(ext, String(painted.length)),
        (ids) => ids.length > 0,
      );
      // At the toolbar popup's width, as tall as its content: a toolbar popup sizes itself so.
      const popup = await session().context.newPage();
      await popup.setViewportSize({ width: 380, height: 200 });
      await popup.goto(`chrome-extension://${session().extensionId}/popup.html?tab=${tab}`);
      await popup.waitForSelector('.mention');
      await popup.waitForSelector('.summary', { state: 'attached' });
      await popup.screenshot({ path: `${OUT}/popup-${lang}-${colorScheme}.png`, fullPage: true });
      // The summary unfolded, as the 600 px a toolbar popup shows at most.
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.click('.disclosure-toggle');
      await popup.mouse.move(0, 0);
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: `${OUT}/popup-summary-${lang}-${colorScheme}.png` });

      // The same article on a light and on a dark page, in a browser set to the variant's scheme.
      if (lang === 'en') {
        for (const theme of ['light', 'dark'] as const) {
          const article = await session().context.newPage();
          await article.setViewportSize({ width: 760, height: 290 });
          await article.goto(url(`/${theme}-article.html`));
          await article.bringToFront();
          await poll(
            () => paintedRanges({ evaluate: (fn: never) => article.evaluate(fn) } as never),
            (r) => r.length === 4,
          );
          await article.waitForTimeout(200);
          await article.screenshot({ path: `${OUT}/highlights-${theme}-page.png` });
        }
      }

      const options = await session().context.newPage();
      await options.setViewportSize({ width: 900, height: 1100 });
      await options.goto(`chrome-extension://${session().extensionId}/options.html`);
      await options.waitForTimeout(800);
      // Down to the end of the highlight style section, its preview included.
      const end = await options.evaluate(
        () => document.getElementById('opt-style-heading')?.closest('section')?.getBoundingClientRect().bottom ?? 900,
      );
      await options.screenshot({
        path: `${OUT}/options-${lang}-${colorScheme}.png`,
        clip: { x: 0, y: 0, width: 900, height: Math.ceil(end) + 16 },
      });
    });
  });
}
