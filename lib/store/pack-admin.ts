import { contentHash } from '@/lib/facts/content-hash';
import { localId, MAX_ID_LENGTH } from '@/lib/facts/ids';
import { PACK_LIMITS } from '@/lib/facts/limits';
import { type PackFileProblem, packFileName, packFileText, readPackText } from '@/lib/facts/pack-file';
import { checkFactBase, type FactBase } from '@/lib/facts/schema';
import { byPlace, checkedPack, packOrder } from './catalog';
import type { FactDb, PackRecord } from './fact-db';
import type { FactStore } from './fact-store';
import { deletePack, packRecord, writePack } from './pack-writes';

/** A pack as the options page lists it. */
export interface PackInfo {
  id: string;
  name: PackRecord['name'];
  version: string;
  /** Absent only for a damaged pack nothing else is known of. */
  source?: PackRecord['source'];
  counts?: PackRecord['counts'];
  origin: PackRecord['origin'];
  installedAt: number;
  /**
   * `ready`; `unavailable` while IndexedDB cannot be used; `damaged` when its
   * stored records are; `missing` when the database no longer holds it.
   */
  state: 'ready' | 'unavailable' | 'damaged' | 'missing';
}

export interface PackListing {
  packs: PackInfo[];
  /** Whether imported packs can be read and changed now. */
  storage: 'indexeddb' | 'unavailable';
}

export type ImportOutcome =
  | { status: 'installed' | 'updated' | 'replaced'; pack: PackInfo; from: number; renamedFrom?: string }
  /** The installed copy is newer, or the same version: replacing it needs a yes. */
  | { status: 'confirm'; pack: PackInfo; installed: PackInfo; same: boolean }
  | { status: 'bundled' }
  | { status: 'invalid'; problem: PackFileProblem }
  | { status: 'full'; max: number }
  | { status: 'unavailable' }
  | { status: 'failed'; reason: string };

export const infoOf = (r: PackRecord, state: PackInfo['state'] = 'ready'): PackInfo => ({
  id: r.id,
  name: r.name,
  version: r.version,
  source: r.source,
  counts: r.counts,
  origin: r.origin,
  installedAt: r.installedAt,
  state,
});

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Versions compared as people read them: "2025.07.10" after "2025.07.2", "v2" after "v1". */
export const compareVersions = (a: string, b: string): number => collator.compare(a, b);

/** The id a file naming the bundled pack's id is installed under: that id stays the bundled pack's. */
export function importedId(id: string): string {
  const suffix = '-imported';
  return `${id.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The packs installed, from the database, the bundled one first; those whose record is damaged, by id. */
async function storedPacks(db: FactDb, store: FactStore): Promise<{ packs: PackInfo[]; damaged: string[] }> {
  const ok: PackRecord[] = [];
  const damaged: string[] = [];
  for (const raw of await db.getAll('packs')) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    try {
      const record = checkedPack(raw, id);
      if (store.damaged.has(id)) damaged.push(id);
      else ok.push(record);
    } catch {
      // The bundled pack's record is re-seeded by the store; it is listed from the bundle meanwhile.
      if (id !== store.bundled.id) damaged.push(id);
    }
  }
  return { packs: ok.sort(packOrder).map((r) => infoOf(r)), damaged };
}

const unknownPack = (id: string, state: PackInfo['state']): PackInfo => ({
  id,
  name: { en: id, fr: id },
  version: '',
  origin: 'imported',
  installedAt: 0,
  state,
});

/**
 * Every pack installed: the bundled one (from the bundle when the database
 * fails), then the imported ones; `known` are those the packs' index names,
 * listed as unavailable when the database cannot be read, and as missing
 * when it no longer holds them.
 */
export async function listPacks(store: FactStore, known: readonly PackInfo[]): Promise<PackListing> {
  const bundled = infoOf(packRecord(store.bundled, store.hash, 'bundled', 0));
  const db = await store.connection();
  if (db) {
    try {
      const { packs, damaged } = await storedPacks(db, store);
      const byId = new Map(known.map((p) => [p.id, p]));
      const listed = new Set([...packs.map((p) => p.id), ...damaged]);
      const broken = damaged.map((id) => {
        const info = byId.get(id);
        return info ? { ...info, state: 'damaged' as const } : unknownPack(id, 'damaged');
      });
      const missing = known.filter((p) => !listed.has(p.id)).map((p) => ({ ...p, state: 'missing' as const }));
      if (!packs.some((p) => p.id === bundled.id)) packs.unshift(bundled);
      return { packs: [...packs, ...broken, ...missing], storage: 'indexeddb' };
    } catch {
      store.forget();
    }
  }
  const others = known.filter((p) => p.id !== bundled.id).map((p) => ({ ...p, state: 'unavailable' as const }));
  return { packs: [bundled, ...others], storage: 'unavailable' };
}

/**
 * Validates a pack file and installs it in one transaction, replacing the
 * installed copy of the same id when the file's version is newer, or when
 * `replace` says the user agreed. Any failure leaves what was installed.
 */
export async function importPack(
  store: FactStore,
  text: string,
  options: { replace?: boolean; now?: number } = {},
): Promise<ImportOutcome> {
  const read = readPackText(text);
  if (!read.ok) return { status: 'invalid', problem: read.problem };
  let base = read.base;
  let renamedFrom: string | undefined;
  if (base.id === store.bundled.id) {
    if (contentHash(base) === store.hash) return { status: 'bundled' };
    renamedFrom = base.id;
    base = { ...base, id: importedId(base.id) };
  }
  const db = await store.connection();
  if (!db) return { status: 'unavailable' };
  const hash = contentHash(base);
  const now = options.now ?? Date.now();
  try {
    const raw = await db.get('packs', base.id);
    let existing: PackRecord | null = null;
    try {
      existing = raw === undefined ? null : checkedPack(raw, base.id);
    } catch {
      // A damaged copy is replaced without asking: there is nothing of it to keep.
    }
    const incoming = infoOf(packRecord(base, hash, 'imported', existing?.installedAt ?? now));
    if (existing && !options.replace && !store.damaged.has(base.id)) {
      const order = compareVersions(base.version, existing.version);
      if (order <= 0) return { status: 'confirm', pack: incoming, installed: infoOf(existing), same: order === 0 };
    }
    if (raw === undefined) {
      const installed = await db.count('packs');
      if (installed >= PACK_LIMITS.installedPacks) return { status: 'full', max: PACK_LIMITS.installedPacks };
    }
    await writePack(db, base, packRecord(base, hash, 'imported', incoming.installedAt), store.bundled.id);
    store.damaged.delete(base.id);
    store.changed();
    const status = raw === undefined ? 'installed' : options.replace ? 'replaced' : 'updated';
    return { status, pack: incoming, from: read.from, ...(renamedFrom ? { renamedFrom } : {}) };
  } catch (error) {
    store.changed();
    return { status: 'failed', reason: String((error as Error)?.name ?? error) };
  }
}

export type RemoveOutcome = { status: 'removed' } | { status: 'bundled' } | { status: 'unavailable' };

/** Removes an imported pack and its records in one transaction; the bundled pack can only be disabled. */
export async function removePack(store: FactStore, id: string): Promise<RemoveOutcome> {
  if (id === store.bundled.id) return { status: 'bundled' };
  const db = await store.connection();
  if (!db) return { status: 'unavailable' };
  await deletePack(db, id);
  store.damaged.delete(id);
  store.changed();
  return { status: 'removed' };
}

/**
 * A pack as a file in the format it was imported in, which imports again:
 * references back to the pack's own ids, storage's fields dropped, checked
 * as any file is. Null when the pack is not there (or not readable whole).
 */
export async function exportPack(store: FactStore, id: string): Promise<{ fileName: string; text: string } | null> {
  const asFile = (base: FactBase) => ({ fileName: packFileName(base), text: packFileText(base) });
  const db = await store.connection();
  if (id === store.bundled.id && !db) return asFile(store.bundled);
  if (!db) return null;
  try {
    const record = checkedPack(await db.get('packs', id), id);
    const [entities, facts] = await Promise.all([
      db.getAllFromIndex('entities', 'by-pack', id),
      db.getAllFromIndex('facts', 'by-pack', id),
    ]);
    const checkedBase = checkFactBase({
      formatVersion: record.formatVersion,
      id: record.id,
      version: record.version,
      name: record.name,
      source: record.source,
      summary: record.summary,
      entities: byPlace(entities).map(({ pack: _p, n: _n, ...e }) => ({
        ...e,
        id: localId(e.id),
        related: e.related.map(localId),
      })),
      facts: byPlace(facts).map(({ pack: _p, n: _n, ...f }) => ({
        ...f,
        id: localId(f.id),
        entities: f.entities.map(localId),
      })),
    });
    return checkedBase.ok ? asFile(checkedBase.base) : id === store.bundled.id ? asFile(store.bundled) : null;
  } catch {
    return id === store.bundled.id ? asFile(store.bundled) : null;
  }
}
