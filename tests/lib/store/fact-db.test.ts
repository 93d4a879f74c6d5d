import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { contentHash } from '@/lib/facts/content-hash';
import { DB_NAME, DB_VERSION, type FactDb, openFactDb } from '@/lib/store/fact-db';
import { seedBundled as seedFactDb } from '@/lib/store/pack-writes';
import { openRaw } from '@/tests/helpers/idb';
import { entityOf, SAMPLE_HASH, sampleBase, storedEntity, storedFact } from '@/tests/helpers/sample-base';

const PACK = 'sample-pack';

let opened: FactDb[] = [];
async function open(): Promise<FactDb> {
  const db = await openFactDb({ timeoutMs: 1000 });
  opened.push(db);
  return db;
}

beforeEach(() => {
  // A brand-new, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  opened = [];
});

afterEach(() => {
  for (const db of opened) db.close();
});

describe('openFactDb', () => {
  it('creates the three stores, their key paths, the by-pack indexes and the multi-entry by-entity index', async () => {
    const db = await open();
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entities', 'facts', 'packs']);

    const tx = db.transaction(['packs', 'entities', 'facts']);
    expect(tx.objectStore('packs').keyPath).toBe('id');
    expect(tx.objectStore('entities').keyPath).toBe('id');
    expect([...tx.objectStore('entities').indexNames]).toEqual(['by-pack']);
    const facts = tx.objectStore('facts');
    expect(facts.keyPath).toBe('id');
    expect([...facts.indexNames]).toEqual(['by-entity', 'by-pack']);
    const index = facts.index('by-entity');
    expect(index.keyPath).toBe('entities');
    expect(index.multiEntry).toBe(true);
    await tx.done;
  });

  it('opens an existing database without recreating it (data survives)', async () => {
    const first = await open();
    await seedFactDb(first, sampleBase(), SAMPLE_HASH);
    first.close();
    const second = await open();
    expect(await second.count('entities')).toBe(3);
  });

  it('rebuilds a database that has the current version but lacks stores', async () => {
    (await openRaw(DB_VERSION)).close(); // created with no stores at all
    const db = await open();
    expect([...db.objectStoreNames].sort()).toEqual(['entities', 'facts', 'packs']);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
  });

  it('moves a version-1 database (a cache of the bundled base alone) to the new stores', async () => {
    const v1 = await openRaw(1, (raw) => {
      raw.createObjectStore('meta');
      raw.createObjectStore('entities', { keyPath: 'id' }).put({ id: 'siri', old: true });
      raw.createObjectStore('facts', { keyPath: 'id' }).createIndex('by-entity', 'entities', { multiEntry: true });
    });
    v1.close();
    const db = await open();
    expect([...db.objectStoreNames].sort()).toEqual(['entities', 'facts', 'packs']);
    expect(await db.count('entities')).toBe(0);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
  });

  it('rejects, rather than hangs, when a database lacking stores cannot be deleted', async () => {
    // A bare connection that ignores versionchange keeps the store-less database open.
    const holder = await openRaw(DB_VERSION);
    try {
      const outcome = await Promise.race([
        openFactDb({ timeoutMs: 100 }).then(
          (db) => {
            db.close();
            return 'opened';
          },
          () => 'rejected',
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ]);
      expect(outcome).toBe('rejected');
    } finally {
      holder.close();
    }
  }, 8000);

  it('rejects when IndexedDB is not available', async () => {
    const saved = globalThis.indexedDB;
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    try {
      await expect(openFactDb()).rejects.toThrow(/not available/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('rejects, rather than hangs, when the open is blocked', async () => {
    // An old connection that never closes, and an upgrade waiting on it:
    // our open request is queued behind the blocked upgrade.
    const stubborn = await openRaw(1);
    const upgrade = indexedDB.open(DB_NAME, DB_VERSION + 1);
    const blocked = new Promise<void>((resolve) => {
      upgrade.onblocked = () => resolve();
    });
    await blocked;
    const started = Date.now();
    await expect(openFactDb({ timeoutMs: 60 })).rejects.toThrow(/did not open within 60 ms/);
    expect(Date.now() - started).toBeLessThan(1000);
    stubborn.close();
  });

  it('steps aside (closes and calls onLost) when another context wants a newer version', async () => {
    let lost = 0;
    const db = await openFactDb({ timeoutMs: 1000, onLost: () => lost++ });
    // Would stay blocked forever if our connection did not close itself.
    const newer = await openRaw(DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(lost).toBe(1);
    newer.close();
    db.close();
  });
});

describe('seedBundled', () => {
  it('writes the pack record, every entity and every fact, bare ids kept for the bundled pack', async () => {
    const db = await open();
    const base = sampleBase();
    expect(await seedFactDb(db, base, SAMPLE_HASH)).toBe(true);

    expect(await db.get('packs', PACK)).toEqual({
      formatVersion: 2,
      id: 'sample-pack',
      version: 'test-1',
      name: base.name,
      hash: SAMPLE_HASH,
      source: base.source,
      summary: base.summary,
      origin: 'bundled',
      installedAt: 0,
      counts: { entities: 3, facts: 4, aliases: 4 },
    });
    expect(await db.count('entities')).toBe(3);
    expect(await db.count('facts')).toBe(4);
    expect(await db.get('entities', 'craig-federighi')).toEqual(storedEntity(base, 'craig-federighi'));
    expect(await db.get('facts', 'federighi-team')).toEqual(storedFact(base, 'federighi-team'));
    const siriFacts = await db.getAllFromIndex('facts', 'by-entity', 'siri');
    expect(siriFacts.map((f) => f.id).sort()).toEqual(['external-models', 'federighi-team', 'siri-delay']);
    expect((await db.getAllFromIndex('facts', 'by-entity', 'apple')).length).toBe(3);
  });

  it('writes in a single readwrite transaction', async () => {
    const db = await open();
    const modes: string[] = [];
    const spy = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (stores: never, mode?: IDBTransactionMode) => {
            modes.push(mode ?? 'readonly');
            return target.transaction(stores, mode);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await seedFactDb(spy, sampleBase(), SAMPLE_HASH);
    expect(modes.filter((m) => m === 'readwrite')).toHaveLength(1);
  });

  it('writes nothing when version, hash and counts match', async () => {
    const db = await open();
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    // A marker that a rewrite would wipe (clear + put).
    await db.put('entities', { ...storedEntity(sampleBase(), 'siri'), description: { en: 'marker', fr: 'marqueur' } });
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(false);
    expect((await db.get('entities', 'siri'))?.description.en).toBe('marker');
  });

  it('rewrites when the hash differs, even with the same version string', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    const changed = sampleBase();
    changed.summary.headline.en = 'A different headline';
    const hash = contentHash(changed);
    expect(hash).not.toBe(SAMPLE_HASH);
    expect(await seedFactDb(db, changed, hash)).toBe(true);
    const meta = await db.get('packs', PACK);
    expect(meta?.hash).toBe(hash);
    expect(meta?.summary.headline.en).toBe('A different headline');
  });

  it('rewrites when the version differs', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    const next = { ...sampleBase(), version: 'test-2' };
    expect(await seedFactDb(db, next, SAMPLE_HASH)).toBe(true);
    expect((await db.get('packs', PACK))?.version).toBe('test-2');
  });

  it('rewrites when a store lost records although meta still matches', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    await db.delete('facts', 'siri-delay');
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    expect(await db.get('facts', 'siri-delay')).toEqual(storedFact(sampleBase(), 'siri-delay'));

    await db.clear('entities');
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    expect(await db.count('entities')).toBe(3);
  });

  it('rewrites when the pack record is missing', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    await db.delete('packs', PACK);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    expect((await db.get('packs', PACK))?.hash).toBe(SAMPLE_HASH);
  });

  it('removes entities and facts that are no longer in the base', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    const smaller = sampleBase();
    smaller.entities = smaller.entities.filter((e) => e.id !== 'craig-federighi');
    entityOf(smaller, 'siri').related = ['apple'];
    smaller.facts = smaller.facts.filter((f) => f.id !== 'federighi-team');
    expect(await seedFactDb(db, smaller, contentHash(smaller))).toBe(true);

    expect(await db.getAllKeys('entities')).toEqual(['apple', 'siri']);
    expect(await db.getAllKeys('facts')).toEqual(['apple-cupertino', 'external-models', 'siri-delay']);
    expect(await db.getAllFromIndex('facts', 'by-entity', 'craig-federighi')).toEqual([]);
  });

  it('`force` rewrites even when everything matches', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    // Damaged, but still counted as the pack's: only `force` notices.
    await db.put('entities', { id: 'siri', foo: 1, pack: PACK } as never);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(false);
    expect(await db.get('entities', 'siri')).toEqual({ id: 'siri', foo: 1, pack: PACK });
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH, true)).toBe(true);
    expect(await db.get('entities', 'siri')).toEqual(storedEntity(sampleBase(), 'siri'));
  });

  it('a failed write changes nothing: the previous complete base stays', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    const next = { ...sampleBase(), version: 'test-2' };
    // A fact IndexedDB cannot clone makes its put throw in the middle of the write.
    (next.facts[0] as { text: unknown }).text = { en: 'x', fr: 'y', bad: () => {} };
    await expect(seedFactDb(db, next, 'other')).rejects.toThrow();
    // The write is all or nothing: the old base is intact, so re-seeding it is a no-op.
    expect((await db.get('packs', PACK))?.version).toBe('test-1');
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(false);
    expect(await db.count('entities')).toBe(3);
    expect(await db.count('facts')).toBe(4);
  });

  it('seeds the real bundled fact base, and is then a no-op', async () => {
    const { base, hash } = loadBundledFactBase();
    const db = await open();
    expect(await seedFactDb(db, base, hash)).toBe(true);
    expect(await db.count('entities')).toBe(base.entities.length);
    expect(await db.count('facts')).toBe(base.facts.length);
    for (const entity of base.entities) {
      const indexed = await db.getAllFromIndex('facts', 'by-entity', entity.id);
      expect(indexed.length).toBe(base.facts.filter((f) => f.entities.includes(entity.id)).length);
    }
    expect(await seedFactDb(db, base, hash)).toBe(false);
  });
});
