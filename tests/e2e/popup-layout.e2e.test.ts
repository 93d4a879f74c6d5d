import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { tabsWithBadge } from './harness/extension-api';
import { FIXTURES } from './harness/paths';
import { type E2EPage, poll } from './harness/session';

/** Chromium's largest toolbar popup is 800 × 600; ours is 380 px wide. */
const POPUP = { width: 380, height: 600 };

/** The computed font size, in px, of the first element matching each selector (null when there is none). */
const fontSizes = (page: E2EPage, selectors: string[]) =>
  page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((s) => {
          const el = document.querySelector(s);
          return [s, el ? Number.parseFloat(getComputedStyle(el).fontSize) : null];
        }),
      ),
    selectors,
  );

const toggleState = (popup: E2EPage) =>
  popup.evaluate(() => {
    const toggle = document.querySelector<HTMLButtonElement>('.disclosure-toggle');
    const body = document.getElementById(toggle?.getAttribute('aria-controls') ?? '');
    return { expanded: toggle?.getAttribute('aria-expanded'), shown: !!body && body.getClientRects().length > 0 };
  });

describeInBrowsers('popup layout and text sizes', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  let popup: E2EPage;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    const article = await session().newPage();
    await article.goto(url('/article-en.html'));
    const extension = await session().openExtensionPage('/welcome.html');
    const [tab] = (await poll(
      () => tabsWithBadge(extension, '8'),
      (ids) => ids.length === 1,
    )) as [number];
    popup = await session().openExtensionPage(`/popup.html?tab=${tab}`);
    await popup.setViewport(POPUP.width, POPUP.height);
    await popup.waitFor(
      () => document.querySelectorAll('.mention').length === 4 && !!document.querySelector('.summary'),
    );
  });
  afterAll(() => console.log(`popup layout in ${target.name}:`, JSON.stringify(figures)));

  it('fits a 600 px popup without scrolling, search at the top and the page’s mentions before the folded summary', async () => {
    const layout = await popup.evaluate(() => {
      const top = (s: string) => document.querySelector(s)?.getBoundingClientRect().top ?? -1;
      const bottom = (s: string) => document.querySelector(s)?.getBoundingClientRect().bottom ?? -1;
      return {
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
        content: Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? 0),
        search: top('.search-input'),
        mentions: top('.mentions'),
        mentionsEnd: bottom('.mention-list'),
        summary: top('.summary-section'),
      };
    });
    Object.assign(figures, layout);
    expect(layout.scrollHeight).toBeLessThanOrEqual(POPUP.height);
    expect(layout.scrollWidth).toBeLessThanOrEqual(POPUP.width);
    expect(layout.search).toBeGreaterThan(0);
    expect(layout.search).toBeLessThan(layout.mentions);
    expect(layout.mentions).toBeLessThan(layout.summary);
    expect(layout.mentionsEnd).toBeLessThan(POPUP.height);
    expect(await toggleState(popup)).toEqual({ expanded: 'false', shown: false });
  });

  it('names each listed entity with its count in words', async () => {
    const labels = await popup.evaluate(() =>
      [...document.querySelectorAll('.mention')].map((b) => b.getAttribute('aria-label')),
    );
    expect(labels).toEqual([
      'Apple Intelligence, 2 mentions',
      'Siri, 2 mentions',
      'Craig Federighi, 2 mentions',
      'Ruoming Pang, 2 mentions',
    ]);
  });

  it('opens and folds the summary from the keyboard, and passes axe-core either way', async () => {
    await popup.bringToFront();
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.disclosure-toggle')?.focus());
    await popup.press('Enter');
    await poll(
      () => toggleState(popup),
      (s) => s.expanded === 'true' && s.shown,
    );
    expect(await axeViolations(popup)).toEqual([]);
    figures.openHeight = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.press(' ');
    await poll(
      () => toggleState(popup),
      (s) => s.expanded === 'false' && !s.shown,
    );
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('sets text at 14 px or more in the popup, beside the card’s 14 px', async () => {
    await popup.evaluate(() => {
      const toggle = document.querySelector<HTMLButtonElement>('.disclosure-toggle');
      if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
    });
    await popup.waitFor(() => document.querySelector('.summary')?.getClientRects().length);
    const sizes = await fontSizes(popup, [
      'body',
      'label[for="site-switch"]',
      '.search-input',
      '.mention-name',
      '.disclosure-toggle',
      '.headline',
      '.points li',
    ]);
    figures.popupFonts = sizes;
    for (const [selector, px] of Object.entries(sizes)) expect(px, selector).toBeGreaterThanOrEqual(14);
  });

  it('sets body text at 14 px on the options and welcome pages too', async () => {
    const options = await session().openExtensionPage('/options.html');
    await options.waitFor(() => document.querySelector('legend') !== null);
    // Hints under the fields are set a little smaller, as secondary text.
    const optionSizes = await fontSizes(options, ['body', 'h2', 'legend', '.choice label', 'p:not(.hint)']);
    const welcome = await session().openExtensionPage('/welcome.html');
    await welcome.waitFor(() => document.querySelector('main p') !== null);
    const welcomeSizes = await fontSizes(welcome, ['body', 'main p']);
    Object.assign(figures, { optionsFonts: optionSizes, welcomeFonts: welcomeSizes });
    for (const [selector, px] of Object.entries({ ...optionSizes, ...welcomeSizes })) {
      expect(px, selector).toBeGreaterThanOrEqual(14);
    }
  });
});
