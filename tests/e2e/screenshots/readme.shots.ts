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
    it('captures the card and the popup', async () => {
      expect(CHROMIUM_PATH).toBeTruthy();
      const page: Page = await session().context.newPage();
      await page.setViewportSize({ width: 900, height: 560 });
      await page.goto(url('/demo.html'));
      await page.bringToFront();
      const painted = await poll(
        () => paintedRanges({ evaluate: (fn: never) => page.evaluate(fn) } as never),
        (r) => r.length > 5,
      );
      const box = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const at = n.data.indexOf('Craig Federighi');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 15);
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
      const popup = await session().context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${session().extensionId}/popup.html?tab=${tab}`);
      await popup.waitForSelector('.mention');
      await popup.screenshot({ path: `${OUT}/popup-${lang}-${colorScheme}.png` });

      const options = await session().context.newPage();
      await options.setViewportSize({ width: 900, height: 900 });
      await options.goto(`chrome-extension://${session().extensionId}/options.html`);
      await options.waitForTimeout(800);
      await options.screenshot({ path: `${OUT}/options-${lang}-${colorScheme}.png` });
    });
  });
}
