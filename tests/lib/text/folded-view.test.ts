// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, IGNORED, isWordUnit } from '@/lib/text/fold';
import { foldedView, nativeFold, unsafeUnitsClass } from '@/lib/text/folded-view';
import { compileMatcher } from '@/lib/text/matcher-spec';
import { findAll } from '@/tests/helpers/matching';

const unsafe = new RegExp(`[${unsafeUnitsClass(isWordUnit)}]`);

/** Every unit of the BMP that folds to one of `letters`, in any case or accent. */
function spellingsOf(letters: string): string[] {
  const wanted = new Set([...letters].map((c) => c.charCodeAt(0)));
  const out: string[] = [];
  for (let u = 1; u < 0x10000; u++)
    if (!(u >= 0xd800 && u <= 0xdfff) && wanted.has(fold(u))) out.push(String.fromCharCode(u));
  return out;
}

describe('native folding', () => {
  it('agrees with the matcher on every unit outside the unsafe class that folds to a letter or digit', () => {
    const disagree: string[] = [];
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const char = String.fromCharCode(u);
      const folded = fold(u);
      if (unsafe.test(char) || folded === IGNORED || !isWordUnit(folded)) continue;
      if (nativeFold(char) !== String.fromCharCode(folded)) disagree.push(u.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('puts the units the matcher skips, and lone accents, in the unsafe class', () => {
    for (const char of ['\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u0301', '\u0300', 'İ', '한'])
      expect(unsafe.test(char), char.codePointAt(0)?.toString(16)).toBe(true);
    for (const char of ['a', 'é', 'Ś', 'ị', 'Ạ', 'ß', 'Ω', 'ж', '日', ' ', '\u00A0', '’'])
      expect(unsafe.test(char), char).toBe(false);
  });

  it('folds final sigma like sigma, as the matcher does', () => {
    expect(nativeFold('ΟΔΥΣΣΕΥΣ')).toBe(nativeFold('οδυσσευσ'));
  });
});

describe('foldedView', () => {
  const letters = 'sirapl';
  const alphabet = [...spellingsOf(letters), ' ', '\u00AD', '\u200B', '\u0301', 'İ', '한', 'x', '.', '’'];

  it('maps every folded unit back to the raw unit it came from', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const raw = chars.join('');
        const view = foldedView(raw, unsafe);
        const kept = [...raw].map((_c, i) => i).filter((i) => fold(raw.charCodeAt(i)) !== IGNORED);
        if (view.map) {
          expect([...view.map]).toEqual(kept);
          for (let k = 0; k < view.text.length; k++)
            expect(view.text.charCodeAt(k)).toBe(fold(raw.charCodeAt(view.map[k] as number)));
        } else {
          expect(view.text).toHaveLength(raw.length);
          for (const i of kept) {
            const f = fold(raw.charCodeAt(i));
            if (isWordUnit(f)) expect(view.text.charCodeAt(i), `${raw} @${i}`).toBe(f);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('candidates in any spelling', () => {
  const matcher = compileMatcher([
    { text: 'Siri', match: 'fold' },
    { text: 'Apple Intelligence', match: 'fold' },
  ]);

  it('finds names whose first letters carry unusual accents', () => {
    expect(findAll(matcher, 'Sịri et Ạpple Intelligence')).toEqual([
      { alias: 0, start: 0, end: 4 },
      { alias: 1, start: 8, end: 26 },
    ]);
    expect(findAll(matcher, 'ŚÍŔÍ, ṠỈṘỊ')).toHaveLength(2);
  });

  it('finds a name in every spelling of its first three letters', () => {
    const s = spellingsOf('s');
    const i = spellingsOf('i');
    const r = spellingsOf('r');
    fc.assert(
      fc.property(fc.constantFrom(...s), fc.constantFrom(...i), fc.constantFrom(...r), (a, b, c) => {
        const text = `(${a}${b}${c}i) `;
        expect(findAll(matcher, text), [...text].map((x) => x.charCodeAt(0).toString(16)).join(' ')).toHaveLength(1);
      }),
      { numRuns: 3000 },
    );
  });
});
