import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/ext/message-handlers';
import { InvalidMessageError } from '@/lib/ext/messages';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { DB_NAME, DB_VERSION, openFactDb } from '@/lib/store/fact-db';
import { FactStore } from '@/lib/store/fact-store';

/**
 * The reliability suite's tally: each storage fault is injected and the
 * store must still answer (summary and a card); each malformed message must
 * be refused before anything runs. Prints the counts.
 */
const { base, hash } = loadBundledFactBase();
const survived: string[] = [];
let rejected = 0;
const quiet = { log: () => {} };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterAll(() => {
  console.log(`faults injected and survived: ${survived.length} (${survived.join('; ')})`);
  console.log(`malformed messages rejected: ${rejected}`);
});

async function survives(name: string, store: FactStore): Promise<void> {
  const summary = await store.summary();
  expect(summary.value.summary.headline.en).toBe(base.summary.headline.en);
  const card = await store.card('siri');
  expect(card.value.entity.id).toBe('siri');
  expect(card.value.facts.length).toBeGreaterThan(0);
  survived.push(name);
}

/** Seeds the database as the background would, then hands a second connection to `damage`. */
async function seededThen(damage: (db: Awaited<ReturnType<typeof openDB>>) => Promise<unknown>): Promise<void> {
  const first = new FactStore(base, hash, quiet);
  await first.ready();
  first.forget();
  const db = await openDB(DB_NAME);
  await damage(db);
  db.close();
}

describe('storage faults', () => {
  it('no IndexedDB at all', async () => {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
    await survives('no IndexedDB', new FactStore(base, hash, quiet));
  });

  it('the database is blocked and never opens', async () => {
    const blocked = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('blocked')), 20));
    await survives('blocked', new FactStore(base, hash, { ...quiet, open: blocked }));
  });

  it('the disk is full when seeding', async () => {
    const full = async () => {
      const db = await openFactDb({ timeoutMs: 500 });
      db.transaction = (() => {
        throw new DOMException('disk full', 'QuotaExceededError');
      }) as never;
      return db;
    };
    await survives('QuotaExceededError', new FactStore(base, hash, { ...quiet, open: full }));
  });

  it('a store is missing', async () => {
    const db = await openDB(DB_NAME, DB_VERSION, { upgrade: (d) => void d.createObjectStore('packs') });
    db.close();
    await survives('missing store', new FactStore(base, hash, quiet));
  });

  it('a record has the wrong shape', async () => {
    await seededThen((db) => db.put('entities', { id: 'siri', name: 42 }));
    await survives('damaged entity', new FactStore(base, hash, quiet));
  });

  it('the pack record is garbage', async () => {
    await seededThen((db) => db.put('packs', { id: base.id, garbage: true }));
    await survives('damaged pack record', new FactStore(base, hash, quiet));
  });

  it('another context upgrades the database while it is open', async () => {
    const store = new FactStore(base, hash, quiet);
    await store.ready();
    const newer = await openDB(DB_NAME, 5);
    newer.close();
    await survives('version change while open', store);
  });
});

describe('malformed messages', () => {
  const handlers = createHandlers({
    store: new FactStore(base, hash, quiet),
    entityIds: async () => new Set(base.entities.map((e) => e.id)),
    packs: {
      list: async () => ({ packs: [], storage: 'indexeddb' }),
      import: async () => ({ status: 'unavailable' }),
      remove: async () => ({ status: 'unavailable' }),
      export: async () => null,
    },
    onMentions: () => {},
    tabMentions: async () => ({ counts: {}, limit: 'none' }),
    pageSetup: async () => {
      throw new Error('not asked in these tests');
    },
    onSnooze: async () => {},
    onMute: async () => {},
  });
  const cases: [keyof typeof handlers, unknown][] = [
    ['getCard', {}],
    ['getCard', { entityId: '<img src=x onerror=alert(1)>' }],
    ['getCard', { entityId: 'siri', extra: true }],
    ['getFacts', { entityId: 42 }],
    ['search', { query: 'x'.repeat(500) }],
    ['search', 'siri'],
    ['getPageSetup', { site: ['everything'] }],
    ['getTabMentions', { tabId: -1 }],
    ['reportMentions', { counts: { siri: -5 } }],
    ['reportMentions', { counts: { siri: '1' } }],
    ['reportMentions', { counts: { toString: 1 } }],
    ['snoozeSite', { site: '<b>x</b>', until: null }],
    ['getSummary', { evil: true }],
    ['rebuildCache', [1, 2, 3]],
    ['importPack', { text: 42 }],
    ['importPack', { text: '{}', run: 'code' }],
    ['removePack', { id: '../../etc' }],
    ['exportPack', { id: 'a:b' }],
    ['getCard', { entityId: 'pack:<b>x</b>' }],
  ];
  for (const [type, data] of cases) {
    it(`refuses ${type} ${JSON.stringify(data).slice(0, 40)}`, async () => {
      await expect(handlers[type](data, { tabId: 1, frameId: 0 })).rejects.toBeInstanceOf(InvalidMessageError);
      rejected++;
    });
  }
});
