import * as v from 'valibot';
import { EntityGroups, type PackEntities } from '@/lib/facts/pack-groups';
import {
  type Entity,
  type Fact,
  FORMAT_VERSION,
  IdSchema,
  LocalizedSchema,
  SourceSchema,
  StoredEntitySchema,
  StoredFactSchema,
  SummarySchema,
} from '@/lib/facts/schema';
import type { FactDb, PackRecord } from './fact-db';

/** A stored record did not have the shape the schema asks for; `pack` names whose it was, when known. */
export class CorruptRecordError extends Error {
  constructor(
    message: string,
    readonly pack?: string,
  ) {
    super(message);
    this.name = 'CorruptRecordError';
  }
}

export function checked<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string, pack?: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CorruptRecordError(`Stored ${what} is damaged`, pack);
  return result.output;
}

/** A record written for another format is not trusted, even if it happens to parse. */
const PackRecordSchema = v.object({
  formatVersion: v.literal(FORMAT_VERSION),
  id: IdSchema,
  version: v.string(),
  name: LocalizedSchema,
  hash: v.string(),
  source: SourceSchema,
  summary: SummarySchema,
  origin: v.picklist(['bundled', 'imported']),
  installedAt: v.number(),
  counts: v.object({ entities: v.number(), facts: v.number(), aliases: v.number() }),
});

export function checkedPack(raw: unknown, id: string): PackRecord {
  return checked(PackRecordSchema, raw, `pack ${id}`, id) as PackRecord;
}

/** Packs in the order they are listed and merged: the bundled one first, then as they were installed. */
export function packOrder(a: PackRecord, b: PackRecord): number {
  if (a.origin !== b.origin) return a.origin === 'bundled' ? -1 : 1;
  return a.installedAt - b.installedAt || (a.id < b.id ? -1 : 1);
}

/** Drops what only storage needs (`pack`, `n`): records read back are the format's entities and facts. */
export function plainEntity(raw: unknown, what: string, pack?: string): Entity {
  const { pack: _p, n: _n, ...entity } = (raw ?? {}) as { pack?: unknown; n?: unknown };
  return checked(StoredEntitySchema, entity, what, pack);
}

export function plainFact(raw: unknown, what: string, pack?: string): Fact {
  const { pack: _p, n: _n, ...fact } = (raw ?? {}) as { pack?: unknown; n?: unknown };
  return checked(StoredFactSchema, fact, what, pack);
}

/** Records in their pack's order. */
export function byPlace<T extends { n?: unknown }>(records: T[]): T[] {
  return records.sort((a, b) => (a.n as number) - (b.n as number));
}

/** The entities (or facts) of one pack, read and checked once per version of it. */
interface Snapshot<T> {
  hash: string;
  items: T[];
}

/**
 * What the enabled packs hold, read from the database and kept in memory
 * until a pack changes: their entities for the matcher and the groups of
 * entities several packs share, their facts for search. Cards are read
 * from the database each time; these are the reads over everything.
 */
export class PackSnapshots {
  private readonly entities = new Map<string, Snapshot<Entity>>();
  private readonly facts = new Map<string, Snapshot<Fact>>();

  clear(): void {
    this.entities.clear();
    this.facts.clear();
  }

  async entitiesOf(db: FactDb, pack: PackRecord): Promise<Entity[]> {
    const known = this.entities.get(pack.id);
    if (known?.hash === pack.hash) return known.items;
    const raw = byPlace(await db.getAllFromIndex('entities', 'by-pack', pack.id));
    if (raw.length !== pack.counts.entities) throw new CorruptRecordError(`Entities of ${pack.id} missing`, pack.id);
    const items = raw.map((e) => plainEntity(e, 'entity', pack.id));
    this.entities.set(pack.id, { hash: pack.hash, items });
    return items;
  }

  async factsOf(db: FactDb, pack: PackRecord): Promise<Fact[]> {
    const known = this.facts.get(pack.id);
    if (known?.hash === pack.hash) return known.items;
    const raw = byPlace(await db.getAllFromIndex('facts', 'by-pack', pack.id));
    if (raw.length !== pack.counts.facts) throw new CorruptRecordError(`Facts of ${pack.id} missing`, pack.id);
    const items = raw.map((f) => plainFact(f, 'fact', pack.id));
    this.facts.set(pack.id, { hash: pack.hash, items });
    return items;
  }
}

/** The enabled packs that answer, with their entities and the groups those form. */
export interface Catalog {
  packs: PackRecord[];
  entities: PackEntities[];
  groups: EntityGroups;
  /** Names the alias set (each pack's id and content hash): part of the matcher's key. */
  key: string;
  /** Every entity of the enabled packs, by reference. */
  byRef: ReadonlyMap<string, Entity>;
  /** The pack of every entity, by reference. */
  packOf: ReadonlyMap<string, string>;
}

export function makeCatalog(packs: PackRecord[], entities: Entity[][], bundledId: string): Catalog {
  const packEntities = packs.map((p, i) => ({
    pack: p.id,
    scope: p.id === bundledId ? '' : `${p.id}:`,
    entities: entities[i] as Entity[],
  }));
  const byRef = new Map<string, Entity>();
  const packOf = new Map<string, string>();
  packs.forEach((p, i) => {
    for (const e of entities[i] ?? []) {
      byRef.set(e.id, e);
      packOf.set(e.id, p.id);
    }
  });
  return {
    packs,
    entities: packEntities,
    groups: new EntityGroups(packEntities),
    key: packs.map((p) => `${p.id}@${p.hash}`).join('+') || 'none',
    byRef,
    packOf,
  };
}

/** The enabled packs' records, in order, damaged imported ones left out; the bundled pack's must be there when enabled. */
export async function readPackRecords(
  db: FactDb,
  enabled: readonly string[],
  bundledId: string,
  damaged: ReadonlySet<string>,
): Promise<PackRecord[]> {
  const wanted = new Set(enabled);
  const records: PackRecord[] = [];
  for (const raw of await db.getAll('packs')) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !wanted.has(id) || damaged.has(id)) continue;
    const record = checkedPack(raw, id);
    if ((record.origin === 'bundled') !== (id === bundledId)) throw new CorruptRecordError('Pack origin', id);
    records.push(record);
  }
  if (wanted.has(bundledId) && !records.some((r) => r.id === bundledId))
    throw new CorruptRecordError('Bundled pack missing', bundledId);
  return records.sort(packOrder);
}
