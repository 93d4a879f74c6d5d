import { IDBFactory } from 'fake-indexeddb';
import { type IDBPDatabase, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { packCard, searchFactBase, UnknownEntityError } from '@/lib/facts/query';
import type { FactBase } from '@/lib/facts/schema';
import { DB_NAME, DB_VERSION, type FactDb, openFactDb } from '@/lib/store/fact-db';
import { FactStore, type FactStoreOptions } from '@/lib/store/fact-store';
import { seedBundled as seedFactDb } from '@/lib/store/pack-writes';
import { openRaw } from '@/tests/helpers/idb';
import {
  entityOf,
  factOf,
  SAMPLE_HASH,
  SIRI_FACTS_BY_PARAGRAPH,
  sampleBase,
  storedEntity,
  storedFact,
} from '@/tests/helpers/sample-base';

const PACK = 'sample-pack';

// ---------------------------------------------------------------- helpers

interface Harness {
  store: FactStore;
  base: FactBase;
  logs: { message: string; error: unknown }[];
  /** How many times the store asked for a connection. */
  opens: () => number;
  /** Every connection the store was given. */
  dbs: FactDb[];
}

const stores: FactStore[] = [];

function harness(options: { open?: () => Promise<FactDb>; base?: FactBase; hash?: string } = {}): Harness {
  const base = options.base ?? sampleBase();
  const logs: Harness['logs'] = [];
  const dbs: FactDb[] = [];
  let count = 0;
  const open = options.open ?? (() => openFactDb({ timeoutMs: 1000 }));
  const storeOptions: FactStoreOptions = {
    open: async () => {
      count++;
      const db = await open();
      dbs.push(db);
      return db;
    },
    log: (message, error) => logs.push({ message, error }),
  };
  const store = new FactStore(base, options.hash ?? SAMPLE_HASH, storeOptions);
  stores.push(store);
  return { store, base, logs, opens: () => count, dbs };
}

/** A second, independent connection to the database, to read or damage it behind the store's back. */
async function withDb<T>(fn: (db: IDBPDatabase) => Promise<T>): Promise<T> {
  const db = await openDB(DB_NAME);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('deleteDatabase blocked by an open connection'));
  });
}

/** Wraps a real connection so that `transaction(…, mode)` goes through `intercept` first. */
function interceptTransactions(db: FactDb, intercept: (mode: IDBTransactionMode) => void): FactDb {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (stores: never, mode: IDBTransactionMode = 'readonly', options?: IDBTransactionOptions) => {
          intercept(mode);
          return target.transaction(stores, mode, options);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const sampleSummary = () => {
  const { id, name, version, source, summary } = sampleBase();
  return { source, summary, packs: [{ pack: { id, name, version }, source, summary }] };
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.forget();
});

// ---------------------------------------------------------------- normal path

describe('FactStore, IndexedDB working', () => {
  it('ready() opens and seeds the database', async () => {
    const { store, opens } = harness();
    expect(await store.ready()).toBe(true);
    expect(opens()).toBe(1);
    await withDb(async (db) => {
      expect((await db.get('packs', PACK)).hash).toBe(SAMPLE_HASH);
      expect(await db.count('entities')).toBe(3);
      expect(await db.count('facts')).toBe(4);
    });
  });

  it('serves summary from IndexedDB with the stored version', async () => {
    const { store } = harness();
    await store.ready();
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'indexeddb', version: 'test-1' });
  });

  it('serves a card with related entities resolved and facts sorted by paragraph', async () => {
    const { store } = harness();
    await store.ready();
    const served = await store.card('siri');
    expect(served.origin).toBe('indexeddb');
    expect(served.version).toBe('test-1');
    expect(served.value.entity).toEqual(entityOf(sampleBase(), 'siri'));
    expect(served.value.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    expect(served.value.related).toEqual([
      { id: 'craig-federighi', name: { en: 'Craig Federighi', fr: 'Craig Federighi' }, type: 'person' },
      { id: 'apple', name: { en: 'Apple', fr: 'Apple' }, type: 'company' },
    ]);
  });

  it('really reads the database (a change made there shows up)', async () => {
    const { store } = harness();
    await store.ready();
    await withDb((db) =>
      db.put('entities', {
        ...storedEntity(sampleBase(), 'siri'),
        description: { en: 'From the cache', fr: 'Du cache' },
      }),
    );
    const served = await store.card('siri');
    expect(served.origin).toBe('indexeddb');
    expect(served.value.entity.description.en).toBe('From the cache');
  });

  it('serves facts of an entity sorted by paragraph', async () => {
    const { store } = harness();
    await store.ready();
    const siri = await store.facts('siri');
    expect(siri.origin).toBe('indexeddb');
    expect(siri.value.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    const apple = await store.facts('apple');
    // Background cites no paragraph and comes after what the article says.
    expect(apple.value.map((f) => f.paragraph)).toEqual([8, 9, undefined]);
    expect(apple.value[2]?.background).toBe(true);
  });

  it('serves search and entities from IndexedDB', async () => {
    const { store } = harness();
    await store.ready();
    const search = await store.search('FEDERIGHI équipe');
    expect(search.origin).toBe('indexeddb');
    expect(search.version).toBe('test-1');
    expect(search.value).toEqual([{ kind: 'fact', fact: factOf(sampleBase(), 'federighi-team') }]);

    const entities = await store.entities();
    expect(entities.origin).toBe('indexeddb');
    expect(entities.value.map((e) => e.id).sort()).toEqual(['apple', 'craig-federighi', 'siri']);
  });

  it('opens once for concurrent first reads, and reads work without calling ready()', async () => {
    const { store, opens } = harness();
    const [summary, card, facts] = await Promise.all([store.summary(), store.card('apple'), store.facts('siri')]);
    expect([summary.origin, card.origin, facts.origin]).toEqual(['indexeddb', 'indexeddb', 'indexeddb']);
    expect(opens()).toBe(1);
  });

  it('does not log anything on the happy path', async () => {
    const { store, logs } = harness();
    await store.summary();
    await store.card('siri');
    await store.search('siri');
    expect(logs).toEqual([]);
  });

  it('replaces an older cached version with the bundled one', async () => {
    const older = { ...sampleBase(), version: 'test-0' };
    older.summary.headline.en = 'Old headline';
    const db = await openFactDb();
    await seedFactDb(db, older, 'old-hash');
    db.close();

    const { store } = harness();
    const served = await store.summary();
    expect(served).toMatchObject({ origin: 'indexeddb', version: 'test-1' });
    expect(served.value.summary.headline.en).toBe('Apple shelved an open-source plan');
  });
});

// ---------------------------------------------------------------- fault injection

describe('FactStore fault injection: the caller still gets the right answer', () => {
  it('1. IndexedDB missing entirely → bundled', async () => {
    const saved = globalThis.indexedDB;
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    try {
      const { store, logs } = harness({ open: () => openFactDb() });
      expect(await store.ready()).toBe(false);
      expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
      const card = await store.card('siri');
      expect(card.origin).toBe('bundled');
      expect(card.value.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
      expect(card.value.related.map((r) => r.id)).toEqual(['craig-federighi', 'apple']);
      expect((await store.search('modeles')).value.map((h) => h.kind)).toEqual(['fact']);
      expect((await store.entities()).value.map((e) => e.id)).toEqual(['siri', 'craig-federighi', 'apple']);
      expect(logs.length).toBeGreaterThan(0);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('1b. IndexedDB missing, with the default open → bundled', async () => {
    const saved = globalThis.indexedDB;
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    try {
      const store = new FactStore(sampleBase(), SAMPLE_HASH, { log: () => {} });
      stores.push(store);
      expect(await store.summary()).toMatchObject({ origin: 'bundled', version: 'test-1' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('2. open blocked by another context → bundled, quickly', async () => {
    // A connection that never closes, and an upgrade waiting on it: our open is queued behind.
    const stubborn = await openRaw(1);
    const upgrade = indexedDB.open(DB_NAME, DB_VERSION + 1);
    await new Promise<void>((resolve) => {
      upgrade.onblocked = () => resolve();
    });
    try {
      const { store, logs } = harness({ open: () => openFactDb({ timeoutMs: 50 }) });
      const started = Date.now();
      const served = await store.summary();
      expect(served).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(String(logs[0]?.error)).toMatch(/did not open within 50 ms/);
      // Further reads answer at once from the bundle instead of waiting again.
      const again = Date.now();
      expect((await store.card('apple')).origin).toBe('bundled');
      expect(Date.now() - again).toBeLessThan(40);
    } finally {
      stubborn.close();
    }
  });

  it('2b. open blocked, default FactStore timeout → bundled within about two seconds', async () => {
    const stubborn = await openRaw(1);
    const upgrade = indexedDB.open(DB_NAME, DB_VERSION + 1);
    await new Promise<void>((resolve) => {
      upgrade.onblocked = () => resolve();
    });
    try {
      const store = new FactStore(sampleBase(), SAMPLE_HASH, { log: () => {} });
      stores.push(store);
      const started = Date.now();
      expect((await store.summary()).origin).toBe('bundled');
      expect(Date.now() - started).toBeLessThan(3500);
    } finally {
      stubborn.close();
    }
  }, 8000);

  it('2c. open rejects after a delay → bundled', async () => {
    const { store } = harness({
      open: () => new Promise((_, reject) => setTimeout(() => reject(new Error('blocked')), 20)),
    });
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
  });

  it('3. QuotaExceededError while seeding → bundled, and the connection is closed', async () => {
    let real: FactDb | undefined;
    const { store, logs } = harness({
      open: async () => {
        real = await openFactDb();
        return interceptTransactions(real, (mode) => {
          if (mode === 'readwrite') throw quotaError();
        });
      },
    });
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
    expect((await store.card('siri')).value.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    expect((logs[0]?.error as DOMException | undefined)?.name).toBe('QuotaExceededError');
    // The failed connection must not stay open (it would block upgrades elsewhere).
    expect(() => real?.transaction('packs')).toThrow();
  });

  it('3b. QuotaExceededError when repairing a damaged record → still the right answer', async () => {
    let failWrites = false;
    const { store } = harness({
      open: async () =>
        interceptTransactions(await openFactDb(), (mode) => {
          if (mode === 'readwrite' && failWrites) throw quotaError();
        }),
    });
    await store.ready();
    failWrites = true;
    await withDb((db) => db.put('entities', { id: 'siri', foo: 1 }));
    for (let i = 0; i < 3; i++) {
      const card = await store.card('siri');
      expect(card.origin).toBe('bundled');
      expect(card.value.entity).toEqual(entityOf(sampleBase(), 'siri'));
    }
  });

  it('4. a store is missing (database created at the current version with only `packs`) → right answer, no crash', async () => {
    (await openRaw(DB_VERSION, (db) => db.createObjectStore('packs', { keyPath: 'id' }))).close();
    const { store } = harness();
    await store.ready();
    expect(await store.summary()).toMatchObject({ value: sampleSummary(), version: 'test-1' });
    const card = await store.card('craig-federighi');
    expect(card.value.related.map((r) => r.id)).toEqual(['apple']);
    expect(card.value.facts.map((f) => f.id)).toEqual(['federighi-team']);
    expect((await store.search('cupertino')).value).toEqual([
      { kind: 'fact', fact: factOf(sampleBase(), 'apple-cupertino') },
    ]);
    await expect(store.card('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
  });

  it('4b. a store is missing → openFactDb rebuilds the database and the store uses it', async () => {
    (await openRaw(DB_VERSION, (db) => db.createObjectStore('packs', { keyPath: 'id' }))).close();
    const { store } = harness();
    expect(await store.ready()).toBe(true);
    expect((await store.card('siri')).origin).toBe('indexeddb');
    await withDb(async (db) => expect([...db.objectStoreNames].sort()).toEqual(['entities', 'facts', 'packs']));
  });

  it('4c. a store is missing and the wrong database cannot be deleted → bundled, not a hang', async () => {
    // A connection that ignores versionchange keeps the broken database open, so it cannot be deleted.
    const holder = await openRaw(DB_VERSION, (db) => db.createObjectStore('packs', { keyPath: 'id' }));
    try {
      const { store } = harness({ open: () => openFactDb({ timeoutMs: 100 }) });
      const answer = await Promise.race([
        store.summary(),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ]);
      expect(answer).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
    } finally {
      holder.close();
    }
  }, 8000);

  it('5a. an entity record of the wrong shape → card from bundle, then the database is re-seeded', async () => {
    const { store, logs } = harness();
    await store.ready();
    await withDb((db) => db.put('entities', { id: 'siri', foo: 1 }));

    const card = await store.card('siri');
    expect(card.origin).toBe('bundled');
    expect(card.value.entity).toEqual(entityOf(sampleBase(), 'siri'));
    expect(card.value.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    expect(logs.length).toBeGreaterThan(0);

    await vi.waitFor(() =>
      withDb(async (db) => expect(await db.get('entities', 'siri')).toEqual(storedEntity(sampleBase(), 'siri'))),
    );
    expect((await store.card('siri')).origin).toBe('indexeddb');
  });

  it('5b. a damaged record that was already there when the store opened → bundled, then repaired', async () => {
    const db = await openFactDb();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    // Counts and the pack record still match, so the open-time seeding does not notice.
    await db.put('entities', { id: 'apple', foo: 1, pack: PACK } as never);
    db.close();

    const { store } = harness();
    const card = await store.card('apple');
    expect(card.origin).toBe('bundled');
    expect(card.value.entity.name.en).toBe('Apple');
    await vi.waitFor(async () => expect((await store.card('apple')).origin).toBe('indexeddb'));
  });

  it('5c. a damaged related entity → the card is still complete, from the bundle', async () => {
    const { store } = harness();
    await store.ready();
    await withDb((db) => db.put('entities', { id: 'apple', foo: 1, pack: PACK, n: 2 }));
    const card = await store.card('siri');
    expect(card.origin).toBe('bundled');
    expect(card.value.related.map((r) => r.id)).toEqual(['craig-federighi', 'apple']);
  });

  it('5d. a fact record of the wrong shape → facts from bundle, then repaired', async () => {
    const { store } = harness();
    await store.ready();
    await withDb((db) =>
      db.put('facts', { id: 'siri-delay', entities: ['siri'], paragraph: 'eight', pack: PACK, n: 1 }),
    );
    const facts = await store.facts('siri');
    expect(facts.origin).toBe('bundled');
    expect(facts.value.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    await vi.waitFor(() =>
      withDb(async (db) => expect(await db.get('facts', 'siri-delay')).toEqual(storedFact(sampleBase(), 'siri-delay'))),
    );
  });

  it('5e. a corrupted pack record → summary from bundle, then repaired', async () => {
    const { store, logs } = harness();
    await store.ready();
    await withDb((db) => db.put('packs', { id: PACK, foo: 1 }));

    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
    expect(logs.length).toBeGreaterThan(0);
    await vi.waitFor(() => withDb(async (db) => expect((await db.get('packs', PACK))?.hash).toBe(SAMPLE_HASH)));
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'indexeddb', version: 'test-1' });
  });

  it('5f. a pack record with the right version and hash but a damaged summary → bundled, then repaired', async () => {
    const { store } = harness();
    await store.ready();
    await withDb(async (db) => {
      const meta = await db.get('packs', PACK);
      await db.put('packs', { ...meta, summary: { headline: 'not localized', points: [] } });
    });
    // A new store: open-time seeding sees matching version, hash and counts and writes nothing.
    const second = harness();
    expect(await second.store.summary()).toMatchObject({ value: sampleSummary(), origin: 'bundled' });
    await vi.waitFor(async () =>
      expect(await second.store.summary()).toEqual({ value: sampleSummary(), origin: 'indexeddb', version: 'test-1' }),
    );
  });

  it('6a. entities store cleared while running → bundled, then re-seeded', async () => {
    const { store } = harness();
    await store.ready();
    await withDb((db) => db.clear('entities'));

    const card = await store.card('siri');
    expect(card.origin).toBe('bundled');
    expect(card.value.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    await vi.waitFor(() => withDb(async (db) => expect(await db.count('entities')).toBe(3)));
    expect((await store.card('siri')).origin).toBe('indexeddb');
  });

  it('6b. entities store cleared → search and entities() from bundle, not an empty answer', async () => {
    const { store } = harness();
    await store.ready();
    await withDb((db) => db.clear('entities'));
    const search = await store.search('siri');
    expect(search.origin).toBe('bundled');
    expect(search.value).toEqual(searchFactBase(sampleBase(), 'siri'));
    await withDb((db) => db.clear('entities'));
    const entities = await store.entities();
    expect(entities.origin).toBe('bundled');
    expect(entities.value).toHaveLength(3);
  });

  it('6c. entities store cleared between runs → the next store re-seeds and serves from IndexedDB', async () => {
    const db = await openFactDb();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    await db.clear('entities');
    db.close();
    const { store } = harness();
    const card = await store.card('siri');
    expect(card.origin).toBe('indexeddb');
    expect(card.value.related).toHaveLength(2);
  });

  it('7a. database deleted between runs → a new FactStore re-seeds it', async () => {
    const first = harness();
    await first.store.ready();
    first.store.forget();
    await vi.waitFor(() => expect(() => first.dbs[0]?.transaction('packs')).toThrow());
    await deleteDb();

    const { store } = harness();
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'indexeddb', version: 'test-1' });
    await withDb(async (db) => {
      expect(await db.count('entities')).toBe(3);
      expect(await db.count('facts')).toBe(4);
    });
  });

  it('7b. database deleted while the store holds it open → deletion is not blocked, next read re-seeds', async () => {
    const store = new FactStore(sampleBase(), SAMPLE_HASH, { log: () => {} });
    stores.push(store);
    await store.ready();
    await deleteDb();
    expect(await store.summary()).toEqual({ value: sampleSummary(), origin: 'indexeddb', version: 'test-1' });
    await withDb(async (db) => expect(await db.count('facts')).toBe(4));
  });

  it('the connection closed underneath → bundled once, then the store reconnects', async () => {
    const { store, dbs, opens } = harness();
    await store.ready();
    dbs[0]?.close();
    const first = await store.summary();
    expect(first).toEqual({ value: sampleSummary(), origin: 'bundled', version: 'test-1' });
    expect((await store.summary()).origin).toBe('indexeddb');
    expect(opens()).toBe(2);
  });

  it('a database from a newer version of the extension → rebuilt, and served from IndexedDB at once', async () => {
    (await openRaw(5)).close();
    const { store, opens } = harness();
    expect(await store.summary()).toMatchObject({ origin: 'indexeddb', value: sampleSummary() });
    expect(opens()).toBe(1);
  });

  it('after a failure, retries IndexedDB 30 s later (and not before)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let fail = true;
    const { store, opens } = harness({
      open: () => (fail ? Promise.reject(new Error('blocked')) : openFactDb()),
    });
    expect((await store.summary()).origin).toBe('bundled');
    fail = false;
    vi.advanceTimersByTime(29_000);
    expect((await store.summary()).origin).toBe('bundled');
    expect(opens()).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect((await store.summary()).origin).toBe('indexeddb');
    expect(opens()).toBe(2);
  });

  describe('8. unknown entity id → UnknownEntityError, not a fallback', () => {
    it('when the database works', async () => {
      const { store, logs, opens } = harness();
      await store.ready();
      await expect(store.card('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
      await expect(store.facts('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
      await expect(store.card('tim-cook')).rejects.toMatchObject({ entityId: 'tim-cook' });
      // Not treated as a failure: nothing logged, no reconnect, no re-seed.
      expect(logs).toEqual([]);
      expect((await store.card('siri')).origin).toBe('indexeddb');
      expect(opens()).toBe(1);
    });

    it('when IndexedDB is missing', async () => {
      const { store } = harness({ open: () => Promise.reject(new Error('IndexedDB is not available')) });
      await expect(store.card('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
      await expect(store.facts('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
      expect((await store.card('siri')).origin).toBe('bundled');
    });

    it('when the database is damaged', async () => {
      const { store } = harness();
      await store.ready();
      await withDb((db) => db.clear('entities'));
      await expect(store.card('tim-cook')).rejects.toBeInstanceOf(UnknownEntityError);
    });
  });
});

// ---------------------------------------------------------------- the real bundled base

describe('FactStore with the real bundled fact base', () => {
  const real = () => {
    const { base, hash } = loadBundledFactBase();
    return harness({ base, hash });
  };

  it('seeds it and serves every card from IndexedDB with facts sorted by paragraph', async () => {
    const { store, base } = real();
    expect(await store.ready()).toBe(true);
    expect((await store.summary()).version).toBe(base.version);
    for (const entity of base.entities) {
      const card = await store.card(entity.id);
      expect(card.origin).toBe('indexeddb');
      const ranks = card.value.facts.map((f) => f.paragraph ?? Number.POSITIVE_INFINITY);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(card.value.related.map((r) => r.id)).toEqual(entity.related);
      expect(card.value.facts.length).toBe(base.facts.filter((f) => f.entities.includes(entity.id)).length);
    }
  });

  it('serves the same cards from IndexedDB as from the bundle (facts of one paragraph in article order)', async () => {
    const { store, base } = real();
    await store.ready();
    for (const entity of base.entities) {
      const served = await store.card(entity.id);
      expect(served.origin).toBe('indexeddb');
      expect(served.value, entity.id).toEqual(packCard(base, entity.id));
    }
  });

  it('serves the same search results from IndexedDB as from the bundle', async () => {
    const { store, base } = real();
    await store.ready();
    for (const query of ['apple', 'siri', 'modèles', 'federighi']) {
      const served = await store.search(query);
      expect(served.origin).toBe('indexeddb');
      expect(served.value, query).toEqual(searchFactBase(base, query));
    }
  });
});
