import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { Matcher } from '@/lib/text/matcher';
import { compileMatcher } from '@/lib/text/matcher-spec';
import type { Separator } from '@/lib/text/segments';
import { findAll, runToEnd } from '@/tests/helpers/matching';
import { accepts, type RefAlias, referenceFindAll, refKey } from '@/tests/helpers/reference-matcher';
import { SEED_ALIASES } from '@/tests/helpers/seed-matchers';

const REAL = SEED_ALIASES;

const toSpec = (a: RefAlias): AliasSpec => ({ ...a, afterFullName: false, entityId: 'generated', category: 'subject' });

/* ---------- texts from words ---------- */

const ALIAS_WORDS = [...new Set(REAL.flatMap((a) => a.text.split(' '))), 'Chat', 'GPT', 'foundation'];
const FRAGMENTS = [
  'Sir',
  'ri',
  'Si',
  'Appl',
  'ple',
  'Feder',
  'ighi',
  'Pa',
  'ng',
  'Ruo',
  'Intel',
  'gence',
  'équ',
  'ipe',
  'Cra',
  'ig',
  'Me',
  'ta',
];
const OTHER_WORDS = [
  'le',
  'la',
  'de',
  'd',
  'l',
  'qu',
  's',
  'et',
  'the',
  'of',
  'vice-président',
  'Siriusly',
  'Applet',
  'pineapple',
  'Pangolin',
  'XSiri',
  'Siris',
  'ß',
  'Œuvre',
  'Ωμέγα',
  'Москва',
  '東京',
  '🍎',
  '😀',
  '2025',
  '1',
  'İ',
  'é',
  'x',
  'X',
  'ç',
  'Ég',
];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\u00A0',
  '\u202F',
  '\u2009',
  '\n',
  '\t',
  ' \n ',
  ', ',
  '. ',
  ': ',
  '(',
  ')',
  '«',
  '»',
  '« ',
  ' »',
  '\u00A0»',
  "'",
  '’',
  '‘',
  'ʼ',
  '-',
  '\u2011',
  '/',
  '"',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\u2060',
  '\uFEFF',
  ' \u00AD ',
  '',
  '',
  "'s ",
  '’s ',
  '\u0301',
  '\u0300 ',
];

/** Whole alias texts (and near misses), so that multi-word mentions are common. */
const PHRASES = [
  ...REAL.map((a) => a.text),
  'Apple Intel',
  'Craig Feder',
  'Pang Ruo',
  'Meta Plat',
  'foundation models',
];
/** Whitespace a phrase's spaces may become. */
const SPACES = ['\u00A0', '\u202F', '\u2009', '\n', '  ', ' \u00AD ', '\t', '\r\n'];

const ACCENTS: Record<string, string[]> = {
  a: ['à', 'â', 'á', 'a\u0300'],
  e: ['é', 'è', 'ê', 'ë', 'e\u0301'],
  i: ['í', 'î', 'ï', 'i\u0302'],
  o: ['ô', 'ö', 'o\u0308'],
  u: ['ù', 'û', 'ü'],
  c: ['ç', 'c\u0327'],
  A: ['À', 'Á', 'A\u0300'],
  E: ['É', 'È', 'E\u0301'],
  I: ['Í', 'Î'],
};

/** A word as a page might spell it: as is, in other case, accented, or with a soft hyphen inside. */
const spelledWord = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.integer({ min: 0, max: 9 }), fc.infiniteStream(fc.nat()), fc.nat()).map(([word, how, rnd, at]) => {
    const r = () => rnd.next().value as number;
    switch (how) {
      case 0:
        return word.toUpperCase();
      case 1:
        return word.toLowerCase();
      case 2:
        return word
          .split('')
          .map((ch) => (r() % 2 ? ch.toUpperCase() : ch.toLowerCase()))
          .join('');
      case 3:
        return word
          .split('')
          .map((ch) => {
            const options = ACCENTS[ch];
            return options && r() % 2 ? (options[r() % options.length] as string) : ch;
          })
          .join('');
      case 4: {
        const k = at % (word.length + 1);
        return `${word.slice(0, k)}\u00AD${word.slice(k)}`;
      }
      case 5:
        return word.replace(/ /g, () => SPACES[r() % SPACES.length] as string);
      default:
        return word;
    }
  });

const wordText = fc
  .array(
    fc.tuple(
      spelledWord(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...ALIAS_WORDS) },
          { weight: 3, arbitrary: fc.constantFrom(...PHRASES) },
          { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
          { weight: 2, arbitrary: fc.constantFrom(...OTHER_WORDS) },
        ),
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Generated name-like aliases: one to three words from a few syllables and the real alias words. */
const SYLLABLES = ['Ka', 'ri', 'Lo', 'mé', 'Pa', 'ng', 'Si', 'Ap', 'ple', 'Ré', 'x'];
const nameWord = fc.oneof(
  fc.constantFrom(...ALIAS_WORDS),
  fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join('')),
);
const generatedAlias: fc.Arbitrary<RefAlias> = fc.record({
  text: fc
    .tuple(
      fc.array(fc.tuple(nameWord, fc.constantFrom(' ', ' ', '-', "'", '’', '\u00A0')), { minLength: 1, maxLength: 3 }),
    )
    .map(([words]) => words.map(([w, s], i) => (i === 0 ? w : s + w)).join('')),
  match: fc.constantFrom('fold', 'case'),
});
const aliasSet = fc
  .tuple(fc.boolean(), fc.array(generatedAlias, { maxLength: 8 }), fc.shuffledSubarray(REAL))
  .map(([all, extra, some]) => [...(all ? REAL : some), ...extra.map(toSpec)]);

/* ---------- texts from a tiny alphabet: many overlapping candidates ---------- */

const tinyText = fc
  .array(
    fc.constantFrom(
      'a',
      'a',
      'b',
      'b',
      'A',
      'B',
      'á',
      'Á',
      'c',
      ' ',
      ' ',
      ' ',
      '\u00A0',
      '\n',
      '\u00AD',
      '\u200B',
      "'",
      '’',
      '-',
      '.',
      '\u0301',
      '😀',
    ),
    { maxLength: 30 },
  )
  .map((units) => units.join(''));
const tinyAliases = fc.array(
  fc.record({
    text: fc
      .array(fc.constantFrom('a', 'b', 'A', 'B', 'á', ' ', '-', "'", 'c'), { minLength: 1, maxLength: 6 })
      .map((units) => units.join('')),
    match: fc.constantFrom('fold', 'case'),
  }),
  { minLength: 1, maxLength: 6 },
);

/* ---------- comparison ---------- */

interface Found {
  start: number;
  end: number;
  key: string;
}

function viaMatcher(aliases: readonly RefAlias[], text: string): Found[] {
  const matcher = compileMatcher(aliases.map((a) => ('entityId' in a ? (a as AliasSpec) : toSpec(a))));
  return findAll(matcher, text).map(({ alias, start, end }) => {
    const spec = aliases[alias] as RefAlias;
    // The alias the matcher names must itself fit the span (its case, its boundaries).
    if (!accepts(spec, text, start, end))
      throw new Error(`alias ${JSON.stringify(spec)} does not fit [${start}, ${end})`);
    return { start, end, key: refKey(spec.text) };
  });
}

function viaReference(aliases: readonly RefAlias[], text: string): Found[] {
  return referenceFindAll(aliases, text).map(({ alias, start, end }) => ({
    start,
    end,
    key: refKey((aliases[alias] as RefAlias).text),
  }));
}

/** Cuts `text` into chunks at random places (empty chunks allowed), some cuts marked as `space()`. */
const chunked = (text: fc.Arbitrary<string>) =>
  text.chain((t) =>
    fc.tuple(
      fc.constant(t),
      fc.array(fc.tuple(fc.integer({ min: 0, max: t.length }), fc.integer({ min: 0, max: 4 })), { maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    ),
  );

/**
 * Reads the chunks as segments (a `space` separator where a cut is marked so)
 * in runs of a random chunk size, and maps the mentions to offsets in the
 * joined text, where each `space` separator stands as " ".
 */
function viaScanner(matcher: Matcher, text: string, cuts: [number, number][], takes: boolean[]) {
  const sorted = [...cuts].sort((a, b) => a[0] - b[0]);
  const texts: string[] = [];
  const separators: Separator[] = [];
  const offsets: number[] = [];
  let joined = '';
  let from = 0;
  let space = false;
  const feed = (piece: string) => {
    separators[texts.length] = space ? 'space' : 'none';
    offsets.push(joined.length);
    joined += piece;
    texts.push(piece);
    space = false;
  };
  for (const [at, kind] of sorted) {
    feed(text.slice(from, at));
    from = at;
    if (kind === 0) {
      space = true;
      joined += ' ';
    }
  }
  feed(text.slice(from));
  const chunkUnits = 1 + takes.filter(Boolean).length * 3;
  const mapped = runToEnd(matcher, texts, separators, chunkUnits).map((m) => ({
    alias: m.alias,
    start: (offsets[m.start.segment] as number) + m.start.offset,
    end: (offsets[m.end.segment] as number) + m.end.offset,
  }));
  return { joined, mapped };
}

const RUNS = { numRuns: 500 };

describe('matcher against the brute-force reference', () => {
  it('finds exactly the reference mentions in texts made of words', () => {
    fc.assert(
      fc.property(aliasSet, wordText, (aliases, text) => {
        expect(viaMatcher(aliases, text)).toEqual(viaReference(aliases, text));
      }),
      RUNS,
    );
  });

  it('finds exactly the reference mentions in the real aliases, texts made of alias words', () => {
    fc.assert(
      fc.property(wordText, (text) => {
        const m = compileMatcher(REAL);
        expect(findAll(m, text)).toEqual(referenceFindAll(REAL, text));
      }),
      RUNS,
    );
  });

  it('finds exactly the reference mentions in a tiny alphabet with many overlaps', () => {
    fc.assert(
      fc.property(tinyAliases, tinyText, (aliases, text) => {
        expect(viaMatcher(aliases, text)).toEqual(viaReference(aliases, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scanner chunking', () => {
  it('finds the same mentions however the text is cut into chunks', () => {
    fc.assert(
      fc.property(aliasSet, chunked(wordText), (aliases, [text, cuts, takes]) => {
        const matcher = compileMatcher(aliases);
        const { joined, mapped } = viaScanner(matcher, text, cuts, takes);
        expect(mapped).toEqual(findAll(matcher, joined));
      }),
      RUNS,
    );
  });

  it('finds the same mentions however the text is cut, tiny alphabet', () => {
    fc.assert(
      fc.property(tinyAliases, chunked(tinyText), (aliases, [text, cuts, takes]) => {
        const matcher = compileMatcher(aliases.map(toSpec));
        const { joined, mapped } = viaScanner(matcher, text, cuts, takes);
        expect(mapped).toEqual(findAll(matcher, joined));
        expect(mapped.map(({ start, end }) => ({ start, end }))).toEqual(
          referenceFindAll(aliases, joined).map(({ start, end }) => ({ start, end })),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('treats space() like the space it replaces', () => {
    const spacedText = fc
      .oneof(tinyText, wordText)
      .chain((t) => fc.tuple(fc.constant(t), fc.array(fc.boolean(), { minLength: t.length, maxLength: t.length })));
    fc.assert(
      fc.property(
        fc.oneof(
          tinyAliases.map((a) => a.map(toSpec)),
          aliasSet,
        ),
        spacedText,
        (aliases, [text, drop]) => {
          const matcher = compileMatcher(aliases);
          // Every chosen plain space becomes a segment boundary with a space separator: the text no longer holds it.
          const texts: string[] = [];
          const separators: Separator[] = [];
          const offsets: number[] = [];
          let from = 0;
          const feed = (to: number) => {
            offsets.push(from);
            texts.push(text.slice(from, to));
          };
          for (let i = 0; i < text.length; i++) {
            if (text[i] !== ' ' || !drop[i]) continue;
            feed(i);
            separators[texts.length] = 'space';
            from = i + 1;
          }
          feed(text.length);
          const got = runToEnd(matcher, texts, separators).map((m) => ({
            alias: m.alias,
            start: (offsets[m.start.segment] as number) + m.start.offset,
            end: (offsets[m.end.segment] as number) + m.end.offset,
          }));
          expect(got).toEqual(findAll(matcher, text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives each block of a run the mentions it has on its own', () => {
    fc.assert(
      fc.property(fc.array(wordText, { minLength: 1, maxLength: 4 }), (blocks) => {
        const matcher = compileMatcher(REAL);
        const got = runToEnd(
          matcher,
          blocks,
          blocks.map(() => 'block'),
        );
        blocks.forEach((block, i) => {
          const inBlock = got
            .filter((m) => m.start.segment === i)
            .map((m) => ({ alias: m.alias, start: m.start.offset, end: m.end.offset }));
          expect(inBlock).toEqual(findAll(matcher, block));
        });
      }),
      { numRuns: 300 },
    );
  });
});
