import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { tabsWithBadge } from './harness/extension-api';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { type E2EPage, type ExtensionSession, poll } from './harness/session';

const count = async (page: E2EPage) => (await paintedRanges(page)).length;
/** Long enough for the content script to have highlighted a page it is on (it does so in well under a second). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

interface StorageApi {
  storage: {
    sync: { set(items: object): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>> };
  };
}

/** Runs `fn` with the extension API from one of its pages (Firefox's `browser`, Chromium's promise-based `chrome`). */
function api<R, A>(page: E2EPage, fn: (api: StorageApi, arg: A) => Promise<R>, arg: A): Promise<R> {
  return page.evaluateSource(
    `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg)})`,
  ) as Promise<R>;
}

const setSync = (page: E2EPage, items: object) => api(page, (a, i) => a.storage.sync.set(i), items);

/** Chooses a file in the options page's import field, as a user would, through the field's own change event. */
function chooseImportFile(options: E2EPage, name: string, text: string) {
  return options.evaluate(
    ([fileName, content]) => {
      const input = document.querySelector<HTMLInputElement>('#opt-import');
      if (!input) throw new Error('no import field');
      const files = new DataTransfer();
      files.items.add(new File([content as string], fileName as string, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text],
  );
}

describeInBrowsers('settings and storage', { fixtures: { '/': FIXTURES } }, ({ target, server }) => {
  it('imports 10,000 sites, keeps them across a browser restart, and the last site gets no highlights', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), `cl-restart-${target.name}-`));
    // Sorted as rule keys are, `localhost` (the fixture server's second origin) comes last.
    const sites = [...Array.from({ length: 9999 }, (_, i) => `a${String(i).padStart(5, '0')}.example`), 'localhost'];
    let session: ExtensionSession | undefined;
    try {
      session = await target.launch({ profileDir });
      let options = await session.openExtensionPage('/options.html');
      await options.waitFor(() => document.querySelector('#opt-import') !== null);
      await chooseImportFile(options, 'sites.json', JSON.stringify(sites));
      await options.waitFor(
        () => document.querySelector('section[aria-labelledby="opt-transfer-heading"] .status')?.textContent,
        undefined,
        30_000,
      );
      const report = await options.evaluate(
        () => document.querySelector('section[aria-labelledby="opt-transfer-heading"] .status')?.textContent,
      );
      expect(report).toBe(
        'sites.json: 10,000 new sites added. The list is now too large to sync: it is kept in this browser only.',
      );
      const stored = await api(
        options,
        async (a) => (await a.storage.local.get('siteRulesLocal')).siteRulesLocal,
        null,
      );
      expect((stored as { sites: string[] }).sites).toHaveLength(10_000);
      await session.close();
      session = undefined;

      session = await target.launch({ profileDir });
      options = await session.openExtensionPage('/options.html');
      await options.waitFor(
        () => document.querySelector('.site-count')?.textContent === '10,000 sites listed',
        undefined,
        20_000,
      );
      expect(await options.evaluate(() => document.querySelector('[data-area]')?.getAttribute('data-area'))).toBe(
        'local',
      );

      const last = await session.newPage();
      await last.goto(`${server().altOrigin}/article-en.html`);
      const control = await session.newPage();
      await control.goto(`${server().origin}/article-en.html`);
      // The extension runs (the control page, not listed, is highlighted) and the last listed site is left alone.
      await poll(
        () => count(control),
        (n) => n === 8,
        20_000,
      );
      await settle();
      expect(await count(last)).toBe(0);
    } finally {
      await session?.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 180_000);

  describe('on one profile', () => {
    let session: ExtensionSession;
    let article: E2EPage;
    let extension: E2EPage;
    let articleTab: number;

    beforeAll(async () => {
      session = await target.launch();
      article = await session.newPage();
      await article.goto(`${server().origin}/article-en.html`);
      await poll(
        () => count(article),
        (n) => n === 8,
      );
      extension = await session.openExtensionPage('/welcome.html');
      [articleTab] = (await poll(
        () => tabsWithBadge(extension, '8'),
        (ids) => ids.length === 1,
      )) as [number];
    });
    afterAll(async () => {
      await session?.close();
    });

    it('snoozes a site from the popup, shows it on the badge, and ends the snooze at its time', async () => {
      // `snoozeMs` makes "for an hour" last 5 s: a query of the popup page, which no web page can open.
      const popup = await session.openExtensionPage(`/popup.html?tab=${articleTab}&snoozeMs=5000`);
      await popup.waitFor(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'For an hour'));
      const started = Date.now();
      await popup.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'For an hour')?.click(),
      );
      await poll(
        () => count(article),
        (n) => n === 0,
      );
      await popup.waitFor(() =>
        /^Snoozed on 127\.0\.0\.1 until /.test(document.querySelector('.snooze .notice')?.textContent ?? ''),
      );
      const extensionPage = target.name === 'firefox' ? popup : extension;
      expect(await tabsWithBadge(extensionPage, 'z')).toEqual([articleTab]);

      await poll(
        () => count(article),
        (n) => n === 8,
        20_000,
      );
      const ended = Date.now() - started;
      expect(ended).toBeGreaterThanOrEqual(4500);
      await poll(
        () => tabsWithBadge(extensionPage, '8'),
        (ids) => ids.includes(articleTab),
      );
      const left = await api(extensionPage, async (a) => (await a.storage.local.get('snoozes')).snoozes, null);
      expect(left).toEqual({});
    }, 60_000);

    it('leaves other sites unhighlighted when settings in "only listed" mode are damaged', async () => {
      const other = await session.newPage();
      await other.goto(`${server().altOrigin}/article-en.html`);
      await poll(
        () => count(other),
        (n) => n === 8,
      );
      const page = target.name === 'firefox' ? await session.openExtensionPage('/welcome.html') : extension;
      // Entries that are not sites, in "only listed" mode: the listed site runs, every other stays off.
      await setSync(page, { siteRules: { mode: 'only-listed', sites: ['127.0.0.1', 42, 'not a host'] } });
      await poll(
        () => count(other),
        (n) => n === 0,
      );
      await other.reload();
      await settle();
      expect(await count(other)).toBe(0);
      expect(await count(article)).toBe(8);

      // A mode that cannot be read: nothing can be decided, nothing is highlighted, and the popup says why.
      await setSync(page, { siteRules: { mode: 'only-listd', sites: ['127.0.0.1'] } });
      await poll(
        () => count(article),
        (n) => n === 0,
      );
      const popup = await session.openExtensionPage(`/popup.html?tab=${articleTab}`);
      await popup.waitFor(() =>
        document.body.textContent?.includes(
          'Context Lens stays off on 127.0.0.1: the list of sites could not be read.',
        ),
      );
      const back = target.name === 'firefox' ? popup : extension;
      await setSync(back, { siteRules: { mode: 'all-except-listed', sites: [] } });
      await poll(
        () => count(article),
        (n) => n === 8,
      );
      await other.close();
    });

    it.skipIf(target.name !== 'chromium')(
      'refuses extension-page messages sent from a content script (Chromium: the content script’s world over CDP)',
      async () => {
        const context = (session as ExtensionSession & { context: BrowserContext }).context;
        const page = context.pages().find((p) => p.url().startsWith(`${server().origin}/article-en.html`));
        if (!page) throw new Error('article page not found');
        const cdp = await context.newCDPSession(page);
        const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
        cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
        await cdp.send('Runtime.enable');
        // The extension's isolated world is named after it; Playwright has one of its own.
        const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.name.startsWith('Context Lens'));
        if (!world) throw new Error(`no content-script world among ${JSON.stringify(worlds.map((w) => w.name))}`);
        const send = async (type: string, data: unknown) => {
          const { result } = await cdp.send('Runtime.evaluate', {
            contextId: world.id,
            awaitPromise: true,
            returnByValue: true,
            // The messaging library's wire format: the content script's own `chrome.runtime`, a real sender.
            expression: `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: Date.now() })})`,
          });
          return result.value as { res?: unknown; err?: { message?: string } };
        };
        for (const [type, data] of [
          ['getTabMentions', { tabId: articleTab }],
          ['rebuildCache', undefined],
          ['getFactBaseInfo', undefined],
          ['snoozeSite', { site: '127.0.0.1', until: null }],
          // A page must never install, remove or read out fact packs.
          ['listPacks', undefined],
          ['importPack', { text: '{}' }],
          ['removePack', { id: 'apple-ai-team-2025-07' }],
          ['exportPack', { id: 'apple-ai-team-2025-07' }],
        ] as const) {
          const answer = await send(type, data);
          expect(answer.err?.message, type).toMatch(/^Refused: \w+ cannot be sent from content-script$/);
          expect(answer.res).toBeUndefined();
        }
        // The same sender is answered for what content scripts may ask.
        const { version } = JSON.parse(readFileSync(`${ROOT}seeds/fact-base.json`, 'utf8'));
        expect((await send('getSummary', undefined)).res).toMatchObject({ version });
        // Keys that are no entity reference at all are refused by the schema, unknown references by the handler.
        const bogus = await send('reportMentions', { counts: { toString: 5 } });
        expect(bogus.err?.message).toMatch(/reportMentions message: not an entity reference/);
        const unknown = await send('reportMentions', { counts: { 'no-such-entity': 5 } });
        expect(unknown.err?.message).toMatch(/unknown entity no-such-entity/);
        expect(await tabsWithBadge(extension, '8')).toContain(articleTab);
        await cdp.detach();
      },
    );
  });
});
