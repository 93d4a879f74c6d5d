import { describe, expect, it } from 'vitest';
import { MatcherSpecs, pageSetupFor } from '@/lib/ext/page-setup';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/ext/settings';
import { Matcher } from '@/lib/text/matcher';
import { findAll } from '@/tests/helpers/matching';
import { sampleBase } from '@/tests/helpers/sample-base';

const base = sampleBase();
const sources = (settings: Partial<Settings> = {}, specs = new MatcherSpecs()) => ({
  settings: { ...DEFAULT_SETTINGS, ...settings },
  entities: base.entities,
  version: base.version,
  uiLocale: 'fr-CA',
  specs,
});

describe('pageSetupFor', () => {
  it('answers the aliases of the entities of the chosen categories, ready to match', () => {
    const all = pageSetupFor('example.com', sources({ categories: ['subject', 'organisation'] }));
    expect(all.matcher?.aliases.some((a) => a.category === 'organisation')).toBe(true);
    const setup = pageSetupFor('example.com', sources({ categories: ['subject'] }));
    expect(setup.matcher?.aliases.map((a) => `${a.entityId}:${a.text}`)).toEqual([
      'siri:Siri',
      'craig-federighi:Craig Federighi',
      'craig-federighi:Federighi',
    ]);
    expect(setup.matcher?.aliases.every((a) => a.category === 'subject')).toBe(true);
    const matcher = Matcher.fromSpec(setup.matcher as NonNullable<typeof setup.matcher>);
    expect(findAll(matcher, 'Craig Federighi et Siri')).toHaveLength(2);
  });

  it('sends no matcher where the extension is off, and says so', () => {
    const off = pageSetupFor(
      'example.com',
      sources({ siteRules: { mode: 'all-except-listed', sites: ['example.com'] } }),
    );
    expect(off.enabled).toBe(false);
    expect(off.matcher).toBeNull();
    expect(pageSetupFor(null, sources()).enabled).toBe(false);
    expect(pageSetupFor('example.com', sources({ paused: true })).matcher).toBeNull();
  });

  it('speaks the chosen language, or the browser’s', () => {
    expect(pageSetupFor('a.org', sources()).lang).toBe('fr');
    expect(pageSetupFor('a.org', sources({ language: 'en' })).lang).toBe('en');
  });

  it('prepares each alias set once, and names it so frames rebuild only when it changes', () => {
    const specs = new MatcherSpecs();
    const a = pageSetupFor('a.org', sources({}, specs));
    const b = pageSetupFor('b.org', sources({}, specs));
    expect(b.matcher).toBe(a.matcher);
    const other = pageSetupFor('a.org', sources({ categories: ['subject', 'model'] }, specs));
    expect(other.matcherKey).not.toBe(a.matcherKey);
    expect(other.matcher).not.toBe(a.matcher);
  });
});
