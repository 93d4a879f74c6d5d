import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@/lib/ext/site-rules';
import { parseSiteRulesFile, siteRulesFileText } from '@/lib/ext/site-rules-file';

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'context-lens-site-rules', version: 1, sites: ['a.com'], ...over });

describe('siteRulesFileText', () => {
  it('writes the format, version, mode and sites, pretty-printed and ending with a newline', () => {
    const text = siteRulesFileText({ mode: 'only-listed', sites: ['example.com', '[::1]'] });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "sites": [\n    "example.com",\n');
    expect(JSON.parse(text)).toEqual({
      format: 'context-lens-site-rules',
      version: 1,
      mode: 'only-listed',
      sites: ['example.com', '[::1]'],
    });
  });

  it('reads back what it writes', () => {
    const rules: SiteRules = { mode: 'all-except-listed', sites: ['example.com', 'file://'] };
    expect(parseSiteRulesFile(siteRulesFileText(rules))).toEqual({ ok: true, ...rules });
  });
});

describe('parseSiteRulesFile', () => {
  it('answers the sites as written, and no mode when the file names none', () => {
    expect(parseSiteRulesFile(file({ sites: ['WWW.Foo.org', 'not a host'] }))).toEqual({
      ok: true,
      mode: undefined,
      sites: ['WWW.Foo.org', 'not a host'],
    });
  });

  it('ignores a byte-order mark', () => {
    expect(parseSiteRulesFile(`\uFEFF${file()}`)).toMatchObject({ ok: true, sites: ['a.com'] });
  });

  it.each(['', '{"format": ', 'sites: a.com', '\uFEFF\uFEFF{}'])('calls %j not JSON', (text) => {
    expect(parseSiteRulesFile(text)).toEqual({ ok: false, error: 'not-json' });
  });

  it.each([
    ['another format', file({ format: 'something-else' })],
    ['a newer version', file({ version: 2 })],
    ['no sites', JSON.stringify({ format: 'context-lens-site-rules', version: 1 })],
    ['sites as a string', file({ sites: 'a.com' })],
    ['a number among the sites', file({ sites: ['a.com', 42] })],
    ['an unknown mode', file({ mode: 'sometimes' })],
    ['a site longer than 2048 characters', file({ sites: ['a'.repeat(2049)] })],
    ['more than 10,000 sites', file({ sites: Array.from({ length: 10_001 }, (_, i) => `s${i}.com`) })],
    ['a bare array', '["a.com"]'],
    ['null', 'null'],
    ['a number', '7'],
  ])('calls a file with %s the wrong format', (_what, text) => {
    expect(parseSiteRulesFile(text)).toEqual({ ok: false, error: 'wrong-format' });
  });

  it('takes the longest site and the most sites allowed', () => {
    const sites = Array.from({ length: 10_000 }, (_, i) => (i === 0 ? 'a'.repeat(2048) : `s${i}.com`));
    expect(parseSiteRulesFile(file({ sites }))).toMatchObject({ ok: true });
  });
});
