import { describe, expect, it } from 'vitest';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import {
  buildCard,
  factsForEntity,
  groupByParagraph,
  type SearchHit,
  searchFactBase,
  UnknownEntityError,
} from '@/lib/facts/query';
import { foldForSearch } from '@/lib/text/search-fold';
import { entityOf, factOf, SIRI_FACTS_BY_PARAGRAPH, sampleBase } from '@/tests/helpers/sample-base';

const ids = (hits: SearchHit[]) =>
  hits.map((h) => (h.kind === 'entity' ? `entity:${h.entity.id}` : `fact:${h.fact.id}`));

describe('foldForSearch', () => {
  it('drops accents and case, unifies apostrophes and collapses spaces', () => {
    expect(foldForSearch('  L’ÉQUIPE   des Modèles ')).toBe("l'equipe des modeles");
  });
});

describe('searchFactBase', () => {
  const base = sampleBase();

  it('finds French text without accents, and with accents in capitals', () => {
    const expected = ['fact:external-models'];
    expect(ids(searchFactBase(base, 'modèles'))).toEqual(expected);
    expect(ids(searchFactBase(base, 'modeles'))).toEqual(expected);
    expect(ids(searchFactBase(base, 'MODELES'))).toEqual(expected);
    expect(ids(searchFactBase(base, 'MODÈLES'))).toEqual(expected);
  });

  it('"équipe" and "equipe" and "ÉQUIPE" find the same fact', () => {
    for (const q of ['équipe', 'equipe', 'ÉQUIPE', 'Equipe']) {
      expect(ids(searchFactBase(base, q)), q).toEqual(['fact:federighi-team']);
    }
  });

  it('is case-insensitive in English', () => {
    expect(ids(searchFactBase(base, 'federighi'))).toEqual(['entity:craig-federighi', 'fact:federighi-team']);
    expect(ids(searchFactBase(base, 'FEDERIGHI'))).toEqual(['entity:craig-federighi', 'fact:federighi-team']);
    expect(ids(searchFactBase(base, 'cUpErTiNo'))).toEqual(['fact:apple-cupertino']);
  });

  it('matches accented text in the base when the query has the accent (French description)', () => {
    expect(ids(searchFactBase(base, 'ingénierie'))).toEqual(['entity:craig-federighi']);
    expect(ids(searchFactBase(base, 'INGENIERIE'))).toEqual(['entity:craig-federighi']);
  });

  it('matches typographic and straight apostrophes alike', () => {
    expect(ids(searchFactBase(base, "l'équipe"))).toEqual(['fact:federighi-team']);
    expect(ids(searchFactBase(base, 'l’equipe'))).toEqual(['fact:federighi-team']);
  });

  it('requires every word (AND), in any order, across both languages', () => {
    expect(ids(searchFactBase(base, 'apple siri'))).toEqual(['entity:siri', 'fact:siri-delay', 'fact:external-models']);
    expect(ids(searchFactBase(base, 'siri apple delayed'))).toEqual(['fact:siri-delay']);
    // "repoussé" (fr) and "delayed" (en) are in the two languages of the same fact.
    expect(ids(searchFactBase(base, 'repousse delayed'))).toEqual(['fact:siri-delay']);
    expect(searchFactBase(base, 'siri cupertino')).toEqual([]);
  });

  it('searches entity names, aliases and descriptions; entities come before facts', () => {
    expect(ids(searchFactBase(base, 'voice assistant'))).toEqual(['entity:siri']);
    expect(ids(searchFactBase(base, 'siri'))).toEqual([
      'entity:siri',
      'fact:siri-delay',
      'fact:external-models',
      'fact:federighi-team',
    ]);
  });

  it('returns [] for an empty or blank query', () => {
    expect(searchFactBase(base, '')).toEqual([]);
    expect(searchFactBase(base, '   ')).toEqual([]);
    expect(searchFactBase(base, '\t\n')).toEqual([]);
  });

  it('returns [] when nothing matches', () => {
    expect(searchFactBase(base, 'samsung')).toEqual([]);
  });

  it('respects the limit, keeping the first hits', () => {
    const all = searchFactBase(base, 'apple');
    expect(all.length).toBeGreaterThan(2);
    expect(searchFactBase(base, 'apple', 2)).toEqual(all.slice(0, 2));
    expect(searchFactBase(base, 'apple', 0)).toEqual([]);
  });

  it('limits to 20 hits by default (real fact base)', () => {
    const { base: real } = loadBundledFactBase();
    const hits = searchFactBase(real, 'apple');
    expect(hits).toHaveLength(20);
    expect(searchFactBase(real, 'apple', 100).length).toBeGreaterThan(20);
  });

  it('finds the main subjects of the real fact base in both languages', () => {
    const { base: real } = loadBundledFactBase();
    expect(ids(searchFactBase(real, 'FEDERIGHI'))).toContain('entity:craig-federighi');
    expect(ids(searchFactBase(real, 'ruoming pang'))).toContain('entity:ruoming-pang');
    expect(ids(searchFactBase(real, 'equipe modeles', 100)).length).toBeGreaterThan(0);
    expect(searchFactBase(real, 'équipe modèles', 100)).toEqual(searchFactBase(real, 'EQUIPE MODELES', 100));
  });
});

describe('factsForEntity and buildCard', () => {
  const base = sampleBase();

  it('keeps only the facts of the entity, sorted by paragraph, background last', () => {
    expect(factsForEntity(base.facts, 'siri').map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    // apple-cupertino comes first in the base, but cites no paragraph.
    expect(factsForEntity(base.facts, 'apple').map((f) => [f.id, f.paragraph])).toEqual([
      ['siri-delay', 8],
      ['external-models', 9],
      ['apple-cupertino', undefined],
    ]);
    expect(factsForEntity(base.facts, 'nobody')).toEqual([]);
  });

  it('does not reorder the caller’s array', () => {
    const before = base.facts.map((f) => f.id);
    factsForEntity(base.facts, 'siri');
    expect(base.facts.map((f) => f.id)).toEqual(before);
  });

  it('keeps the base order for facts of the same paragraph (stable sort)', () => {
    const facts = [
      { ...factOf(base, 'siri-delay'), id: 'b', paragraph: 2 },
      { ...factOf(base, 'siri-delay'), id: 'a', paragraph: 2 },
      { ...factOf(base, 'siri-delay'), id: 'c', paragraph: 1 },
    ];
    expect(factsForEntity(facts, 'siri').map((f) => f.id)).toEqual(['c', 'b', 'a']);
  });

  it('builds a card with related entities resolved in the entity’s order', () => {
    const card = buildCard(entityOf(base, 'siri'), base.facts, base.entities);
    expect(card.entity.id).toBe('siri');
    expect(card.facts.map((f) => f.id)).toEqual(SIRI_FACTS_BY_PARAGRAPH);
    expect(card.related).toEqual([
      { id: 'craig-federighi', name: entityOf(base, 'craig-federighi').name, type: 'person' },
      { id: 'apple', name: entityOf(base, 'apple').name, type: 'company' },
    ]);
  });

  it('skips related ids that cannot be resolved', () => {
    const card = buildCard(entityOf(base, 'siri'), base.facts, [entityOf(base, 'apple')]);
    expect(card.related.map((r) => r.id)).toEqual(['apple']);
  });

  it('every card of the real fact base resolves all its related entities', () => {
    const { base: real } = loadBundledFactBase();
    for (const entity of real.entities) {
      const card = buildCard(entity, real.facts, real.entities);
      expect(card.related.map((r) => r.id)).toEqual(entity.related);
    }
  });
});

describe('groupByParagraph', () => {
  const base = sampleBase();
  const fact = (id: string, paragraph?: number) => ({
    ...factOf(base, 'siri-delay'),
    id,
    paragraph,
    background: paragraph === undefined,
  });

  it('groups claims by paragraph with the heading of their section, and sets background apart', () => {
    const grouped = groupByParagraph(factsForEntity(base.facts, 'apple'), base.source.sections);
    expect(grouped.claims).toEqual([
      { paragraph: 8, section: 'En coulisses', facts: [factOf(base, 'siri-delay')] },
      { paragraph: 9, section: 'En coulisses', facts: [factOf(base, 'external-models')] },
    ]);
    expect(grouped.background).toEqual([factOf(base, 'apple-cupertino')]);
  });

  it('gives the heading of the last section that starts at or before the paragraph', () => {
    const sections = [
      { heading: 'A', from: 2 },
      { heading: 'B', from: 4 },
    ];
    const grouped = groupByParagraph([fact('p1', 1), fact('p2', 2), fact('p3', 3), fact('p4', 4)], sections);
    expect(grouped.claims.map((g) => [g.paragraph, g.section])).toEqual([
      [1, undefined],
      [2, 'A'],
      [3, 'A'],
      [4, 'B'],
    ]);
    // A paragraph before the first section has no heading key at all, not an undefined one.
    expect(Object.keys(grouped.claims[0] ?? {})).not.toContain('section');
  });

  it('cites each paragraph once, keeping the given order within it, whatever the input order', () => {
    const grouped = groupByParagraph([fact('b', 5), fact('bg'), fact('a', 2), fact('c', 5)]);
    expect(grouped.claims.map((g) => [g.paragraph, g.facts.map((f) => f.id)])).toEqual([
      [2, ['a']],
      [5, ['b', 'c']],
    ]);
    expect(grouped.background.map((f) => f.id)).toEqual(['bg']);
  });

  it('returns nothing for no facts', () => {
    expect(groupByParagraph([])).toEqual({ claims: [], background: [] });
  });
});

describe('UnknownEntityError', () => {
  it('carries the id and a name callers can check', () => {
    const error = new UnknownEntityError('tim-cook');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UnknownEntityError');
    expect(error.entityId).toBe('tim-cook');
    expect(error.message).toContain('tim-cook');
  });
});

describe('search ranking', () => {
  const base = loadBundledFactBase().base;
  const ids = (query: string) =>
    searchFactBase(base, query)
      .filter((h) => h.kind === 'entity')
      .map((h) => (h.kind === 'entity' ? h.entity.id : ''));

  it('puts the entity a query names first, then names that begin with it, then any that mention it', () => {
    expect(ids('meta')[0]).toBe('meta');
    expect(ids('Meta').indexOf('meta')).toBeLessThan(ids('Meta').indexOf('ruoming-pang'));
    expect(ids('siri')[0]).toBe('siri');
    expect(ids('pang')[0]).toBe('ruoming-pang');
    expect(ids('claud')[0]).toBe('claude');
  });

  it('lists facts after every entity', () => {
    const kinds = searchFactBase(base, 'Federighi').map((h) => h.kind);
    expect(kinds.indexOf('fact')).toBeGreaterThan(kinds.lastIndexOf('entity'));
  });
});
