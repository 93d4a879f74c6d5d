import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrefilter } from '@/lib/text/prefilter';
import { everything } from '@/tests/helpers/seed-matchers';

const prefilter = everything.prefilter as RegExp;

describe('prefilter', () => {
  it('passes text holding an alias in any case or accent, or split by soft hyphens', () => {
    for (const text of ['Siri', 'SIRI', 'sİri', 'Fédérighi', 'FEDERIGHI', 'é\u0301quipe', 'Si\u00ADri', 'l’Apple']) {
      expect(prefilter.test(text), text).toBe(true);
    }
  });

  it('passes a node that ends with the beginning of a name (the rest is in the next node)', () => {
    expect(prefilter.test('About Si')).toBe(true);
    expect(prefilter.test('About C')).toBe(true);
  });

  it('rules out text that cannot hold a mention', () => {
    for (const text of ['Weather is fine today.', 'Lorem ipsum dolor sit amet.', '   ']) {
      expect(prefilter.test(text), text).toBe(false);
    }
  });

  it('is null for so many aliases that a regular expression would not be cheap', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `a${i.toString(36)}x`);
    expect(buildPrefilter(keys)).toBeNull();
  });

  it('never rules out text in which the matcher finds a mention', () => {
    const words = [
      'Siri',
      'siri',
      'Apple',
      'Intelligence',
      'Craig',
      'Federighi',
      'Pang',
      'Ruoming',
      'the',
      'é',
      'l’',
      '\u00AD',
      ' ',
      '.',
      'ÉQUIPE',
      'modèles',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (everything.findAll(text).length > 0) expect(prefilter.test(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
