import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { tabsWithBadge, withExtensionApi } from './harness/extension-api';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { type E2EPage, poll } from './harness/session';

const popupReady = (popup: E2EPage) =>
  popup.waitFor(
    () => document.querySelector('main')?.dataset.state === 'ready' && document.querySelector('#site-switch') !== null,
  );

const mentionList = (popup: E2EPage) =>
  popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mention')].map((b) => ({
      entity: b.dataset.entity,
      // Digits only: Intl groups thousands ("6,000").
      count: Number.parseInt((b.querySelector('.count')?.textContent ?? '').replace(/\D/g, ''), 10),
    })),
  );

const setSwitch = (popup: E2EPage, id: string, on: boolean) =>
  popup.evaluate(
    ([selector, wanted]) => {
      const input = document.querySelector<HTMLInputElement>(selector as string);
      if (!input) throw new Error(`${selector} missing`);
      if (input.checked !== wanted) input.click();
    },
    [`#${id}`, on] as [string, boolean],
  );

const count = async (page: E2EPage) => (await paintedRanges(page)).length;

/** Waits (or fails after poll's timeout) until `page` shows exactly `n` highlights. */
const untilCount = (page: E2EPage, n: number) =>
  poll(
    () => count(page),
    (c) => c === n,
  );

describeInBrowsers('popup and site switching', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  let english: E2EPage;
  let rules: E2EPage;
  let extension: E2EPage;
  let englishTab: number;

  beforeAll(async () => {
    english = await session().newPage();
    await english.goto(url('/article-en.html'));
    rules = await session().newPage();
    await rules.goto(url('/spotting-rules.html'));
    await untilCount(english, 8);
    await untilCount(rules, 18);
    extension = await session().openExtensionPage('/welcome.html');
    [englishTab] = (await poll(
      () => tabsWithBadge(extension, '8'),
      (ids) => ids.length === 1,
    )) as [number];
  });

  it('lists the entities of the page with their counts, and passes axe-core', async () => {
    const popup = await session().openExtensionPage(`/popup.html?tab=${englishTab}`);
    await popupReady(popup);
    const list = await poll(
      () => mentionList(popup),
      (l) => l.length === 4,
    );
    expect(list).toEqual([
      { entity: 'apple-intelligence', count: 2 },
      { entity: 'siri', count: 2 },
      { entity: 'craig-federighi', count: 2 },
      { entity: 'ruoming-pang', count: 2 },
    ]);
    const label = await popup.evaluate(() => document.querySelector('label[for="site-switch"]')?.textContent);
    expect(label).toContain('127.0.0.1');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot(`${ROOT}test-results/popup-page-${target.name}.png`);
  });

  it('turns the site off and on again in every tab, at once, and remembers it across reloads', async () => {
    let popup = await session().openExtensionPage(`/popup.html?tab=${englishTab}`);
    await popupReady(popup);
    await setSwitch(popup, 'site-switch', false);
    await untilCount(english, 0);
    await untilCount(rules, 0);
    await poll(
      () => tabsWithBadge(extension, '8'),
      (ids) => ids.length === 0,
    );
    expect(await tabsWithBadge(extension, '18')).toEqual([]);

    await english.reload();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(english)).toBe(0);

    popup = await session().openExtensionPage(`/popup.html?tab=${englishTab}`);
    await popupReady(popup);
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('#site-switch')?.checked)).toBe(false);
    await setSwitch(popup, 'site-switch', true);
    await untilCount(english, 8);
    await untilCount(rules, 18);
  });

  it('pauses everywhere and resumes', async () => {
    const popup = await session().openExtensionPage(`/popup.html?tab=${englishTab}`);
    await popupReady(popup);
    await setSwitch(popup, 'pause-switch', true);
    await untilCount(english, 0);
    await untilCount(rules, 0);
    await setSwitch(popup, 'pause-switch', false);
    await untilCount(english, 8);
  });

  it('works in allowlist mode: only listed sites are highlighted', async () => {
    await withExtensionApi(
      extension,
      (api) => api.storage.sync.set({ siteRules: { mode: 'only-listed', sites: [] } }),
      null,
    );
    await untilCount(english, 0);
    const popup = await session().openExtensionPage(`/popup.html?tab=${englishTab}`);
    await popupReady(popup);
    await setSwitch(popup, 'site-switch', true);
    await untilCount(english, 8);
    const stored = await withExtensionApi(extension, (api) => api.storage.sync.get('siteRules'), null);
    expect(stored.siteRules).toEqual({ mode: 'only-listed', sites: ['127.0.0.1'] });
    await withExtensionApi(
      extension,
      (api) => api.storage.sync.set({ siteRules: { mode: 'all-except-listed', sites: [] } }),
      null,
    );
  });

  it('scrolls the page to a mention chosen in the list and opens its card', async () => {
    const long = await session().newPage();
    await long.goto(url('/long-article.html'));
    await untilCount(long, 3);
    const ext = await session().openExtensionPage('/welcome.html');
    const [longTab] = (await poll(
      () => tabsWithBadge(ext, '3'),
      (ids) => ids.length === 1,
    )) as [number];
    const popup = await session().openExtensionPage(`/popup.html?tab=${longTab}`);
    await popupReady(popup);
    await poll(
      () => mentionList(popup),
      (l) => l.length === 3,
    );
    expect(await long.evaluate(() => window.scrollY)).toBe(0);
    await popup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('.mention[data-entity="craig-federighi"]')?.click(),
    );
    await poll(
      () => long.evaluate(() => window.scrollY),
      (y) => y > 1000,
    );
    const card = await poll(
      () => long.inCard((d) => d.querySelector('.name')?.textContent ?? null),
      (name) => name === 'Craig Federighi',
    );
    expect(card).toBe('Craig Federighi');
  });

  it('says when a page holds more mentions than are highlighted, and counts them all', async () => {
    const many = await session().newPage();
    await many.goto(url('/many-mentions.html?n=6000'));
    await untilCount(many, 5000);
    const ext = await session().openExtensionPage('/welcome.html');
    const [manyTab] = (await poll(
      () => tabsWithBadge(ext, '999+'),
      (ids) => ids.length === 1,
    )) as [number];
    const popup = await session().openExtensionPage(`/popup.html?tab=${manyTab}`);
    await popupReady(popup);
    const list = await poll(
      () => mentionList(popup),
      (l) => l.length === 1,
    );
    expect(list).toEqual([{ entity: 'siri', count: 6000 }]);
    const notice = await popup.evaluate(() => {
      const p = document.querySelector<HTMLElement>('[data-limit]');
      return p && { limit: p.dataset.limit, text: p.textContent };
    });
    expect(notice).toEqual({ limit: 'highlights', text: expect.stringMatching(/first 5,000 are highlighted/) });
    await many.close();
  });

  it('opens the options page, which passes axe-core and reports the fact base', async () => {
    const options = await session().openExtensionPage('/options.html');
    await options.waitFor(() => /\d+/.test(document.body.innerText) && document.querySelector('h1') !== null);
    const { version } = JSON.parse(readFileSync(`${ROOT}seeds/fact-base.json`, 'utf8'));
    await options.waitFor((v) => document.body.innerText.includes(v), version);
    expect(await axeViolations(options)).toEqual([]);
  });

  it('says plainly when the extension cannot run on the page', async () => {
    const popup = await session().openExtensionPage('/popup.html?tab=999999');
    await popup.waitFor(() => document.querySelector('.notice') !== null);
    const notice = await popup.evaluate(() => document.querySelector('.notice')?.textContent);
    expect(notice).toMatch(/cannot run/);
  });
});
