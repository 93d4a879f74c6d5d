// @vitest-environment node
// Pure data checks: no DOM needed, and Node's own URL resolves file: URLs (happy-dom's does not).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFactBase } from '@/lib/facts/schema';
import seed from '@/seeds/fact-base.json';
import { ARTICLE_PATH } from '@/tests/helpers/paths';

/** Loose view of the seed, so tests can break it in ways the real type forbids. */
type Mutable = {
  formatVersion: unknown;
  entities: { id: string; related: string[]; aliases: { text: string }[] }[];
  facts: { id: string; paragraph: number; entities: string[]; text: { en?: string; fr: string } }[];
};

const fresh = () => structuredClone(seed) as unknown as Mutable;

/** Deep clone of the seed, broken by `mutate`, expected to be refused with a message matching `message`. */
function expectRejected(mutate: (b: Mutable) => void, message: RegExp) {
  const broken = fresh();
  mutate(broken);
  expect(() => parseFactBase(broken)).toThrow(message);
}

const SUBJECTS = ['apple-intelligence', 'siri', 'craig-federighi', 'ruoming-pang'];

describe('bundled fact base', () => {
  it('is accepted by parseFactBase', () => {
    const base = parseFactBase(seed);
    expect(base.formatVersion).toBe(1);
    expect(base.source.reporting).toBe('The Information');
    expect(base.facts.length).toBeGreaterThanOrEqual(20);
  });

  it('names every entity in at least one fact', () => {
    const base = parseFactBase(seed);
    const named = new Set(base.facts.flatMap((f) => f.entities));
    const unnamed = base.entities.map((e) => e.id).filter((id) => !named.has(id));
    expect(unnamed).toEqual([]);
  });

  it('gives each of the four subjects at least two facts', () => {
    const base = parseFactBase(seed);
    for (const id of SUBJECTS) {
      const entity = base.entities.find((e) => e.id === id);
      expect(entity?.category, id).toBe('subject');
      const count = base.facts.filter((f) => f.entities.includes(id)).length;
      expect(count, id).toBeGreaterThanOrEqual(2);
    }
    const subjects = base.entities.filter((e) => e.category === 'subject').map((e) => e.id);
    expect(subjects.sort()).toEqual([...SUBJECTS].sort());
  });
});

describe('parseFactBase rejects', () => {
  it('a fact without its English text', () => {
    expectRejected((b) => {
      delete b.facts[0]?.text.en;
    }, /facts\.0\.text\.en/);
  });

  it('a fact citing a paragraph the article does not have', () => {
    expectRejected((b) => {
      const fact = b.facts[0];
      if (fact) fact.paragraph = 99;
    }, /facts\.0\.paragraph/);
  });

  it('a duplicate entity id', () => {
    expectRejected((b) => {
      const [first] = b.entities;
      if (first) b.entities.push(structuredClone(first));
    }, /entity ids must be unique/);
  });

  it('a duplicate fact id', () => {
    expectRejected((b) => {
      const [first] = b.facts;
      if (first) b.facts.push(structuredClone(first));
    }, /fact ids must be unique/);
  });

  it('a related id that does not exist', () => {
    expectRejected((b) => {
      b.entities[0]?.related.push('no-such-entity');
    }, /related entity must exist/);
  });

  it('a fact naming an unknown entity', () => {
    expectRejected((b) => {
      b.facts[0]?.entities.push('no-such-entity');
    }, /entity a fact names must exist/);
  });

  it('an unknown formatVersion', () => {
    expectRejected((b) => {
      b.formatVersion = 2;
    }, /formatVersion/);
  });

  it('an alias with empty text', () => {
    expectRejected((b) => {
      const alias = b.entities[0]?.aliases[0];
      if (alias) alias.text = '';
    }, /entities\.0\.aliases\.0\.text/);
  });
});

const articlePath = ARTICLE_PATH;
const RUN = 8;

/** Lower-cased words, with typographic apostrophes folded to ASCII so "l’équipe" and "l'équipe" are the same word. */
const words = (text: string) =>
  text
    .replace(/[’‘ʼ]/g, "'")
    .toLowerCase()
    .match(/[\p{L}\p{N}']+/gu) ?? [];

const runs = (ws: string[], n: number) => {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
};

describe('own words', () => {
  it.skipIf(!existsSync(articlePath))(`no French text shares a run of ${RUN} words with the article`, () => {
    const article = runs(words(readFileSync(articlePath, 'utf8')), RUN);
    const base = parseFactBase(seed);
    const french = [
      ...base.facts.map((f) => ({ where: `fact ${f.id}`, text: f.text.fr })),
      ...base.entities.map((e) => ({ where: `entity ${e.id}`, text: e.description.fr })),
      { where: 'summary headline', text: base.summary.headline.fr },
      ...base.summary.points.map((p, i) => ({ where: `summary point ${i}`, text: p.fr })),
    ];
    const copied = french.flatMap(({ where, text }) =>
      [...runs(words(text), RUN)].filter((r) => article.has(r)).map((r) => `${where}: "${r}"`),
    );
    expect(copied).toEqual([]);
  });

  it('the copy check would catch a pasted sentence', () => {
    // Guards the helper itself: a verbatim phrase with a different apostrophe and case is still caught.
    const pasted = words('LES CHERCHEURS INTERNES D’APPLE SEMBLENT CONVAINCUS QUE L’APPROCHE AXÉE');
    const original = words("Les chercheurs internes d'Apple semblent convaincus que l'approche axée sur le traitement");
    const shared = [...runs(pasted, RUN)].filter((r) => runs(original, RUN).has(r));
    expect(shared.length).toBeGreaterThan(0);
  });
});
