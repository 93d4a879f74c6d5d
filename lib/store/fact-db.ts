import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { Entity, Fact, FactBase } from '@/lib/facts/schema';

export const DB_NAME = 'context-lens';
/**
 * The layout of the stores, not of the records: a new fact-base format is
 * handled by `seedFactDb`, which rewrites every record when the stored
 * `formatVersion` differs from the bundled one.
 */
export const DB_VERSION = 1;

/** Everything of the base that is not an entity or a fact, kept as one record. */
export interface BaseMeta {
  formatVersion: FactBase['formatVersion'];
  id: string;
  version: string;
  name: FactBase['name'];
  hash: string;
  source: FactBase['source'];
  summary: FactBase['summary'];
  /** IndexedDB returns records by key; this keeps the base's own order (cards, search). */
  order: { entities: string[]; facts: string[] };
}

export interface FactDbSchema extends DBSchema {
  meta: { key: 'base'; value: BaseMeta };
  entities: { key: string; value: Entity };
  facts: { key: string; value: Fact; indexes: { 'by-entity': string } };
}

export type FactDb = IDBPDatabase<FactDbSchema>;

export const STORE_NAMES = ['meta', 'entities', 'facts'] as const;

export interface OpenOptions {
  /** openDB can wait forever while another connection blocks the upgrade: give up after this. */
  timeoutMs?: number;
  /** Called when the connection is closed for us (version change elsewhere, or the browser killed it). */
  onLost?: () => void;
}

/**
 * Opens (and creates or upgrades) the database. Rejects, rather than hangs,
 * when IndexedDB is missing, blocked, or too slow to answer. The database is
 * only a cache of the bundled base, so one this code cannot use is deleted
 * and made again: one at a newer version (left by a newer version of the
 * extension, before a downgrade: every open would fail with VersionError),
 * and one at the current version lacking a store or an index (created by a
 * bare `indexedDB.open(name)`, or damaged).
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
  const facts = tx.objectStore('facts');
  if (tx.objectStore('entities').keyPath !== 'id' || facts.keyPath !== 'id') return false;
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
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('entities', { keyPath: 'id' });
        db.createObjectStore('facts', { keyPath: 'id' }).createIndex('by-entity', 'entities', { multiEntry: true });
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

/**
 * Makes the database hold exactly the given base, in one transaction, unless
 * it already holds this version and hash. Records no longer bundled are
 * removed with the rest. `force` rewrites even then (a record was found
 * damaged). Returns whether anything was written.
 */
export async function seedFactDb(db: FactDb, base: FactBase, hash: string, force = false): Promise<boolean> {
  const current = await db.get('meta', 'base');
  if (
    !force &&
    current &&
    current.formatVersion === base.formatVersion &&
    current.id === base.id &&
    current.version === base.version &&
    current.hash === hash
  ) {
    const [entities, facts] = await Promise.all([db.count('entities'), db.count('facts')]);
    if (entities === base.entities.length && facts === base.facts.length) return false;
  }
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  const meta = tx.objectStore('meta');
  const entities = tx.objectStore('entities');
  const facts = tx.objectStore('facts');
  const record: BaseMeta = {
    formatVersion: base.formatVersion,
    id: base.id,
    version: base.version,
    name: base.name,
    hash,
    source: base.source,
    summary: base.summary,
    order: { entities: base.entities.map((e) => e.id), facts: base.facts.map((f) => f.id) },
  };
  // Every request and tx.done is observed as soon as it exists: after an abort they all
  // reject, including those queued before a put that threw synchronously (DataCloneError).
  const requests: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>) => {
    request.catch(() => {});
    requests.push(request);
  };
  track(tx.done);
  try {
    track(meta.clear());
    track(entities.clear());
    track(facts.clear());
    for (const e of base.entities) track(entities.put(e));
    for (const f of base.facts) track(facts.put(f));
    track(meta.put(record, 'base'));
    await Promise.all(requests);
  } catch (error) {
    // All or nothing: never leave a half-written base behind.
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    throw error;
  }
  return true;
}
