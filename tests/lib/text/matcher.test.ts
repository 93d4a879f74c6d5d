import { describe, expect, it } from 'vitest';
import type { AliasSpec } from '@/lib/facts/alias-spec';
import { compileMatcher } from '@/lib/text/matcher-spec';
import type { Separator } from '@/lib/text/segments';
import factBase from '@/seeds/fact-base.json';
import { findAll, runToEnd } from '@/tests/helpers/matching';
import { SEED_ALIASES } from '@/tests/helpers/seed-matchers';

const SPECS = SEED_ALIASES;
const matcher = compileMatcher(SPECS);

/** Mentions as [alias text, matched text]. */
function find(text: string, m = matcher): [string, string][] {
  return findAll(m, text).map(({ alias, start, end }) => [
    (m.aliases[alias] as AliasSpec).text,
    text.slice(start, end),
  ]);
}

/** Alias texts only. */
function names(text: string, m = matcher): string[] {
  return find(text, m).map(([alias]) => alias);
}

function spec(text: string, match: 'fold' | 'case' = 'fold'): AliasSpec {
  return { text, match, afterFullName: false, entityId: 'x', category: 'subject' };
}

describe('the real aliases in French article text', () => {
  it('finds the full name and the elided company', () => {
    expect(find('Craig Federighi, vice-président d’Apple, a tranché.')).toEqual([
      ['Craig Federighi', 'Craig Federighi'],
      ['Apple', 'Apple'],
    ]);
  });

  it('prefers Apple Intelligence to Apple after an elision, with either apostrophe', () => {
    expect(find("la stratégie d'Apple Intelligence")).toEqual([['Apple Intelligence', 'Apple Intelligence']]);
    expect(find('la stratégie d’Apple Intelligence')).toEqual([['Apple Intelligence', 'Apple Intelligence']]);
    expect(find('au cœur d’Apple Intelligence, bride')).toEqual([['Apple Intelligence', 'Apple Intelligence']]);
  });

  it('handles every elided form', () => {
    expect(names("qu'Apple recoure")).toEqual(['Apple']);
    expect(names('qu’Apple recoure')).toEqual(['Apple']);
    expect(names('l’iPhone')).toEqual(['iPhone']);
    expect(names('jusqu’à Siri')).toEqual(['Siri']);
    expect(names('d‘Apple')).toEqual(['Apple']);
    expect(names('dʼApple')).toEqual(['Apple']); // U+02BC, a letter to Unicode
    expect(names('dʻApple')).toEqual(['Apple']);
  });

  it('matches the team name whatever its accents and case', () => {
    expect(find('l’équipe des modèles fondamentaux')).toEqual([
      ['équipe des modèles fondamentaux', 'équipe des modèles fondamentaux'],
    ]);
    expect(names('L’ÉQUIPE DES MODÈLES FONDAMENTAUX')).toEqual(['équipe des modèles fondamentaux']);
    expect(names('l’equipe des modeles fondamentaux')).toEqual(['équipe des modèles fondamentaux']);
    expect(names('l’équipe des modèles de fondation')).toEqual(['équipe des modèles de fondation']);
  });

  it('finds every entity of a summary sentence', () => {
    const text =
      'Ruoming Pang, qui dirigeait l’équipe des modèles fondamentaux, a depuis été recruté par Meta contre 200 millions de dollars.';
    expect(names(text)).toEqual(['Ruoming Pang', 'équipe des modèles fondamentaux', 'Meta']);
    const text2 = 'Apple discute avec OpenAI, Anthropic et Google et revoit les rémunérations.';
    expect(names(text2)).toEqual(['Apple', 'OpenAI', 'Anthropic', 'Google']);
  });

  it('matches accented spellings of names written without accents, in either form of Unicode', () => {
    expect(names('Craig Fédérighi')).toEqual(['Craig Federighi']);
    expect(names('Fédérighi')).toEqual(['Federighi']);
    expect(names('FÉDÉRIGHI')).toEqual(['Federighi']);
    expect(names('Sirí')).toEqual(['Siri']);
    // Decomposed (NFD) accents: e + U+0301.
    expect(find('Craig Fe\u0301de\u0301righi')).toEqual([['Craig Federighi', 'Craig Fe\u0301de\u0301righi']]);
    expect(names('Fe\u0301de\u0301righi')).toEqual(['Federighi']);
    expect(find('Siri\u0301 est là')).toEqual([['Siri', 'Siri']]);
    expect(names('l’e\u0301quipe des mode\u0300les fondamentaux')).toEqual(['équipe des modèles fondamentaux']);
  });
});

describe('the real aliases in English text', () => {
  it('matches English possessives with either apostrophe', () => {
    expect(find("Siri's delay")).toEqual([['Siri', 'Siri']]);
    expect(find('Siri’s delay')).toEqual([['Siri', 'Siri']]);
    expect(find('Siriʼs delay')).toEqual([['Siri', 'Siri']]);
    expect(names("Apple's AI models team")).toEqual(['Apple']);
    expect(names("Federighi's worry")).toEqual(['Federighi']);
  });

  it('finds every entity of a summary sentence', () => {
    const text =
      'Craig Federighi opposed it: publication would also have shown Apple’s models trailing Alibaba’s and Google’s, on the iPhone.';
    expect(names(text)).toEqual(['Craig Federighi', 'Apple', 'Alibaba', 'Google', 'iPhone']);
    expect(names('Ruoming Pang, who led the foundation-models team, has since been hired by Meta.')).toEqual([
      'Ruoming Pang',
      'foundation-models team',
      'Meta',
    ]);
  });

  it('matches all-caps headings', () => {
    expect(find('SIRI')).toEqual([['Siri', 'SIRI']]);
    expect(names('APPLE INTELLIGENCE DELAYED')).toEqual(['Apple Intelligence']);
    expect(names('WHY APPLE SAID NO')).toEqual(['Apple']);
    expect(names('CRAIG FEDERIGHI SPEAKS')).toEqual(['Craig Federighi']);
    expect(names('THE INFORMATION REPORTS')).toEqual(['The Information']);
    expect(names('PANG LEAVES')).toEqual(['Pang']);
  });

  it('returns bare surnames (the full-name rule is applied later)', () => {
    expect(names('Federighi said no.')).toEqual(['Federighi']);
    expect(names('Pang left.')).toEqual(['Pang']);
    expect(SPECS[findAll(matcher, 'Pang left.')[0]?.alias as number]?.afterFullName).toBe(true);
  });

  it('knows both orders of Ruoming Pang', () => {
    expect(names('Pang Ruoming')).toEqual(['Pang Ruoming']);
    expect(names('pang ruoming')).toEqual(['Pang Ruoming']);
    expect(names('ruoming pang')).toEqual(['Ruoming Pang']);
  });

  it('matches the other spellings of the real aliases', () => {
    expect(names('ChatGPT and Chat GPT and chatgpt')).toEqual(['ChatGPT', 'Chat GPT', 'ChatGPT']);
    expect(names('the foundation\u2011models team')).toEqual(['foundation-models team']); // non-breaking hyphen
    expect(names('the foundation models team')).toEqual(['foundation models team']);
    expect(names('Meta Platforms and meta platforms')).toEqual(['Meta Platforms', 'Meta Platforms']);
    expect(names('IPHONE iphone iPhone')).toEqual(['iPhone', 'iPhone', 'iPhone']);
  });
});

describe('spaces', () => {
  it('lets any whitespace run stand for the space of an alias', () => {
    for (const gap of ['\u00A0', '\u202F', '\u2009', '\n', '\t', '  ', ' \n\t ', '\r\n', '\u3000', '\u00A0\u00AD ']) {
      const text = `Craig${gap}Federighi`;
      expect(find(text), JSON.stringify(gap)).toEqual([['Craig Federighi', text]]);
    }
    expect(names('Ruoming\u202FPang')).toEqual(['Ruoming Pang']);
    expect(names('The\u00A0Information')).toEqual(['The Information']);
    expect(names('l’équipe\u00A0des\nmodèles  fondamentaux')).toEqual(['équipe des modèles fondamentaux']);
  });

  it('does not match an alias whose space is missing', () => {
    expect(names('CraigFederighi')).toEqual([]);
    expect(names('Apple\u200BIntelligence')).toEqual([]); // zero-width space is not a space
  });

  it('matches around leading, trailing and surrounding whitespace', () => {
    expect(find('  \n Siri \n ')).toEqual([['Siri', 'Siri']]);
    expect(findAll(matcher, '\u00A0Siri\u00A0')).toEqual([
      { alias: SPECS.findIndex((s) => s.text === 'Siri'), start: 1, end: 5 },
    ]);
  });
});

describe('skipped characters', () => {
  it('skips soft hyphens and zero-width characters inside names', () => {
    expect(find('Si\u00ADri')).toEqual([['Siri', 'Si\u00ADri']]);
    expect(find('Craig Fede\u00ADrighi')).toEqual([['Craig Federighi', 'Craig Fede\u00ADrighi']]);
    expect(find('Fede\u200Brighi')).toEqual([['Federighi', 'Fede\u200Brighi']]);
    expect(find('Ap\u200Dple\u2060 Intel\uFEFFligence')).toEqual([
      ['Apple Intelligence', 'Ap\u200Dple\u2060 Intel\uFEFFligence'],
    ]);
    expect(find('Si\u200Cri')).toEqual([['Siri', 'Si\u200Cri']]);
  });

  it('leaves skipped characters around a name out of the mention', () => {
    expect(findAll(matcher, '\u00ADSiri\u00AD')).toEqual([
      { alias: SPECS.findIndex((s) => s.text === 'Siri'), start: 1, end: 5 },
    ]);
  });

  it('sees through skipped characters for word boundaries', () => {
    expect(names('X\u00ADSiri')).toEqual([]);
    expect(names('Siri\u200Bus')).toEqual([]);
    expect(names('Apple\u00ADt')).toEqual([]);
  });
});

describe('word boundaries', () => {
  it('never matches inside a word', () => {
    for (const text of [
      'Siriusly',
      'Applet',
      'pineapple',
      'Pangolin',
      'XSiri',
      'Siris',
      'iPhones',
      'Appleton',
      'Metaverse',
      'megaGoogle',
    ]) {
      expect(names(text), text).toEqual([]);
    }
  });

  it('treats letters, digits and marks of any script as part of a word', () => {
    for (const text of ['éSiri', 'Siriè', '1Siri', 'Siri2', 'ΣSiri', 'ЖSiri', 'Siriя', '東Siri', 'Siriの', '٣Siri']) {
      expect(names(text), text).toEqual([]);
    }
  });

  it('matches next to punctuation, symbols and emoji', () => {
    for (const text of [
      '(Siri)',
      '«Siri»',
      '« Siri »',
      '«\u00A0Siri\u00A0»',
      '"Siri"',
      '“Siri”',
      'Siri.',
      'Siri,',
      '-Siri-',
      '_Siri_',
      '/Siri/',
      '#Siri',
      '@Siri',
      '🍎Siri',
      'Siri😀',
      '[Siri]',
      '¿Siri?',
    ]) {
      expect(find(text), text).toEqual([['Siri', 'Siri']]);
    }
  });

  it('finds adjacent mentions', () => {
    expect(names('Siri Siri')).toEqual(['Siri', 'Siri']);
    expect(names('Siri,Siri')).toEqual(['Siri', 'Siri']);
    expect(names('Siri/Siri')).toEqual(['Siri', 'Siri']);
    expect(names('Siri-Siri')).toEqual(['Siri', 'Siri']);
    expect(names('SiriSiri')).toEqual([]);
    expect(names('Apple Apple Apple')).toEqual(['Apple', 'Apple', 'Apple']);
    expect(names('Google, OpenAI, Anthropic')).toEqual(['Google', 'OpenAI', 'Anthropic']);
  });

  it('falls back to a shorter alias when the longer one ends inside a word', () => {
    expect(find('Apple Intelligencer')).toEqual([['Apple', 'Apple']]);
    expect(find('Craig Federighis')).toEqual([]);
    expect(find('Meta Platformsx')).toEqual([['Meta', 'Meta']]);
  });
});

describe('case-sensitive aliases', () => {
  it('match with their own capitals or in all caps, never in lower case', () => {
    expect(names('Apple')).toEqual(['Apple']);
    expect(names('APPLE')).toEqual(['Apple']);
    expect(names('apple')).toEqual([]);
    expect(names('aPPLE')).toEqual([]);
    expect(names('ApPle')).toEqual([]);
    expect(names('Pang')).toEqual(['Pang']);
    expect(names('PANG')).toEqual(['Pang']);
    expect(names('pang')).toEqual([]);
    expect(names('Meta')).toEqual(['Meta']);
    expect(names('meta')).toEqual([]);
    expect(names('claude')).toEqual([]);
    expect(names('Claude')).toEqual(['Claude']);
    expect(names('the information')).toEqual([]);
    expect(names('The information')).toEqual([]);
    expect(names('The Information')).toEqual(['The Information']);
  });

  it('ignore accents but not case', () => {
    expect(names('Àpple')).toEqual(['Apple']);
    expect(names('Pàng')).toEqual(['Pang']);
    expect(names('PÀNG')).toEqual(['Pang']);
    expect(names('pàng')).toEqual([]);
  });

  it('match text without letters as written', () => {
    const digits = compileMatcher([spec('2025', 'case')]);
    expect(names('2025', digits)).toEqual(['2025']);
  });

  it('ignore skipped characters and whitespace kinds when checking case', () => {
    expect(names('Ap\u00ADple')).toEqual(['Apple']);
    expect(names('The\n\u00A0Information')).toEqual(['The Information']);
    expect(names('THE\u202FINFORMATION')).toEqual(['The Information']);
  });

  it('let a fold alias with the same key take the text a case alias refuses', () => {
    const m = compileMatcher([spec('Pang', 'case'), spec('pang', 'fold')]);
    expect(findAll(m, 'Pang pang PANG').map((x) => x.alias)).toEqual([0, 1, 0]);
  });

  it('fall back to a shorter alias when the longer one has the wrong case', () => {
    const m = compileMatcher([spec('Apple', 'case'), spec('Apple Intelligence', 'case')]);
    expect(names('Apple intelligence', m)).toEqual(['Apple']);
    expect(names('Apple Intelligence', m)).toEqual(['Apple Intelligence']);
    expect(names('apple Intelligence', m)).toEqual([]);
  });
});

describe('overlaps', () => {
  it('keeps the longest mention at a start', () => {
    expect(names('Apple Intelligence')).toEqual(['Apple Intelligence']);
    expect(names('Craig Federighi')).toEqual(['Craig Federighi']);
    expect(names('Ruoming Pang')).toEqual(['Ruoming Pang']);
    expect(names('Meta Platforms')).toEqual(['Meta Platforms']);
    // Three aliases sharing a start: the longest wins, whatever the order they were given in.
    const m = compileMatcher([spec('foundation'), spec('foundation models team'), spec('foundation models')]);
    expect(names('the foundation models team said', m)).toEqual(['foundation models team']);
  });

  it('keeps the leftmost of overlapping mentions, even when a later one is longer', () => {
    const m = compileMatcher([spec('a b'), spec('b c d e')]);
    expect(names('a b c d e', m)).toEqual(['a b']);
    expect(names('x b c d e', m)).toEqual(['b c d e']);
    // Pang Ruoming Pang: the first full name wins, the overlapping second one is dropped.
    expect(find('Pang Ruoming Pang')).toEqual([
      ['Pang Ruoming', 'Pang Ruoming'],
      ['Pang', 'Pang'],
    ]);
  });

  it('names a mention by the first alias that fits when aliases share a key', () => {
    const m = compileMatcher([spec('Siri'), spec('SIRI'), spec('siri', 'case')]);
    expect(findAll(m, 'siri').map((x) => x.alias)).toEqual([0]);
  });
});

describe('compile', () => {
  it('ignores aliases that cannot start at a word start', () => {
    const m = compileMatcher([spec('(Siri)'), spec("'Apple"), spec(' \u00AD ')]);
    expect(findAll(m, '(Siri) ’Apple')).toEqual([]);
  });

  it('trims and collapses alias text', () => {
    const m = compileMatcher([spec('  Craig \n Federighi  ')]);
    expect(findAll(m, 'Craig Federighi')).toEqual([{ alias: 0, start: 0, end: 15 }]);
  });

  it('finds nothing in empty or blank text, or with no aliases', () => {
    expect(findAll(matcher, '')).toEqual([]);
    expect(findAll(matcher, ' \n\u00AD ')).toEqual([]);
    expect(findAll(compileMatcher([]), 'Siri')).toEqual([]);
  });
});

type Step = string | typeof SPACE;
const SPACE = Symbol('space');

interface ChunkMatch {
  alias: number;
  startRef: number;
  start: number;
  endRef: number;
  end: number;
}

/** Reads chunks as segments (refs are their indexes), a `space` separator where SPACE stands, and returns every mention. */
function stream(steps: Step[], m = matcher, chunkUnits?: number): ChunkMatch[] {
  const texts: string[] = [];
  const separators: Separator[] = [];
  let pendingSpace = false;
  for (const step of steps) {
    if (step === SPACE) pendingSpace = true;
    else {
      separators[texts.length] = pendingSpace ? 'space' : 'none';
      texts.push(step);
      pendingSpace = false;
    }
  }
  return runToEnd(m, texts, separators, chunkUnits).map((x) => ({
    alias: x.alias,
    startRef: x.start.segment,
    start: x.start.offset,
    endRef: x.end.segment,
    end: x.end.offset,
  }));
}

const alias = (text: string) => SPECS.findIndex((s) => s.text === text);

describe('scanner over chunks', () => {
  it('finds a name split over two chunks as one mention', () => {
    expect(stream(['Craig', ' Federighi'])).toEqual([
      { alias: alias('Craig Federighi'), startRef: 0, start: 0, endRef: 1, end: 10 },
    ]);
    expect(stream(['Si', 'ri'])).toEqual([{ alias: alias('Siri'), startRef: 0, start: 0, endRef: 1, end: 2 }]);
    expect(stream(['la stratégie d’', 'Apple', ' Intelli', 'gence', ' est'])).toEqual([
      { alias: alias('Apple Intelligence'), startRef: 1, start: 0, endRef: 3, end: 5 },
    ]);
  });

  it('joins chunks separated by space() with a space', () => {
    expect(stream(['Craig', SPACE, 'Federighi'])).toEqual([
      { alias: alias('Craig Federighi'), startRef: 0, start: 0, endRef: 1, end: 9 },
    ]);
    expect(stream(['Craig ', SPACE, ' Federighi'])).toEqual([
      { alias: alias('Craig Federighi'), startRef: 0, start: 0, endRef: 1, end: 10 },
    ]);
    expect(stream(['The', SPACE, 'Information'])).toEqual([
      { alias: alias('The Information'), startRef: 0, start: 0, endRef: 1, end: 11 },
    ]);
    expect(stream(['THE', SPACE, 'INFORMATION'])).toHaveLength(1);
    expect(stream(['the', SPACE, 'information'])).toEqual([]);
    expect(stream(['Apple', SPACE, 'Siri']).map((x) => x.alias)).toEqual([alias('Apple'), alias('Siri')]);
  });

  it('does not separate chunks that touch', () => {
    expect(stream(['Apple', 'Siri'])).toEqual([]);
    expect(stream(['Siri', 'us'])).toEqual([]);
    expect(stream(['X', 'Siri'])).toEqual([]);
    expect(stream(['Craig', 'Federighi'])).toEqual([]);
  });

  it('skips soft hyphens and empty chunks at chunk edges', () => {
    expect(stream(['Si\u00AD', 'ri'])).toEqual([{ alias: alias('Siri'), startRef: 0, start: 0, endRef: 1, end: 2 }]);
    expect(stream(['Si', '\u00AD', 'ri'])).toEqual([
      { alias: alias('Siri'), startRef: 0, start: 0, endRef: 2, end: 2 },
    ]);
    expect(stream(['Craig ', '', 'Federighi', ''])).toEqual([
      { alias: alias('Craig Federighi'), startRef: 0, start: 0, endRef: 2, end: 9 },
    ]);
    expect(stream(['', 'Siri'])).toEqual([{ alias: alias('Siri'), startRef: 1, start: 0, endRef: 1, end: 4 }]);
    expect(stream(['d’', 'Apple', '’s'])).toEqual([
      { alias: alias('Apple'), startRef: 1, start: 0, endRef: 1, end: 5 },
    ]);
    expect(stream(['Siri', '\u00AD'])).toEqual([{ alias: alias('Siri'), startRef: 0, start: 0, endRef: 0, end: 4 }]);
  });

  it('checks case over chunks, skipped characters included', () => {
    expect(stream(['Ap', '\u00AD', 'ple'])).toHaveLength(1);
    expect(stream(['ap', 'ple'])).toEqual([]);
    expect(stream(['AP', 'PLE'])).toHaveLength(1);
  });

  it('finds several mentions in several chunks, in order', () => {
    const found = stream([
      'Selon The Information, ',
      'Craig',
      ' ',
      'Federighi',
      ' et ',
      'Ruoming',
      '\u00A0Pang',
      ' (Meta).',
    ]);
    expect(found.map((x) => [SPECS[x.alias]?.text, x.startRef, x.start, x.endRef, x.end])).toEqual([
      ['The Information', 0, 6, 0, 21],
      ['Craig Federighi', 1, 0, 3, 9],
      ['Ruoming Pang', 5, 0, 6, 5],
      ['Meta', 7, 2, 7, 6],
    ]);
  });

  it('names segments by their index in the run', () => {
    const [m] = runToEnd(matcher, ['Selon ', 'Craig', ' Federighi']);
    expect(m?.start).toEqual({ segment: 1, offset: 0 });
    expect(m?.end).toEqual({ segment: 2, offset: 10 });
  });
});

describe('runs read a chunk at a time', () => {
  const blocks = (...texts: string[]) =>
    runToEnd(
      matcher,
      texts,
      texts.map(() => 'block'),
    );

  it('finds a mention that straddles two chunks once, whatever the chunk size', () => {
    for (const chunk of [1, 2, 3, 5, 8, 64]) {
      expect(stream(['Siri est là, ', 'Craig', ' Federighi', ' dit'], matcher, chunk), String(chunk)).toEqual([
        { alias: alias('Siri'), startRef: 0, start: 0, endRef: 0, end: 4 },
        { alias: alias('Craig Federighi'), startRef: 1, start: 0, endRef: 2, end: 10 },
      ]);
    }
  });

  it('keeps the longer mention that a later chunk completes', () => {
    expect(stream(['Apple', ' ', 'Intelligence'], matcher, 2)).toEqual([
      { alias: alias('Apple Intelligence'), startRef: 0, start: 0, endRef: 2, end: 12 },
    ]);
  });

  it('falls back to the shorter mention once the longer one fails', () => {
    expect(stream(['Apple Intel', 'ligent'], matcher, 4)).toEqual([
      { alias: alias('Apple'), startRef: 0, start: 0, endRef: 0, end: 5 },
    ]);
  });

  it('settles a mention at the very end of the run', () => {
    expect(stream(['Siri'], matcher, 1)).toEqual([{ alias: alias('Siri'), startRef: 0, start: 0, endRef: 0, end: 4 }]);
  });

  it('starts a new word after a block boundary', () => {
    expect(blocks('Craig', 'Federighi', 'X', 'Siri').map((x) => [SPECS[x.alias]?.text, x.start.segment])).toEqual([
      ['Federighi', 1],
      ['Siri', 3],
    ]);
  });

  it('reads a word that goes on in the next segment as one word', () => {
    expect(stream(['Siri', '’', 's'])).toHaveLength(1);
    expect(stream(['Siri', 's'])).toEqual([]);
    expect(stream(['Siri', SPACE, 's'])).toHaveLength(1);
  });

  it('gives the same mentions as findAll for a long text read whole, word by word, or in small chunks', () => {
    const text = factBase.summary.points.map((p) => `${p.fr}\n${p.en}`).join('\n');
    const whole = findAll(matcher, text);
    expect(whole.length).toBeGreaterThan(20);
    const parts = text.split(/(?<=[ ’'])/);
    const starts: number[] = [];
    let at = 0;
    for (const p of parts) {
      starts.push(at);
      at += p.length;
    }
    for (const chunk of [undefined, 7, 100]) {
      const got = stream(parts, matcher, chunk);
      expect(
        got.map((g) => ({
          alias: g.alias,
          start: (starts[g.startRef] as number) + g.start,
          end: (starts[g.endRef] as number) + g.end,
        })),
      ).toEqual(whole);
    }
  });
});
