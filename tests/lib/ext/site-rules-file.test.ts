import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@/lib/ext/site-rules';
import { parseSiteRulesFile, siteRulesFileText } from '@/lib/ext/site-rules-file';

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'context-lens-site-rules', version: 1, sites: ['a.com'], ...over });

describe('siteRulesFileText', () => {
  it('writes the format, version, mode, sites and muted names, pretty-printed and ending with a newline', () => {
    const text = siteRulesFileText({ mode: 'only-listed', sites: ['example.com', '[::1]'] }, ['siri']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "sites": [\n    "example.com",\n');
    expect(JSON.parse(text)).toEqual({
      format: 'context-lens-site-rules',
      version: 1,
      mode: 'only-listed',
      sites: ['example.com', '[::1]'],
      mutedEntities: ['siri'],
    });
  });

  it('reads back what it writes', () => {
    const rules: SiteRules = { mode: 'all-except-listed', sites: ['example.com', 'file://'] };
    expect(parseSiteRulesFile(siteRulesFileText(rules, ['siri']))).toEqual({
      ok: true,
      ...rules,
      mutedEntities: ['siri'],
    });
  });
});

describe('parseSiteRulesFile', () => {
  it('answers the entries as written, to be checked one by one, and no mode when the file names none', () => {
    expect(parseSiteRulesFile(file({ sites: ['WWW.Foo.org', 'not a host', 42, 'a'.repeat(3000)] }))).toEqual({
      ok: true,
      mode: undefined,
      sites: ['WWW.Foo.org', 'not a host', 42, 'a'.repeat(3000)],
      mutedEntities: [],
    });
  });

  it('takes a plain JSON array of sites', () => {
    expect(parseSiteRulesFile('["a.com", "b.org"]')).toEqual({
      ok: true,
      mode: undefined,
      sites: ['a.com', 'b.org'],
      mutedEntities: [],
    });
  });

  it('ignores a mode it does not know (the file’s mode is never applied)', () => {
    expect(parseSiteRulesFile(file({ mode: 'sometimes' }))).toMatchObject({ ok: true, mode: undefined });
  });

  it('ignores a byte-order mark', () => {
    expect(parseSiteRulesFile(`\uFEFF${file()}`)).toMatchObject({ ok: true, sites: ['a.com'] });
  });

  it.each(['', '{"format": ', 'sites: a.com', '\uFEFF\uFEFF{}'])('calls %j not JSON', (text) => {
    expect(parseSiteRulesFile(text)).toEqual({ ok: false, error: 'not-json' });
  });

  it('says a file is from a newer version', () => {
    expect(parseSiteRulesFile(file({ version: 2 }))).toEqual({ ok: false, error: 'newer' });
  });

  it('says how many entries a file has past 10,000, exported or a bare list', () => {
    const sites = Array.from({ length: 10_001 }, (_, i) => `s${i}.com`);
    expect(parseSiteRulesFile(file({ sites }))).toEqual({ ok: false, error: 'too-many', count: 10_001 });
    expect(parseSiteRulesFile(JSON.stringify(sites))).toEqual({ ok: false, error: 'too-many', count: 10_001 });
    expect(parseSiteRulesFile(file({ sites: sites.slice(1) }))).toMatchObject({ ok: true });
  });

  it.each([
    ['another format', file({ format: 'something-else' })],
    ['no version', JSON.stringify({ format: 'context-lens-site-rules', sites: [] })],
    ['no sites', JSON.stringify({ format: 'context-lens-site-rules', version: 1 })],
    ['sites as a string', file({ sites: 'a.com' })],
    ['an object of sites', JSON.stringify({ 'a.com': true })],
    ['null', 'null'],
    ['a number', '7'],
  ])('calls a file with %s the wrong format', (_what, text) => {
    expect(parseSiteRulesFile(text)).toEqual({ ok: false, error: 'wrong-format' });
  });
});
