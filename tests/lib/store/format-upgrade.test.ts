import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type FactDb, openFactDb } from '@/lib/store/fact-db';
import { FactStore } from '@/lib/store/fact-store';
import { packRecord, seedBundled as seedFactDb, writePack } from '@/lib/store/pack-writes';
import { SAMPLE_HASH, sampleBase, storedFact } from '@/tests/helpers/sample-base';

/**
 * A browser updated from a version that wrote fact-base format 1 still holds
 * that cache: same database version, same stores, old records. It must be
 * rewritten, not trusted, even when its version string and hash match.
 */
const opened: FactDb[] = [];

beforeEach(() => {
  for (const db of opened.splice(0)) db.close();
  globalThis.indexedDB = new IDBFactory();
});

async function open(): Promise<FactDb> {
  const db = await openFactDb({ timeoutMs: 1000 });
  opened.push(db);
  return db;
}

/** Turns a freshly seeded cache into what format 1 wrote: old meta record, background citing a paragraph. */
async function makeFormat1(db: FactDb): Promise<void> {
  await seedFactDb(db, sampleBase(), SAMPLE_HASH);
  const current = await db.get('packs', 'sample-pack');
  if (!current) throw new Error('not seeded');
  const { name: _name, ...meta } = current;
  const source = { title: current.name, language: 'fr', date: '2025-07', reporting: 'R', paragraphs: 9 };
  await db.put('packs', { ...meta, formatVersion: 1, source } as never);
  await db.put('facts', { ...storedFact(sampleBase(), 'apple-cupertino'), paragraph: 1 });
}

describe('a cache written in format 1', () => {
  it('is rewritten by seedFactDb, even with the same version and hash', async () => {
    const db = await open();
    await makeFormat1(db);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    const meta = await db.get('packs', 'sample-pack');
    expect(meta?.formatVersion).toBe(2);
    expect(meta?.id).toBe('sample-pack');
    expect(meta?.source).toEqual(sampleBase().source);
    expect(await db.get('facts', 'apple-cupertino')).toEqual(storedFact(sampleBase(), 'apple-cupertino'));
  });

  it('is rebuilt when the store opens, which then serves format 2 from IndexedDB without a complaint', async () => {
    const db = await open();
    await makeFormat1(db);
    db.close();
    const logs: string[] = [];
    const store = new FactStore(sampleBase(), SAMPLE_HASH, { log: (message) => logs.push(message) });
    try {
      const summary = await store.summary();
      expect(summary).toMatchObject({ origin: 'indexeddb', version: 'test-1' });
      expect(summary.value.source).toEqual(sampleBase().source);
      const apple = await store.facts('apple');
      expect(apple.value.find((f) => f.id === 'apple-cupertino')?.paragraph).toBeUndefined();
      expect(logs).toEqual([]);
    } finally {
      store.forget();
    }
  });
});

describe('a bundled pack of another id (the extension now ships another article)', () => {
  it('replaces the old one in the same transaction, imported packs left alone', async () => {
    const db = await open();
    await seedFactDb(db, sampleBase(), SAMPLE_HASH);
    const imported = { ...sampleBase(), id: 'kept-pack' };
    await writePack(db, imported, packRecord(imported, 'h', 'imported', 5), 'sample-pack');
    expect(await seedFactDb(db, { ...sampleBase(), id: 'another-pack' }, SAMPLE_HASH)).toBe(true);
    expect((await db.get('packs', 'another-pack'))?.origin).toBe('bundled');
    expect(await db.get('packs', 'sample-pack')).toBeUndefined();
    expect(await db.countFromIndex('entities', 'by-pack', 'another-pack')).toBe(3);
    expect(await db.countFromIndex('entities', 'by-pack', 'sample-pack')).toBe(0);
    expect(await db.countFromIndex('entities', 'by-pack', 'kept-pack')).toBe(3);
    expect(await db.get('entities', 'kept-pack:siri')).toMatchObject({ id: 'kept-pack:siri', pack: 'kept-pack' });
  });
});
