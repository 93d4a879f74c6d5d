import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { centerOfText } from './harness/card-probes';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { tabsWithBadge } from './harness/extension-api';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { type E2EPage, type ExtensionSession, poll } from './harness/session';

const PACK = readFileSync(`${FIXTURES}/packs/harbor-robotics.json`, 'utf8');
const INVALID = readFileSync(`${FIXTURES}/packs/invalid-pack.json`, 'utf8');
const PACK_ID = 'harbor-robotics-2024-03';
/** What the fixture page names, in its order: the pack's people and product, and Siri, which both packs name. */
const WITH_PACK = ['Mira Okafor', 'Stacker 9', 'Tobias Lindqvist', 'Lindqvist', 'Siri'];
const BUNDLED_ONLY = ['Siri'];

const texts = async (page: E2EPage) => (await paintedRanges(page)).map((r) => r.text);
const untilTexts = (page: E2EPage, wanted: string[], timeoutMs = 15_000) =>
  poll(
    () => texts(page),
    (t) => JSON.stringify(t) === JSON.stringify(wanted),
    timeoutMs,
  );

/** Chooses a file in the Fact packs import field, as a user would, through the field's own change event. */
function choosePack(options: E2EPage, name: string, text: string) {
  return options.evaluate(
    ([fileName, content]) => {
      const input = document.querySelector<HTMLInputElement>('#opt-pack-import');
      if (!input) throw new Error('no pack import field');
      const files = new DataTransfer();
      files.items.add(new File([content as string], fileName as string, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text],
  );
}

const packRows = (options: E2EPage) =>
  options.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.pack-list .pack')].map((row) => ({
      id: row.dataset.pack,
      name: row.querySelector('.pack-name')?.textContent,
      meta: row.querySelector('.pack-meta')?.textContent,
      source: row.querySelector('.pack-source')?.textContent,
      enabled: row.querySelector<HTMLInputElement>('input[role="switch"]')?.checked,
    })),
  );

const openOptions = async (session: ExtensionSession) => {
  const options = await session.openExtensionPage('/options.html');
  await options.waitFor(() => document.querySelector('.pack-list .pack') !== null, undefined, 15_000);
  return options;
};

const cardOf = (page: E2EPage) =>
  page.inCard((dialog) => ({
    name: dialog.querySelector('.name')?.textContent ?? null,
    facts: [...dialog.querySelectorAll('.fact .fact-text')].map((f) => f.textContent),
    views: [...dialog.querySelectorAll<HTMLElement>('.pack-view')].map((v) => v.dataset.pack),
    sources: [...dialog.querySelectorAll('.card-source')].map((s) => s.textContent),
    link: (() => {
      const a = dialog.querySelector('.card-source a');
      return a ? { href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') } : null;
    })(),
  }));

async function hover(page: E2EPage, text: string) {
  await page.bringToFront();
  await page.mouseMove(5, 5);
  const at = await centerOfText(page, text);
  await page.mouseMove(at.x, at.y);
}

describeInBrowsers('fact packs', { fixtures: { '/': FIXTURES } }, ({ target, url }) => {
  const profileDir = mkdtempSync(join(tmpdir(), `cl-packs-${target.name}-`));
  let session: ExtensionSession;
  let article: E2EPage;
  let options: E2EPage;

  beforeAll(async () => {
    session = await target.launch({ profileDir });
    article = await session.newPage();
    await article.goto(url('/pack-article.html'));
    // Before any import, only what the bundled pack names.
    await untilTexts(article, BUNDLED_ONLY);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('imports a pack in the options page, and the open tab highlights its people without a reload', async () => {
    options = await openOptions(session);
    const label = await options.evaluate(() => document.querySelector('label[for="opt-pack-import"]')?.textContent);
    expect(label).toBe('Import a fact pack (JSON)');
    await choosePack(options, 'harbor-robotics.json', PACK);
    await options.waitFor(
      () => /installed and enabled/.test(document.querySelector('.pack-report .status')?.textContent ?? ''),
      undefined,
      15_000,
    );
    await options.waitFor((id) => document.querySelector(`.pack[data-pack="${id}"]`) !== null, PACK_ID);
    const rows = await packRows(options);
    expect(rows.map((r) => r.id)).toEqual(['apple-ai-team-2025-07', PACK_ID]);
    expect(rows[1]).toMatchObject({
      name: 'Harbor Robotics pauses its Stacker 9 warehouse robots',
      meta: 'Version 2024.03.1 · 5 entities · 8 facts · 7 aliases',
      enabled: true,
    });
    expect(rows[1]?.source).toContain(
      'Harbor Robotics halts Stacker 9 deliveries after a string of warehouse stoppages',
    );
    expect(rows[1]?.source).toContain('Dockside Weekly');
    expect(rows[1]?.source).toContain('March 18, 2024');
    await untilTexts(article, WITH_PACK);
  });

  it('shows a card with the pack’s facts and its source, whose https link opens on a click only', async () => {
    await hover(article, 'Mira Okafor');
    const card = await poll(
      () => cardOf(article),
      (c) => c?.name === 'Mira Okafor',
    );
    expect(card?.facts).toEqual([
      'Mira Okafor said a software update sent to the fleets in February is the most likely cause.',
      'She apologised to customers and promised to cover the cost of the lost hours.',
    ]);
    expect(card?.sources[0]).toContain('Harbor Robotics halts Stacker 9 deliveries');
    expect(card?.sources[0]).toContain('The Quayside Ledger');
    expect(card?.link).toEqual({
      href: 'https://example.com/quayside-ledger/harbor-robotics-stacker-9',
      rel: 'noopener noreferrer',
      target: '_blank',
    });
    // Closed, so that it cannot lie over the next mention hovered.
    await article.press('Escape');
    await poll(
      () => cardOf(article),
      (c) => c === null,
    );
  });

  it('gives an entity both packs name one highlight and one card with what each says, each with its source', async () => {
    expect((await texts(article)).filter((t) => t === 'Siri')).toHaveLength(1);
    await hover(article, 'Siri');
    const card = await poll(
      () => cardOf(article),
      (c) => c?.name === 'Siri' && c.views.length === 2,
    );
    expect(card?.views).toEqual(['apple-ai-team-2025-07', PACK_ID]);
    expect(card?.sources).toHaveLength(2);
    expect(card?.sources[0]).toContain('relaying The Information');
    expect(card?.sources[1]).toContain('The Quayside Ledger');
    expect(card?.facts).toContain(
      'Some warehouses call a Stacker 9 to an aisle by voice through Siri; those calls were not affected.',
    );
    await article.screenshot(`${ROOT}test-results/pack-card-${target.name}.png`);
    await article.press('Escape');
    await poll(
      () => cardOf(article),
      (c) => c === null,
    );
  });

  it('lists the pack’s people in the popup’s “On this page”, and its summary with the bundled one', async () => {
    const [tab] = await poll(
      () => tabsWithBadge(options, '5'),
      (ids) => ids.length === 1,
    );
    const popup = await session.openExtensionPage(`/popup.html?tab=${tab}`);
    const mentions = await poll(
      () => popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.mention')].map((b) => b.dataset.entity)),
      (list) => list.length === 4,
    );
    expect(mentions).toEqual(['siri', `${PACK_ID}:mira-okafor`, `${PACK_ID}:tobias-lindqvist`, `${PACK_ID}:stacker-9`]);
    const summaries = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.pack-summary')].map((s) => s.dataset.pack),
    );
    expect(summaries).toEqual(['apple-ai-team-2025-07', PACK_ID]);
    options = await openOptions(session);
  });

  it('refuses an invalid pack, changes nothing, and names each problem', async () => {
    await choosePack(options, 'invalid-pack.json', INVALID);
    await options.waitFor(() => document.querySelector('.pack-problems') !== null, undefined, 15_000);
    const report = await options.evaluate(() => document.querySelector('.pack-problems')?.textContent ?? '');
    expect(report).toContain('invalid-pack.json was not imported, and nothing was changed.');
    expect(report).toContain('entities.0.id');
    expect(report).toContain('entities.1.secret: not a field of the format');
    expect(report).toContain('source.url');
    expect(report).toContain('Formats read: 1 and 2.');
    expect((await packRows(options)).map((r) => r.id)).toEqual(['apple-ai-team-2025-07', PACK_ID]);
    await options.evaluate(() => document.querySelector('#opt-packs-heading')?.scrollIntoView());
    await options.screenshot(`${ROOT}test-results/pack-options-${target.name}.png`);
    expect(await texts(article)).toEqual(WITH_PACK);
  });

  it('switched off, the pack’s highlights leave the open tab at once; switched on, they come back', async () => {
    const toggle = (on: boolean) =>
      options.evaluate(
        ([id, wanted]) => {
          const input = document.querySelector<HTMLInputElement>(`#pack-${id}-enabled`);
          if (!input) throw new Error('no switch');
          if (input.checked !== wanted) input.click();
        },
        [PACK_ID, on] as [string, boolean],
      );
    await toggle(false);
    await untilTexts(article, BUNDLED_ONLY);
    await toggle(true);
    await untilTexts(article, WITH_PACK);
  });

  it('removes the pack (with undo), and it is still gone after a browser restart', async () => {
    // Switched on by the previous test: the options page shows it on once storage said so.
    const shown = await poll(
      async () => (await packRows(options)).find((r) => r.id === PACK_ID)?.enabled,
      (on) => on === true,
    );
    expect(shown).toBe(true);
    await options.evaluate((id) => {
      const row = document.querySelector(`.pack[data-pack="${id}"]`);
      [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Remove')?.click();
    }, PACK_ID);
    await options.waitFor(() => document.querySelector('.pack-removed button')?.textContent === 'Undo');
    await untilTexts(article, BUNDLED_ONLY);
    // Undo puts it back, enabled as it was; removed again, it is gone.
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('.pack-removed button')?.click());
    await untilTexts(article, WITH_PACK);
    await options.evaluate((id) => {
      const row = document.querySelector(`.pack[data-pack="${id}"]`);
      [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Remove')?.click();
    }, PACK_ID);
    await untilTexts(article, BUNDLED_ONLY);
    // The tab may hear of the removal before the options page has listed the packs again.
    const listed = await poll(
      async () => (await packRows(options)).map((r) => r.id),
      (ids) => ids.length === 1,
    );
    expect(listed).toEqual(['apple-ai-team-2025-07']);

    await session.close();
    session = await target.launch({ profileDir });
    options = await openOptions(session);
    expect((await packRows(options)).map((r) => r.id)).toEqual(['apple-ai-team-2025-07']);
    article = await session.newPage();
    await article.goto(url('/pack-article.html'));
    await untilTexts(article, BUNDLED_ONLY);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await texts(article)).toEqual(BUNDLED_ONLY);
  }, 120_000);
});
