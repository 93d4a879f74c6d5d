import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openFactDb } from '@/lib/store/fact-db';
import { seedBundled as seedFactDb } from '@/lib/store/pack-writes';
import { SAMPLE_HASH, sampleBase } from '@/tests/helpers/sample-base';

/**
 * A database this code cannot use is deleted and made again, rather than
 * failing every open (its records could not be read anyway).
 */
function openRaw(version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('openFactDb rebuilds a database it cannot use', () => {
  it('deletes and rebuilds a database from a newer version (a downgrade), rather than fail every open', async () => {
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 4);
      request.onupgradeneeded = () => request.result.createObjectStore('something-new');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    // Without the rebuild, this is what every open would meet.
    await expect(openRaw(DB_VERSION)).rejects.toMatchObject({ name: 'VersionError' });
    const db = await openFactDb({ timeoutMs: 1000 });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entities', 'facts', 'packs']);
    expect(await seedFactDb(db, sampleBase(), SAMPLE_HASH)).toBe(true);
    db.close();
  });

  it('rebuilds a database whose by-entity or by-pack index is missing or wrong', async () => {
    const cases = [
      null,
      { keyPath: 'entities', multiEntry: false },
      { keyPath: 'entity', multiEntry: true },
      { keyPath: 'entities', multiEntry: true, pack: null },
      { keyPath: 'entities', multiEntry: true, pack: 'packs' },
    ];
    for (const index of cases) {
      globalThis.indexedDB = new IDBFactory();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('packs', { keyPath: 'id' });
          const pack = index && 'pack' in index ? index.pack : 'pack';
          const entities = db.createObjectStore('entities', { keyPath: 'id' });
          const facts = db.createObjectStore('facts', { keyPath: 'id' });
          if (pack) {
            entities.createIndex('by-pack', pack);
            facts.createIndex('by-pack', pack);
          }
          if (index) facts.createIndex('by-entity', index.keyPath, { multiEntry: index.multiEntry });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const db = await openFactDb({ timeoutMs: 1000 });
      const facts = db.transaction('facts').store;
      expect(facts.indexNames.contains('by-entity'), JSON.stringify(index)).toBe(true);
      expect(facts.index('by-entity').multiEntry).toBe(true);
      expect(facts.index('by-entity').keyPath).toBe('entities');
      expect(facts.index('by-pack').keyPath).toBe('pack');
      await seedFactDb(db, sampleBase(), SAMPLE_HASH);
      expect((await db.getAllFromIndex('facts', 'by-entity', 'siri')).length).toBe(3);
      db.close();
    }
  });
});
