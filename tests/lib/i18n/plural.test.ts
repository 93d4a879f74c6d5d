import { describe, expect, it } from 'vitest';
import { translateCount } from '@/lib/i18n/plural';
import { STRING_KEYS } from '@/lib/i18n/strings';

describe('translateCount', () => {
  it('follows each language’s plural rules: French counts 0 as singular, English does not', () => {
    const say = (lang: 'en' | 'fr', n: number) => translateCount(lang, 'mentionCount', n);
    expect([0, 1, 2].map((n) => say('en', n))).toEqual(['0 mentions', '1 mention', '2 mentions']);
    expect([0, 1, 2].map((n) => say('fr', n))).toEqual(['0 mention', '1 mention', '2 mentions']);
  });

  it('writes the number as the language does, and takes the plural form for French "many"', () => {
    expect(translateCount('en', 'mentionCount', 1234)).toBe('1,234 mentions');
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(translateCount('fr', 'mentionCount', 1_000_000)).toBe('1\u202f000\u202f000 mentions');
  });

  it('fills the other placeholders too', () => {
    expect(translateCount('fr', 'optImportAdded', 1, { file: 'a.json' })).toBe('a.json : 1 nouveau site ajouté.');
  });

  it('has an `_other` form for every `_one`', () => {
    for (const key of STRING_KEYS.filter((k) => k.endsWith('_one'))) {
      expect(STRING_KEYS, key).toContain(key.replace(/_one$/, '_other'));
    }
  });
});
