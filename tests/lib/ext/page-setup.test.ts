import { describe, expect, it } from 'vitest';
import { MatcherSpecs, pageSetupFor } from '@/lib/ext/page-setup';
import { DEFAULT_SETTINGS, type PageSetup as SiteSetup } from '@/lib/ext/settings';
import { makeCatalog } from '@/lib/store/catalog';
import { packRecord } from '@/lib/store/pack-writes';
import { Matcher } from '@/lib/text/matcher';
import { findAll } from '@/tests/helpers/matching';
import { SAMPLE_HASH, sampleBase } from '@/tests/helpers/sample-base';

const base = sampleBase();
const { siteRules: _rules, paused: _paused, ...pageSettings } = DEFAULT_SETTINGS;
/** The background's decision for a site (see `pageSetup` in settings.ts): runs unless told otherwise. */
const decided = (settings: Partial<SiteSetup['settings']> = {}, off?: SiteSetup['reason']): SiteSetup => ({
  site: 'example.com',
  run: off === undefined,
  reason: off ?? null,
  snoozedUntil: off === 'snoozed' ? 1_000 : null,
  undecided: [],
  settings: { ...pageSettings, ...settings },
});
const catalog = makeCatalog([packRecord(base, SAMPLE_HASH, 'bundled', 0)], [base.entities], base.id);
const sources = (specs = new MatcherSpecs()) => ({ catalog, uiLocale: 'fr-CA', specs });

describe('pageSetupFor', () => {
  it('answers the aliases of the entities of the chosen categories, ready to match', () => {
    const all = pageSetupFor(decided({ categories: ['subject', 'organisation'] }), sources());
    expect(all.matcher?.aliases.some((a) => a.category === 'organisation')).toBe(true);
    const setup = pageSetupFor(decided({ categories: ['subject'] }), sources());
    expect(setup.matcher?.aliases.map((a) => `${a.entityId}:${a.text}`)).toEqual([
      'siri:Siri',
      'craig-federighi:Craig Federighi',
      'craig-federighi:Federighi',
    ]);
    expect(setup.matcher?.aliases.every((a) => a.category === 'subject')).toBe(true);
    const matcher = Matcher.fromSpec(setup.matcher as NonNullable<typeof setup.matcher>);
    expect(findAll(matcher, 'Craig Federighi et Siri')).toHaveLength(2);
  });

  it('leaves muted entities out, and names them so the card can offer to unmute', () => {
    const setup = pageSetupFor(decided({ mutedEntities: ['siri'] }), sources());
    expect(setup.matcher?.aliases.some((a) => a.entityId === 'siri')).toBe(false);
    expect(setup.mutedEntities).toEqual(['siri']);
  });

  it('sends no matcher where the extension is off, and says why', () => {
    const off = pageSetupFor(decided({}, 'site-off'), sources());
    expect(off.enabled).toBe(false);
    expect(off.matcher).toBeNull();
    expect(off.reason).toBe('site-off');
    const snoozed = pageSetupFor(decided({}, 'snoozed'), sources());
    expect(snoozed.snoozedUntil).toBe(1_000);
    expect(pageSetupFor(decided({}, 'undecided'), sources()).matcher).toBeNull();
  });

  it('speaks the chosen language, or the browser’s', () => {
    expect(pageSetupFor(decided(), sources()).lang).toBe('fr');
    expect(pageSetupFor(decided({ language: 'en' }), sources()).lang).toBe('en');
  });

  it('prepares each alias set once, and names it so frames rebuild only when it changes', () => {
    const specs = new MatcherSpecs();
    const a = pageSetupFor(decided(), sources(specs));
    const b = pageSetupFor(decided(), sources(specs));
    expect(b.matcher).toBe(a.matcher);
    const other = pageSetupFor(decided({ categories: ['subject', 'model'] }), sources(specs));
    expect(other.matcherKey).not.toBe(a.matcherKey);
    expect(other.matcher).not.toBe(a.matcher);
    expect(pageSetupFor(decided({ mutedEntities: ['siri'] }), sources(specs)).matcherKey).not.toBe(a.matcherKey);
    // Another set of packs (or another version of one) is another alias set.
    const none = makeCatalog([], [], base.id);
    const off = pageSetupFor(decided(), { ...sources(specs), catalog: none });
    expect(off.matcherKey).not.toBe(a.matcherKey);
    expect(off.matcher?.aliases).toEqual([]);
  });

  it('names the packs apart from the alias set: muting or choosing categories keeps the cards loaded', () => {
    const specs = new MatcherSpecs();
    const a = pageSetupFor(decided(), sources(specs));
    expect(pageSetupFor(decided({ mutedEntities: ['siri'] }), sources(specs)).factsKey).toBe(a.factsKey);
    expect(pageSetupFor(decided({ categories: ['subject', 'model'] }), sources(specs)).factsKey).toBe(a.factsKey);
    const none = makeCatalog([], [], base.id);
    expect(pageSetupFor(decided(), { ...sources(specs), catalog: none }).factsKey).not.toBe(a.factsKey);
  });
});
