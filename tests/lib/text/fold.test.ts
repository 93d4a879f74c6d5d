import { describe, expect, it } from 'vitest';
import { APOSTROPHE, aliasKey, fold, foldString, IGNORED, isWordUnit, SPACE, strip } from '@/lib/text/fold';

const f = (ch: string) => String.fromCharCode(fold(ch.charCodeAt(0)));
const s = (ch: string) => String.fromCharCode(strip(ch.charCodeAt(0)));
const word = (ch: string) => isWordUnit(ch.charCodeAt(0));

describe('fold', () => {
  it('strips accents and lowercases, one unit for one unit', () => {
    expect(f('É')).toBe('e');
    expect(f('é')).toBe('e');
    expect(f('è')).toBe('e');
    expect(f('ê')).toBe('e');
    expect(f('ç')).toBe('c');
    expect(f('Ç')).toBe('c');
    expect(f('à')).toBe('a');
    expect(f('Ö')).toBe('o');
    expect(f('Å')).toBe('a');
    expect(f('ñ')).toBe('n');
    expect(f('ǖ')).toBe('u'); // two stacked marks
    expect(f('A')).toBe('a');
    expect(f('z')).toBe('z');
  });

  it('keeps ligatures and letters without a decomposition as (lowercase) letters of their own', () => {
    // œ cannot become "oe" without changing the length: it stays œ, in either case.
    expect(f('Œ')).toBe('œ');
    expect(f('œ')).toBe('œ');
    expect(f('Æ')).toBe('æ');
    expect(f('ß')).toBe('ß');
    expect(f('ẞ')).toBe('ß');
    expect(f('Ø')).toBe('ø');
  });

  it('handles letters whose lowercase is longer (İ) without changing length', () => {
    expect(f('İ')).toBe('i');
    expect(foldString('İstanbul')).toHaveLength('İstanbul'.length);
  });

  it('folds Greek and Cyrillic case, including the final sigma', () => {
    expect(f('Ω')).toBe('ω');
    expect(f('Σ')).toBe('σ');
    expect(f('ς')).toBe('σ');
    expect(f('Ж')).toBe('ж');
    expect(foldString('ΟΔΥΣΣΕΥΣ')).toBe(foldString('Οδυσσευς'));
  });

  it('maps every kind of whitespace to a plain space', () => {
    for (const ch of [' ', '\u00A0', '\u202F', '\u2009', '\u2007', '\u3000', '\n', '\r', '\t', '\u2028']) {
      expect(fold(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(SPACE);
      expect(strip(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(SPACE);
    }
  });

  it('maps typographic apostrophes to the ASCII one', () => {
    for (const ch of ["'", '\u2019', '\u2018', '\u02BC', '\u02BB', '\uFF07']) {
      expect(fold(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(APOSTROPHE);
      expect(strip(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(APOSTROPHE);
    }
  });

  it('maps Unicode hyphens to hyphen-minus', () => {
    expect(f('\u2010')).toBe('-');
    expect(f('\u2011')).toBe('-');
    expect(f('-')).toBe('-');
  });

  it('marks soft hyphens, zero-width characters and combining accents as ignored', () => {
    for (const ch of [
      '\u00AD',
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u034F',
      '\u0301',
      '\u0300',
      '\u0327',
    ]) {
      expect(fold(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(IGNORED);
      expect(strip(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(IGNORED);
    }
  });

  it('leaves surrogate halves alone', () => {
    const apple = '🍎';
    expect(fold(apple.charCodeAt(0))).toBe(apple.charCodeAt(0));
    expect(fold(apple.charCodeAt(1))).toBe(apple.charCodeAt(1));
  });

  it('leaves punctuation and digits alone', () => {
    for (const ch of ['(', ')', '«', '»', ',', '.', '!', '0', '9', '«']) expect(f(ch)).toBe(ch);
  });

  it('maps U+0000 to itself', () => {
    expect(fold(0)).toBe(0);
    expect(fold(0)).toBe(0);
  });
});

describe('strip', () => {
  it('strips accents but keeps case', () => {
    expect(s('É')).toBe('E');
    expect(s('é')).toBe('e');
    expect(s('Ç')).toBe('C');
    expect(s('Œ')).toBe('Œ');
    expect(s('İ')).toBe('I');
    expect(s('A')).toBe('A');
    expect(s('a')).toBe('a');
  });
});

describe('isWordUnit', () => {
  it('accepts letters, digits and marks of any script', () => {
    for (const ch of [
      'a',
      'Z',
      'é',
      'œ',
      'ß',
      'Ω',
      'λ',
      'Ж',
      'я',
      '東',
      'の',
      'カ',
      '한',
      'ع',
      'א',
      '0',
      '7',
      '٣',
      '\u0301',
    ]) {
      expect(word(ch), ch).toBe(true);
    }
  });

  it('rejects spaces, punctuation, symbols, apostrophes and hyphens', () => {
    for (const ch of [
      ' ',
      '\u00A0',
      '\u202F',
      '\n',
      '(',
      ')',
      '«',
      '»',
      ',',
      '.',
      '-',
      '\u2011',
      '_',
      '@',
      '€',
      '+',
      "'",
      '\u2019',
      '\u2018',
      '\u02BC',
      '\u02BB',
    ]) {
      expect(word(ch), JSON.stringify(ch)).toBe(false);
    }
  });

  it('rejects surrogate halves (emoji and other astral characters)', () => {
    const emoji = '😀';
    expect(isWordUnit(emoji.charCodeAt(0))).toBe(false);
    expect(isWordUnit(emoji.charCodeAt(1))).toBe(false);
  });

  it('rejects ignorable characters', () => {
    expect(word('\u00AD')).toBe(false);
    expect(word('\u200B')).toBe(false);
    expect(word('\uFEFF')).toBe(false);
  });
});

describe('foldString', () => {
  it('keeps the length of the text, whatever it holds', () => {
    for (const text of [
      'Craig Federighi, vice-président d’Apple',
      'ÉQUIPE DES MODÈLES FONDAMENTAUX',
      'Si\u00ADri\u200B😀 İİİ ßẞ ﬁ',
      'Fe\u0301de\u0301righi',
      '',
    ]) {
      expect(foldString(text)).toHaveLength(text.length);
    }
  });

  it('folds unit by unit', () => {
    expect(foldString('Craig\u00A0Fédérighi')).toBe('craig federighi');
    expect(foldString('d’Apple')).toBe("d'apple");
    expect(foldString('Si\u00ADri')).toBe('si\uFFFFri');
    expect(foldString('L’ÉQUIPE\nIA')).toBe("l'equipe ia");
  });
});

describe('aliasKey', () => {
  it('folds case and accents by default', () => {
    expect(aliasKey('Craig Federighi')).toBe('craig federighi');
    expect(aliasKey('équipe des modèles fondamentaux')).toBe('equipe des modeles fondamentaux');
    expect(aliasKey('ÉQUIPE DES MODÈLES FONDAMENTAUX')).toBe('equipe des modeles fondamentaux');
  });

  it('keeps case when asked, accents still stripped', () => {
    expect(aliasKey('Apple', true)).toBe('Apple');
    expect(aliasKey('Fédérighi', true)).toBe('Federighi');
    expect(aliasKey('The Information', true)).toBe('The Information');
  });

  it('collapses whitespace runs, trims, and drops ignorable units', () => {
    expect(aliasKey('  Craig \u00A0\n Federighi  ')).toBe('craig federighi');
    expect(aliasKey('Si\u00ADri\u200B')).toBe('siri');
    expect(aliasKey('Ruoming\u202FPang')).toBe('ruoming pang');
    expect(aliasKey('Craig \u00AD Federighi')).toBe('craig federighi');
    expect(aliasKey('Fe\u0301de\u0301righi')).toBe('federighi');
  });

  it('normalises apostrophes and hyphens', () => {
    expect(aliasKey('l’équipe')).toBe("l'equipe");
    expect(aliasKey('foundation\u2011models team')).toBe('foundation-models team');
  });

  it('returns an empty key for blank or ignorable-only text', () => {
    expect(aliasKey('')).toBe('');
    expect(aliasKey(' \u00A0 ')).toBe('');
    expect(aliasKey('\u00AD\u200B')).toBe('');
  });
});
