// @vitest-environment node
// Pure data checks: no DOM needed, and Node's own URL resolves file: URLs (happy-dom's does not).
import { describe, expect, it } from 'vitest';
import { parseFactBase } from '@/lib/facts/schema';
import seed from '@/seeds/fact-base.json';
import { loadArticle } from '@/tests/helpers/article';

/** Loose view of the seed, so tests can break it in ways the real type forbids. */
type Mutable = {
  formatVersion: unknown;
  id: unknown;
  source: Record<string, unknown> & { sections: { heading: string; from: number }[]; paragraphs: number };
  entities: { id: string; related: string[]; aliases: { text: string }[]; descriptionBackground?: unknown }[];
  facts: {
    id: string;
    paragraph?: number;
    background?: boolean;
    entities: string[];
    text: { en?: string; fr: string };
  }[];
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
    expect(base.formatVersion).toBe(2);
    expect(base.id).toBe('apple-ai-team-2025-07');
    expect(base.source.relays).toBe('The Information');
    expect(base.facts.length).toBeGreaterThanOrEqual(20);
  });

  it('claims to know no title, outlet or link for the article, and says so in its label', () => {
    const { source } = parseFactBase(seed);
    expect(source.title).toBeUndefined();
    expect(source.outlet).toBeUndefined();
    expect(source.url).toBeUndefined();
    expect(source.label.en).toBe('French-language article, July 2025, relaying The Information');
    expect(source.label.fr).toBe('Article en français, juillet 2025, relayant The Information');
  });

  it('cites no paragraph for background facts, and a paragraph in range for every other fact', () => {
    const base = parseFactBase(seed);
    const background = base.facts.filter((f) => f.background);
    expect(background.length).toBeGreaterThan(0);
    for (const f of background) expect(f.paragraph, f.id).toBeUndefined();
    for (const f of base.facts.filter((f) => !f.background)) {
      expect(f.paragraph, f.id).toBeGreaterThanOrEqual(1);
      expect(f.paragraph, f.id).toBeLessThanOrEqual(base.source.paragraphs);
    }
  });

  it('has sections in ascending order within the paragraphs', () => {
    const { source } = parseFactBase(seed);
    const starts = source.sections.map((s) => s.from);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
    for (const from of starts) expect(from).toBeLessThanOrEqual(source.paragraphs);
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
    }, /facts\.0\.paragraph: past the source's last paragraph \(7\)/);
    expectRejected((b) => {
      const fact = b.facts[0];
      if (fact) fact.paragraph = 0;
    }, /facts\.0\.paragraph/);
  });

  it('a fact of the article that cites no paragraph', () => {
    expectRejected((b) => {
      delete b.facts[1]?.paragraph;
    }, /facts\.1\.paragraph: a fact of the source must cite its paragraph/);
  });

  it('a background fact that cites a paragraph', () => {
    expectRejected((b) => {
      const i = b.facts.findIndex((f) => f.background);
      const fact = b.facts[i];
      if (fact) fact.paragraph = 6;
    }, /facts\.\d+\.paragraph: a background fact is not from the source and cites no paragraph/);
  });

  it('sections out of order, or starting past the last paragraph', () => {
    expectRejected((b) => {
      b.source.sections.reverse();
    }, /source\.sections\.1\.from: sections must start at ascending paragraphs/);
    expectRejected((b) => {
      const last = b.source.sections[b.source.sections.length - 1];
      if (last) last.from = 8;
    }, /source\.sections\.1\.from: past the source's last paragraph/);
  });

  it('a source without its label in both languages, or with a bad language, date or link', () => {
    expectRejected((b) => {
      b.source.label = { en: 'French-language article' };
    }, /source\.label\.fr/);
    expectRejected((b) => {
      b.source.language = 'not a tag!';
    }, /source\.language: a BCP 47 language tag/);
    expectRejected((b) => {
      b.source.date = 'July 2025';
    }, /source\.date: dates are YYYY-MM or YYYY-MM-DD/);
    expectRejected((b) => {
      b.source.url = 'http://example.com/article';
    }, /source\.url: only https links/);
    expectRejected((b) => {
      b.source.url = 'javascript:alert(1)';
    }, /source\.url/);
  });

  it('a source with the old, made-up title shape or an unknown field', () => {
    expectRejected((b) => {
      b.source.title = { en: 'Our words', fr: 'Nos mots' };
    }, /source\.title/);
    expectRejected((b) => {
      b.source.reporting = 'The Information';
    }, /source\.reporting/);
  });

  it('a pack id that is not kebab-case, and a description flag that is not a boolean', () => {
    expectRejected((b) => {
      b.id = 'Apple AI team';
    }, /id: ids are kebab-case/);
    expectRejected((b) => {
      const entity = b.entities[0];
      if (entity) entity.descriptionBackground = 'yes';
    }, /entities\.0\.descriptionBackground/);
  });

  it('lists every issue, each with its path', () => {
    const broken = fresh();
    delete broken.facts[0]?.paragraph;
    const last = broken.facts[broken.facts.length - 1];
    if (last) last.paragraph = 3;
    expect(() => parseFactBase(broken)).toThrow(/facts\.0\.paragraph: [^\n]+\nfacts\.\d+\.paragraph: /);
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

  it('an unknown formatVersion, including the old one (it goes through migrateFactBase)', () => {
    for (const version of [1, 3]) {
      expectRejected((b) => {
        b.formatVersion = version;
      }, /formatVersion/);
    }
  });

  it('an alias with empty text', () => {
    expectRejected((b) => {
      const alias = b.entities[0]?.aliases[0];
      if (alias) alias.text = '';
    }, /entities\.0\.aliases\.0\.text/);
  });
});

const article = loadArticle();
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
  it.skipIf(!article)(`no French text shares a run of ${RUN} words with the article`, () => {
    const original = runs(words(article?.text ?? ''), RUN);
    const base = parseFactBase(seed);
    const french = [
      ...base.facts.map((f) => ({ where: `fact ${f.id}`, text: f.text.fr })),
      ...base.entities.map((e) => ({ where: `entity ${e.id}`, text: e.description.fr })),
      { where: 'pack name', text: base.name.fr },
      { where: 'source label', text: base.source.label.fr },
      // Headings are the article's own titles, quoted as such; they are short enough to pass too.
      ...base.source.sections.map((s, i) => ({ where: `section ${i}`, text: s.heading })),
      { where: 'summary headline', text: base.summary.headline.fr },
      ...base.summary.points.map((p, i) => ({ where: `summary point ${i}`, text: p.fr })),
    ];
    const copied = french.flatMap(({ where, text }) =>
      [...runs(words(text), RUN)].filter((r) => original.has(r)).map((r) => `${where}: "${r}"`),
    );
    expect(copied).toEqual([]);
  });

  it.skipIf(!article)('numbers paragraphs and sections as the article lays them out', () => {
    const { source } = parseFactBase(seed);
    expect(article?.paragraphs).toHaveLength(source.paragraphs);
    expect(article?.sections).toEqual(source.sections);
    expect(article?.date).toBe(source.date);
  });

  it('the copy check would catch a pasted sentence', () => {
    // Guards the helper itself: a verbatim phrase with a different apostrophe and case is still caught.
    const pasted = words('LES CHERCHEURS INTERNES D’APPLE SEMBLENT CONVAINCUS QUE L’APPROCHE AXÉE');
    const original = words("Les chercheurs internes d'Apple semblent convaincus que l'approche axée sur le traitement");
    const shared = [...runs(pasted, RUN)].filter((r) => runs(original, RUN).has(r));
    expect(shared.length).toBeGreaterThan(0);
  });
});
