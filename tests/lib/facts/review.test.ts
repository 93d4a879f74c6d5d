// @vitest-environment node
// Checks each fact against the paragraph it cites, as a reviewer would first do by eye.
import { describe, expect, it } from 'vitest';
import { type FactBase, parseFactBase } from '@/lib/facts/schema';
import seed from '@/seeds/fact-base.json';
import { loadArticle, readArticle, tokens } from '@/tests/helpers/article';

/** French common nouns written in capitals: not names, so not evidence of anything. */
const COMMON_ACRONYMS = new Set(['IA']);

/**
 * The proper names and numbers of a French text: words holding a capital
 * (iPhone, macOS) or a digit. A capital that only opens a sentence says
 * nothing, unless the word is part of an entity's name ("Apple a …").
 */
function keyTerms(text: string, names: ReadonlySet<string>): string[] {
  const terms = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?…])\s+/)) {
    tokens(sentence).forEach((word, i) => {
      if (COMMON_ACRONYMS.has(word)) return;
      const isNumber = /\p{N}/u.test(word);
      const isName = /\p{Lu}/u.test(word) && (i > 0 || names.has(word));
      if (isNumber || isName) terms.add(word);
    });
  }
  return [...terms];
}

const nameWords = (base: FactBase) =>
  new Set(base.entities.flatMap((e) => [e.name.en, e.name.fr, ...e.aliases.map((a) => a.text)].flatMap(tokens)));

/** "fact-id: ¶n lacks X, Y" for every fact whose key terms are not all in the paragraph it cites. */
function unsupported(base: FactBase, paragraphs: readonly string[]): string[] {
  const names = nameWords(base);
  return base.facts.flatMap((fact) => {
    if (fact.background || fact.paragraph === undefined) return [];
    const cited = new Set(tokens(paragraphs[fact.paragraph - 1] ?? ''));
    const missing = keyTerms(fact.text.fr, names).filter((term) => !cited.has(term));
    return missing.length ? [`${fact.id}: ¶${fact.paragraph} lacks ${missing.join(', ')}`] : [];
  });
}

const article = loadArticle();

describe('each fact against the paragraph it cites', () => {
  it.skipIf(!article)('finds the names and numbers of every fact in its paragraph', () => {
    const base = parseFactBase(seed);
    expect(article?.paragraphs).toHaveLength(base.source.paragraphs);
    expect(unsupported(base, article?.paragraphs ?? [])).toEqual([]);
  });

  it.skipIf(!article)('would catch a fact citing the wrong paragraph, or adding a date', () => {
    const base = parseFactBase(seed);
    const paragraphs = article?.paragraphs ?? [];
    const moved = structuredClone(base);
    const meta = moved.facts.find((f) => f.id === 'pang-hired-by-meta');
    if (!meta) throw new Error('no pang-hired-by-meta fact');
    meta.paragraph = 4;
    expect(unsupported(moved, paragraphs)).toEqual(['pang-hired-by-meta: ¶4 lacks Meta, 200']);

    const dated = structuredClone(base);
    const launch = dated.facts.find((f) => f.id === 'privacy-central-at-launch');
    if (!launch) throw new Error('no privacy-central-at-launch fact');
    launch.text.fr = `${launch.text.fr} (2024)`;
    expect(unsupported(dated, paragraphs)).toEqual(['privacy-central-at-launch: ¶5 lacks 2024']);
  });
});

describe('keyTerms', () => {
  const names = new Set(['Apple', 'Craig', 'Federighi']);

  it('keeps names, names with inner capitals, and numbers; skips sentence openers and "IA"', () => {
    expect(keyTerms('Les départs chez Apple, vers Meta pour 200 millions.', names)).toEqual(['Apple', 'Meta', '200']);
    expect(keyTerms('Ce choix vaut pour l’iPhone, iOS et macOS.', names)).toEqual(['iPhone', 'iOS', 'macOS']);
    expect(keyTerms('Une équipe d’IA. Dans la foulée, rien.', names)).toEqual([]);
  });

  it('keeps an entity name that opens a sentence', () => {
    expect(keyTerms('Apple a engagé des pourparlers. Craig Federighi aussi.', names)).toEqual([
      'Apple',
      'Craig',
      'Federighi',
    ]);
  });
});

describe('readArticle', () => {
  it('counts prose paragraphs only, keeps headings as sections, and reads the dateline', () => {
    const text = [
      'date 2025-07 Premier paragraphe.',
      'Un intertitre',
      'Deuxième paragraphe, sur\ndeux lignes.',
      'Troisième « cité ».',
      'Autre intertitre',
      'Quatrième !',
    ].join('\n\n');
    expect(readArticle(text)).toEqual({
      text,
      date: '2025-07',
      paragraphs: [
        'Premier paragraphe.',
        'Deuxième paragraphe, sur deux lignes.',
        'Troisième « cité ».',
        'Quatrième !',
      ],
      sections: [
        { heading: 'Un intertitre', from: 2 },
        { heading: 'Autre intertitre', from: 4 },
      ],
    });
  });
});
