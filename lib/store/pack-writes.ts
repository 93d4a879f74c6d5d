import { scopedRef } from '@/lib/facts/ids';
import type { FactBase } from '@/lib/facts/schema';
import { type FactDb, type PackRecord, STORE_NAMES, type StoredEntity, type StoredFact } from './fact-db';

/** A pack's records as stored: every id scoped by the pack (the bundled pack's stay bare), in the pack's order. */
export function packRecords(base: FactBase, bundledId: string): { entities: StoredEntity[]; facts: StoredFact[] } {
  const ref = (id: string) => scopedRef(base.id, id, bundledId);
  return {
    entities: base.entities.map((e, n) => ({ ...e, id: ref(e.id), related: e.related.map(ref), pack: base.id, n })),
    facts: base.facts.map((f, n) => ({ ...f, id: ref(f.id), entities: f.entities.map(ref), pack: base.id, n })),
  };
}

export function packRecord(
  base: FactBase,
  hash: string,
  origin: PackRecord['origin'],
  installedAt: number,
): PackRecord {
  return {
    formatVersion: base.formatVersion,
    id: base.id,
    version: base.version,
    name: base.name,
    hash,
    source: base.source,
    summary: base.summary,
    origin,
    installedAt,
    counts: {
      entities: base.entities.length,
      facts: base.facts.length,
      aliases: base.entities.reduce((n, e) => n + e.aliases.length, 0),
    },
  };
}

/**
 * Runs `write` in one readwrite transaction over every store, all or
 * nothing: a failure anywhere (a put that throws, quota, an abort) leaves
 * the database as it was. Every request is observed as soon as it exists:
 * after an abort they all reject, including those queued before a put that
 * threw synchronously (DataCloneError).
 */
async function inOneTransaction(
  db: FactDb,
  write: (tx: ReturnType<typeof readwrite>, track: (request: Promise<unknown>) => void) => Promise<void>,
): Promise<void> {
  const tx = readwrite(db);
  const requests: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>) => {
    request.catch(() => {});
    requests.push(request);
  };
  track(tx.done);
  try {
    await write(tx, track);
    await Promise.all(requests);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    throw error;
  }
}

const readwrite = (db: FactDb) => db.transaction(STORE_NAMES, 'readwrite');

/** Deletes the records of pack `id` inside `tx` (its entities and facts, found by their index, and its record). */
async function clearPack(tx: ReturnType<typeof readwrite>, id: string, track: (request: Promise<unknown>) => void) {
  const entities = tx.objectStore('entities');
  const facts = tx.objectStore('facts');
  const [entityKeys, factKeys] = await Promise.all([
    entities.index('by-pack').getAllKeys(id),
    facts.index('by-pack').getAllKeys(id),
  ]);
  for (const key of entityKeys) track(entities.delete(key));
  for (const key of factKeys) track(facts.delete(key));
  track(tx.objectStore('packs').delete(id));
}

/**
 * Makes the database hold `base` as pack `record.id`, replacing whatever
 * that pack held, in one transaction: an import that fails leaves the
 * previous state whole (the previous version of the pack, or no pack).
 */
export function writePack(
  db: FactDb,
  base: FactBase,
  record: PackRecord,
  bundledId: string,
  alsoRemove: readonly string[] = [],
): Promise<void> {
  const { entities, facts } = packRecords(base, bundledId);
  return inOneTransaction(db, async (tx, track) => {
    for (const id of [...alsoRemove, record.id]) await clearPack(tx, id, track);
    const entityStore = tx.objectStore('entities');
    const factStore = tx.objectStore('facts');
    for (const e of entities) track(entityStore.put(e));
    for (const f of facts) track(factStore.put(f));
    track(tx.objectStore('packs').put(record));
  });
}

/** Removes pack `id` and all its records, in one transaction. */
export function deletePack(db: FactDb, id: string): Promise<void> {
  return inOneTransaction(db, (tx, track) => clearPack(tx, id, track));
}

/**
 * Makes the database hold the bundled pack as shipped, in one transaction,
 * unless it already holds this version and hash with every record. A pack
 * bundled by an earlier version under another id goes in the same
 * transaction (its bare ids would be the new one's); imported packs are left
 * alone. `force` rewrites even then (a record was found damaged). Returns
 * whether anything was written.
 */
export async function seedBundled(db: FactDb, base: FactBase, hash: string, force = false): Promise<boolean> {
  const current = await db.get('packs', base.id);
  if (
    !force &&
    current &&
    current.formatVersion === base.formatVersion &&
    current.version === base.version &&
    current.hash === hash &&
    current.origin === 'bundled'
  ) {
    const [entities, facts] = await Promise.all([
      db.countFromIndex('entities', 'by-pack', base.id),
      db.countFromIndex('facts', 'by-pack', base.id),
    ]);
    if (entities === base.entities.length && facts === base.facts.length) return false;
  }
  const formerlyBundled = (await db.getAll('packs'))
    .filter((p) => p?.origin === 'bundled' && p.id !== base.id)
    .map((p) => p.id);
  await writePack(db, base, packRecord(base, hash, 'bundled', 0), base.id, formerlyBundled);
  return true;
}
