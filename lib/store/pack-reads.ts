import { type EntityCard, factsForEntity, mergeCard, type SearchHit, searchFactBase } from '@/lib/facts/query';
import type { Entity, Fact } from '@/lib/facts/schema';
import { byPlace, type Catalog, CorruptRecordError, type PackSnapshots, plainEntity, plainFact } from './catalog';
import type { FactDb, PackRecord } from './fact-db';
import { labelOf } from './pack-label';

/*
 * Reads of the enabled packs that go to the database each time (a card, an
 * entity's facts) or to the snapshots kept of it (search). Each record is
 * checked as it is read: a damaged one throws CorruptRecordError naming its
 * pack, and the store decides what to do (fact-store.ts).
 */

export async function storedEntity(db: FactDb, ref: string, pack: string | undefined): Promise<Entity> {
  const raw = await db.get('entities', ref);
  if (raw === undefined) throw new CorruptRecordError(`Entity ${ref} missing`, pack);
  return plainEntity(raw, `entity ${ref}`, pack);
}

/** The facts of one entity (one pack's), in reading order. */
export async function storedFacts(db: FactDb, ref: string, pack: string): Promise<Fact[]> {
  const raw = byPlace(await db.getAllFromIndex('facts', 'by-entity', ref));
  return factsForEntity(
    raw.map((f) => plainFact(f, 'fact', pack)),
    ref,
  );
}

/** The card of the group led by `lead`: every member's view, and the groups any of them links to. */
export async function readCard(db: FactDb, catalog: Catalog, lead: string): Promise<EntityCard> {
  const packs = new Map(catalog.packs.map((p) => [p.id, p]));
  const views = await Promise.all(
    catalog.groups.membersOf(lead).map(async (member) => {
      const pack = packs.get(catalog.packOf.get(member) as string) as PackRecord;
      const entity = await storedEntity(db, member, pack.id);
      const facts = await storedFacts(db, member, pack.id);
      return { pack: labelOf(pack), source: pack.source, entity, facts };
    }),
  );
  // Links go to groups, by their leads: a related entity two packs share is one card too.
  const leads = new Set(views.flatMap((view) => view.entity.related.map((r) => catalog.groups.leadOf(r) ?? r)));
  leads.delete(lead);
  const related = await Promise.all(
    [...leads].map(async (id) => {
      const e = await storedEntity(db, id, catalog.packOf.get(id));
      return { id: e.id, name: e.name, type: e.type };
    }),
  );
  return mergeCard(views, related);
}

/** Search over the enabled packs; an entity several packs name is found once, as its group's lead. */
export async function readSearch(
  db: FactDb,
  catalog: Catalog,
  snapshots: PackSnapshots,
  query: string,
): Promise<SearchHit[]> {
  const facts = (await Promise.all(catalog.packs.map((p) => snapshots.factsOf(db, p)))).flat();
  const entities = catalog.entities.flatMap((p) => p.entities);
  const seen = new Set<string>();
  // More than shown are asked for: hits of one group count once.
  const hits = searchFactBase({ entities, facts }, query, 60).flatMap((hit): SearchHit[] => {
    if (hit.kind !== 'entity') return [hit];
    const lead = catalog.byRef.get(catalog.groups.leadOf(hit.entity.id) ?? hit.entity.id) ?? hit.entity;
    if (seen.has(lead.id)) return [];
    seen.add(lead.id);
    return [{ kind: 'entity', entity: lead }];
  });
  return hits.slice(0, 20);
}
