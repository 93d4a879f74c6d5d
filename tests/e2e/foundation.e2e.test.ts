import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { ROOT } from './harness/paths';
import { type E2EPage, poll } from './harness/session';

const seed = JSON.parse(readFileSync(`${ROOT}seeds/fact-base.json`, 'utf8'));

/** Counts the bundled pack's records in the extension origin's fact database, read from one of its pages. */
function countStored(page: E2EPage) {
  return page.evaluate(
    (packId) =>
      new Promise<{ entities: number; facts: number; version: string | null }>((resolve, reject) => {
        const req = indexedDB.open('context-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const stores = ['packs', 'entities', 'facts'];
          if (!stores.every((name) => db.objectStoreNames.contains(name))) {
            db.close();
            resolve({ entities: 0, facts: 0, version: null });
            return;
          }
          const tx = db.transaction(stores, 'readonly');
          const out = { entities: 0, facts: 0, version: null as string | null };
          tx.objectStore('entities').index('by-pack').count(packId).onsuccess = (e) => {
            out.entities = (e.target as IDBRequest<number>).result;
          };
          tx.objectStore('facts').index('by-pack').count(packId).onsuccess = (e) => {
            out.facts = (e.target as IDBRequest<number>).result;
          };
          tx.objectStore('packs').get(packId).onsuccess = (e) => {
            out.version = (e.target as IDBRequest<{ version: string } | undefined>).result?.version ?? null;
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    seed.id as string,
  );
}

const popupReady = (page: E2EPage) => page.waitFor(() => document.querySelector('main')?.dataset.state === 'ready');

const popupState = (page: E2EPage) =>
  page.evaluate(() => {
    const main = document.querySelector('main');
    return {
      state: main?.dataset.state,
      origin: main?.dataset.origin,
      lang: main?.getAttribute('lang'),
      headline: document.querySelector('.headline')?.textContent,
      points: [...document.querySelectorAll('.points li')].map((li) => li.textContent),
    };
  });

describeInBrowsers('foundation', {}, ({ target, session }) => {
  it('seeds the extension origin’s IndexedDB with the bundled fact base on install', async () => {
    const page = await session().openExtensionPage('/popup.html');
    await popupReady(page);
    const stored = await countStored(page);
    expect(stored).toEqual({ entities: seed.entities.length, facts: seed.facts.length, version: seed.version });
    await page.close();
  });

  it('shows the summary in the popup, read from IndexedDB through the background', async () => {
    const page = await session().openExtensionPage('/popup.html');
    await popupReady(page);
    const popup = await popupState(page);
    expect(popup.origin).toBe('indexeddb');
    expect(popup.lang).toBe('en');
    expect(popup.headline).toBe(seed.summary.headline.en);
    expect(popup.points).toEqual(seed.summary.points.map((p: { en: string }) => p.en));
    await page.screenshot(`${ROOT}test-results/popup-${target.name}-en.png`);
    await page.close();
  });

  it('re-seeds the database after it is deleted, and still answers meanwhile', async () => {
    const page = await session().openExtensionPage('/popup.html');
    await popupReady(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('context-lens');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
        }),
    );
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names).not.toContain('context-lens');
    await page.reload();
    await popupReady(page);
    expect((await popupState(page)).headline).toBe(seed.summary.headline.en);
    const stored = await poll(
      () => countStored(page),
      (s) => s.entities > 0,
    );
    expect(stored).toEqual({
      entities: seed.entities.length,
      facts: seed.facts.length,
      version: seed.version,
    });
    await page.close();
  });

  it('rebuilds a database left without its stores', async () => {
    const page = await session().openExtensionPage('/popup.html');
    await popupReady(page);
    // Delete, then let a bare open() create version 1 with no stores at all.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('context-lens');
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            const open = indexedDB.open('context-lens', 1);
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
            open.onerror = () => reject(open.error);
          };
        }),
    );
    expect((await countStored(page)).entities).toBe(0);
    await page.reload();
    await popupReady(page);
    expect((await popupState(page)).headline).toBe(seed.summary.headline.en);
    const stored = await poll(
      () => countStored(page),
      (s) => s.entities > 0,
    );
    expect(stored.facts).toBe(seed.facts.length);
    await page.close();
  });
});

describeInBrowsers('French popup', { browsers: ['chromium'], launch: { lang: 'fr' } }, ({ session }) => {
  it('shows the summary in French when the browser speaks French', async () => {
    const page = await session().openExtensionPage('/popup.html');
    await popupReady(page);
    const popup = await popupState(page);
    expect(popup.lang).toBe('fr');
    expect(popup.headline).toBe(seed.summary.headline.fr);
    await page.screenshot(`${ROOT}test-results/popup-chromium-fr.png`);
    await page.close();
  });
});
