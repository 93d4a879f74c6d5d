import { describe, expect, it } from 'vitest';
import { langFromLocale } from '@/lib/i18n/language';
import { formatSourceDate, STRING_KEYS, translate } from '@/lib/i18n/strings';

describe('translate', () => {
  it('returns the string in the requested language', () => {
    expect(translate('en', 'keyPoints')).toBe('Key points');
    expect(translate('fr', 'keyPoints')).toBe('Points clés');
    expect(translate('fr', 'loadError')).not.toBe(translate('en', 'loadError'));
  });

  it('fills placeholders', () => {
    expect(translate('en', 'factBaseVersion', { version: '2025.07.1' })).toBe('Fact base 2025.07.1');
    expect(translate('fr', 'factBaseVersion', { version: '2025.07.1' })).toBe('Base de faits 2025.07.1');
    const relaying = { date: 'July 2025', relays: 'The Information' };
    expect(translate('en', 'sourceLabelRelaying', { ...relaying, language: 'French' })).toBe(
      'French-language article, July 2025, relaying The Information',
    );
    expect(translate('fr', 'sourceLabelRelaying', { ...relaying, language: 'français', date: 'juillet 2025' })).toBe(
      'Article en français, juillet 2025, relayant The Information',
    );
    expect(translate('fr', 'sourceIs', { source: 'Article en français' })).toBe('Source : Article en français');
  });

  it('leaves placeholders it has no value for as they are', () => {
    expect(translate('en', 'sourceLabel', { date: 'July 2025' })).toBe('{language}-language article, July 2025');
    expect(translate('en', 'factBaseVersion')).toBe('Fact base {version}');
  });

  it('ignores parameters the string does not use', () => {
    expect(translate('en', 'loading', { version: 'x' })).toBe('Loading…');
  });

  it('inserts values literally: no markup, no re-expansion, no `$` patterns', () => {
    expect(translate('en', 'factBaseVersion', { version: '<b>1</b>' })).toBe('Fact base <b>1</b>');
    expect(translate('en', 'sourceLabelRelaying', { language: 'L', date: '{relays}', relays: 'R' })).toBe(
      'L-language article, {relays}, relaying R',
    );
    expect(translate('en', 'factBaseVersion', { version: "$& $1 $'" })).toBe("Fact base $& $1 $'");
  });

  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const keys = STRING_KEYS;
    expect(keys.length).toBeGreaterThan(20);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const en = translate('en', key);
      const fr = translate('fr', key);
      expect(en.trim(), key).not.toBe('');
      expect(fr.trim(), key).not.toBe('');
      expect(placeholders(fr), key).toEqual(placeholders(en));
    }
  });
});

describe('formatSourceDate', () => {
  it('formats a year-month in French and English', () => {
    expect(formatSourceDate('fr', '2025-07')).toContain('juillet 2025');
    expect(formatSourceDate('en', '2025-07')).toBe('July 2025');
  });

  it('formats a full date with its day', () => {
    expect(formatSourceDate('en', '2025-07-14')).toBe('July 14, 2025');
    expect(formatSourceDate('fr', '2025-07-14')).toBe('14 juillet 2025');
    expect(formatSourceDate('fr', '2025-07-01')).toBe('1 juillet 2025');
  });

  it('is not shifted by the time zone at month boundaries', () => {
    expect(formatSourceDate('en', '2025-01')).toBe('January 2025');
    expect(formatSourceDate('en', '2024-12')).toBe('December 2024');
    expect(formatSourceDate('fr', '2024-12')).toContain('décembre 2024');
    expect(formatSourceDate('en', '2024-12-31')).toBe('December 31, 2024');
  });

  it('returns the input unchanged when it is not a date it can read', () => {
    expect(formatSourceDate('en', 'soon')).toBe('soon');
    expect(formatSourceDate('en', '')).toBe('');
    expect(formatSourceDate('fr', '2025')).toBe('2025');
    expect(formatSourceDate('en', '2025-13')).toBe('2025-13');
    expect(formatSourceDate('en', '2025-00')).toBe('2025-00');
    expect(formatSourceDate('en', '2025-02-30')).toBe('2025-02-30');
  });
});

describe('langFromLocale', () => {
  it('picks French for French locales', () => {
    expect(langFromLocale('fr')).toBe('fr');
    expect(langFromLocale('fr-CA')).toBe('fr');
    expect(langFromLocale('fr_BE')).toBe('fr');
    expect(langFromLocale('FR-fr')).toBe('fr');
  });

  it('picks English for everything else', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('en')).toBe('en');
    expect(langFromLocale('de-DE')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
    expect(langFromLocale(null)).toBe('en');
  });
});
