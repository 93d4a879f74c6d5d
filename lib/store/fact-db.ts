import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { Entity, Fact, FactBase } from '@/lib/facts/schema';

export const DB_NAME = 'context-lens';
/**
 * The layout of the stores, not of the records: a new fact-base format is
 * handled by `seedBundled`, which rewrites the bundled pack's records when
 * the stored `formatVersion` differs from the bundled one. Version 1 held
 * the bundled base alone (a cache of it, nothing else), so moving to 2
 * drops its stores and starts anew.
 */
export const DB_VERSION = 2;

/** Everything of a pack that is not an entity or a fact, kept as one record per pack. */
export interface PackRecord {
  formatVersion: FactBase['formatVersion'];
  id: string;
  version: string;
  name: FactBase['name'];
  hash: string;
  source: FactBase['source'];
  summary: FactBase['summary'];
  origin: 'bundled' | 'imported';
  /** When the pack was first installed: packs are listed, and merged, in that order (the bundled one first). */
  installedAt: number;
  counts: { entities: number; facts: number; aliases: number };
}

/** A pack's entity as stored: ids are references scoped by the pack (lib/facts/ids.ts). */
export type StoredEntity = Entity & {
  pack: string;
  /** Place in the pack: IndexedDB hands records out by key, cards and search keep the pack's order. */
  n: number;
};
export type StoredFact = Fact & { pack: string; n: number };

export interface FactDbSchema extends DBSchema {
  packs: { key: string; value: PackRecord };
  entities: { key: string; value: StoredEntity; indexes: { 'by-pack': string } };
  facts: { key: string; value: StoredFact; indexes: { 'by-entity': string; 'by-pack': string } };
}

export type FactDb = IDBPDatabase<FactDbSchema>;

export const STORE_NAMES = ['packs', 'entities', 'facts'] as const;

export interface OpenOptions {
  /** openDB can wait forever while another connection blocks the upgrade: give up after this. */
  timeoutMs?: number;
  /** Called when the connection is closed for us (version change elsewhere, or the browser killed it). */
  onLost?: () => void;
}

/**
 * Opens (and creates or upgrades) the database. Rejects, rather than hangs,
 * when IndexedDB is missing, blocked, or too slow to answer. One this code
 * cannot use is deleted and made again: one at a newer version (left by a
 * newer version of the extension, before a downgrade: every open would fail
 * with VersionError), and one at the current version lacking a store or an
 * index (created by a bare `indexedDB.open(name)`, or damaged). Imported
 * packs in such a database are lost with it (its records could not be read
 * anyway); the packs' index in storage (pack-index.ts) still names them, so
 * the options page says they are gone rather than forgetting them.
 */
export async function openFactDb(options: OpenOptions = {}): Promise<FactDb> {
  let db: FactDb;
  try {
    db = await openOnce(options);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== 'VersionError') throw error;
    await deleteFactDb(options);
    return openOnce(options);
  }
  if (hasSchema(db)) return db;
  db.close();
  await deleteFactDb(options);
  return openOnce(options);
}

/** Whether every store and index reads are made from is there, with the key paths they assume. */
function hasSchema(db: FactDb): boolean {
  if (!STORE_NAMES.every((name) => db.objectStoreNames.contains(name))) return false;
  const tx = db.transaction(STORE_NAMES);
  tx.done.catch(() => {});
  const entities = tx.objectStore('entities');
  const facts = tx.objectStore('facts');
  if (tx.objectStore('packs').keyPath !== 'id' || entities.keyPath !== 'id' || facts.keyPath !== 'id') return false;
  if (![entities, facts].every((store) => store.indexNames.contains('by-pack'))) return false;
  if (entities.index('by-pack').keyPath !== 'pack' || facts.index('by-pack').keyPath !== 'pack') return false;
  if (!facts.indexNames.contains('by-entity')) return false;
  const index = facts.index('by-entity');
  return index.keyPath === 'entities' && index.multiEntry;
}

function deleteFactDb(options: OpenOptions): Promise<void> {
  // Another connection can hold the database open and block the delete.
  return withTimeout(
    deleteDB(DB_NAME),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    'delete the unusable database',
    () => {},
  );
}

const DEFAULT_TIMEOUT_MS = 5000;

/** Races `work` against a timer; a late success is handed to `discard` so it cannot block anyone. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string, discard: (late: T) => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  work.then((value) => timedOut && discard(value)).catch(() => {});
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`IndexedDB did not ${what} within ${ms} ms (blocked?)`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openOnce({ timeoutMs = DEFAULT_TIMEOUT_MS, onLost }: OpenOptions): Promise<FactDb> {
  // Some private modes offer no IndexedDB at all.
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is not available');
  const opening = openDB<FactDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 2) {
        // Version 1's stores cached the bundled base only: nothing in them is lost.
        for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-pack', 'pack');
        const facts = db.createObjectStore('facts', { keyPath: 'id' });
        facts.createIndex('by-entity', 'entities', { multiEntry: true });
        facts.createIndex('by-pack', 'pack');
      }
    },
    blocking(_current, _next, event) {
      // Another context wants a newer version: step aside rather than block it.
      (event.target as IDBDatabase).close();
      onLost?.();
    },
    terminated() {
      onLost?.();
    },
  });
  return withTimeout(opening, timeoutMs, 'open', (db) => db.close());
}
