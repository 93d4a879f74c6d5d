import { foldForSearch } from '@/lib/text/search-fold';
import type { Entity, Fact, FactBase, Localized, Section, Source } from './schema';

/** A pack as a card or list names it. */
export interface PackLabel {
  id: string;
  name: Localized;
  version: string;
}

/** What one pack says of an entity, with the source it says it from. */
export interface CardView {
  pack: PackLabel;
  source: Source;
  entity: Entity;
  facts: Fact[];
}

/**
 * What a card shows for one entity: itself, its facts, and the entities it
 * links to. `entity` and `facts` are the lead pack's (see EntityGroups);
 * `views` holds what each pack that names the entity says, the lead's first,
 * when the card comes from the packs' store.
 */
export interface EntityCard {
  entity: Entity;
  facts: Fact[];
  related: Pick<Entity, 'id' | 'name' | 'type'>[];
  views?: CardView[];
}

export type SearchHit = { kind: 'entity'; entity: Entity } | { kind: 'fact'; fact: Fact };

/** Thrown for an entity id the fact base does not hold, so callers can tell it from a failure. */
export class UnknownEntityError extends Error {
  constructor(readonly entityId: string) {
    super(`Unknown entity: ${entityId}`);
    this.name = 'UnknownEntityError';
  }
}

/** Background cites no paragraph; it comes after everything the source says. */
const rank = (fact: Fact) => fact.paragraph ?? Number.POSITIVE_INFINITY;

/** The entity's facts in reading order: by paragraph, the base's order within one, background last. */
export function factsForEntity(facts: readonly Fact[], entityId: string): Fact[] {
  return facts.filter((f) => f.entities.includes(entityId)).sort((a, b) => rank(a) - rank(b));
}

/** Facts of one paragraph, cited once for all of them. */
export interface ParagraphGroup {
  paragraph: number;
  /** Heading of the section the paragraph is in, when the source has headings. */
  section?: string;
  facts: Fact[];
}

/**
 * Splits facts into the source's claims, grouped by paragraph in paragraph
 * order (the given order within one), and background, which is shown apart
 * because it cites nothing.
 */
export function groupByParagraph(
  facts: readonly Fact[],
  sections: readonly Section[] = [],
): { claims: ParagraphGroup[]; background: Fact[] } {
  const groups = new Map<number, ParagraphGroup>();
  const background: Fact[] = [];
  for (const fact of facts) {
    if (fact.background || fact.paragraph === undefined) {
      background.push(fact);
      continue;
    }
    const group = groups.get(fact.paragraph);
    if (group) {
      group.facts.push(fact);
      continue;
    }
    const section = sectionOf(sections, fact.paragraph);
    groups.set(fact.paragraph, { paragraph: fact.paragraph, ...(section ? { section } : {}), facts: [fact] });
  }
  const claims = [...groups.values()].sort((a, b) => a.paragraph - b.paragraph);
  return { claims, background };
}

/** The heading of the last section starting at or before the paragraph (sections are in ascending order). */
function sectionOf(sections: readonly Section[], paragraph: number): string | undefined {
  let heading: string | undefined;
  for (const s of sections) if (s.from <= paragraph) heading = s.heading;
  return heading;
}

export function buildCard(entity: Entity, facts: readonly Fact[], entities: readonly Entity[]): EntityCard {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const related = entity.related.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name, type: r.type }] : [];
  });
  return { entity, facts: factsForEntity(facts, entity.id), related };
}

/** The card of one entity of one pack, with that pack as its only view. */
export function packCard(base: FactBase, entityId: string): EntityCard {
  const entity = base.entities.find((e) => e.id === entityId);
  if (!entity) throw new UnknownEntityError(entityId);
  const card = buildCard(entity, base.facts, base.entities);
  const pack = { id: base.id, name: base.name, version: base.version };
  return { ...card, views: [{ pack, source: base.source, entity, facts: card.facts }] };
}

/**
 * One card for what several packs say of one entity: named as the lead
 * view (the first) names it, each view kept whole with its own source, and
 * the entities any of them links to, once each.
 */
export function mergeCard(views: readonly CardView[], related: EntityCard['related']): EntityCard {
  const lead = views[0];
  if (!lead) throw new Error('A card needs at least one view');
  const seen = new Set([lead.entity.id]);
  const unique = related.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return { entity: lead.entity, facts: lead.facts, related: unique, views: [...views] };
}

/**
 * How well an entity answers a query: its name or an alias is the query (3),
 * begins with it (2), or only holds its words somewhere (1); 0 for no match.
 */
function entityRank(e: Entity, query: string, words: readonly string[]): number {
  const names = [e.name.en, e.name.fr, ...e.aliases.map((a) => a.text)].map(foldForSearch);
  if (names.includes(query)) return 3;
  if (names.some((n) => n.startsWith(query) || n.split(' ').some((w) => w.startsWith(query)))) return 2;
  const text = [...names, foldForSearch(e.description.en), foldForSearch(e.description.fr)].join(' ');
  return words.every((w) => text.includes(w)) ? 1 : 0;
}

/**
 * Every query word must appear (accent- and case-insensitively) in the
 * entity's names, aliases and description, or in a fact's text, in either
 * language. Entities come first, the one the query names before those whose
 * name begins with it, before those that merely hold its words; then facts.
 * Within a rank, the base's order.
 */
export function searchFactBase(base: Pick<FactBase, 'entities' | 'facts'>, query: string, limit = 20): SearchHit[] {
  const folded = foldForSearch(query);
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const entities = base.entities
    .map((entity, order) => ({ entity, order, rank: entityRank(entity, folded, words) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.order - b.order);
  const hits: SearchHit[] = entities.map(({ entity }) => ({ kind: 'entity', entity }));
  for (const f of base.facts) {
    const text = foldForSearch(`${f.text.en} ${f.text.fr}`);
    if (words.every((w) => text.includes(w))) hits.push({ kind: 'fact', fact: f });
  }
  return hits.slice(0, limit);
}
