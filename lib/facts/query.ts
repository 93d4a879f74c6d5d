import { foldForSearch } from '@/lib/text/search-fold';
import type { Entity, Fact, FactBase } from './schema';

/** What a card shows for one entity: itself, its facts, and the entities it links to. */
export interface EntityCard {
  entity: Entity;
  facts: Fact[];
  related: Pick<Entity, 'id' | 'name' | 'type'>[];
}

export type SearchHit = { kind: 'entity'; entity: Entity } | { kind: 'fact'; fact: Fact };

/** Thrown for an entity id the fact base does not hold, so callers can tell it from a failure. */
export class UnknownEntityError extends Error {
  constructor(readonly entityId: string) {
    super(`Unknown entity: ${entityId}`);
    this.name = 'UnknownEntityError';
  }
}

export function factsForEntity(facts: readonly Fact[], entityId: string): Fact[] {
  return facts.filter((f) => f.entities.includes(entityId)).sort((a, b) => a.paragraph - b.paragraph);
}

export function buildCard(entity: Entity, facts: readonly Fact[], entities: readonly Entity[]): EntityCard {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const related = entity.related.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name, type: r.type }] : [];
  });
  return { entity, facts: factsForEntity(facts, entity.id), related };
}

/**
 * Every query word must appear (accent- and case-insensitively) in the
 * entity's names, aliases and description, or in a fact's text, in either
 * language. Entities come before facts; order within each follows the base.
 */
export function searchFactBase(base: Pick<FactBase, 'entities' | 'facts'>, query: string, limit = 20): SearchHit[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const matches = (haystack: string) => words.every((w) => haystack.includes(w));
  const hits: SearchHit[] = [];
  for (const e of base.entities) {
    const text = foldForSearch(
      [e.name.en, e.name.fr, e.description.en, e.description.fr, ...e.aliases.map((a) => a.text)].join(' '),
    );
    if (matches(text)) hits.push({ kind: 'entity', entity: e });
  }
  for (const f of base.facts) {
    if (matches(foldForSearch(`${f.text.en} ${f.text.fr}`))) hits.push({ kind: 'fact', fact: f });
  }
  return hits.slice(0, limit);
}
