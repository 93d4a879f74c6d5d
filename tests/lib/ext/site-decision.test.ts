import { describe, expect, it } from 'vitest';
import { type DecisionInput, decideSite, effectiveRules, type UndecidedSetting } from '@/lib/ext/site-decision';
import { isEnabledOn } from '@/lib/ext/site-rules';
import type { SiteRulesRead } from '@/lib/ext/site-rules-store';

const NOW = Date.UTC(2025, 6, 14, 12);

function rules(over: Partial<SiteRulesRead> = {}): SiteRulesRead {
  return {
    mode: 'all-except-listed',
    sites: [],
    unreadable: [],
    area: 'sync',
    problem: null,
    extra: {},
    needsRepair: false,
    ...over,
  };
}

function input(over: Partial<DecisionInput> = {}): DecisionInput {
  return { siteRules: rules(), paused: false, snoozes: {}, untrusted: [], ...over };
}

const runs = { run: true, reason: null, snoozedUntil: null, undecided: [] };
const undecided = (...names: UndecidedSetting[]) => ({
  run: false,
  reason: 'undecided',
  snoozedUntil: null,
  undecided: names,
});

describe('decideSite', () => {
  it('follows the rules: listed sites are off in "all except" mode, on in "only listed" mode', () => {
    const allExcept = input({ siteRules: rules({ sites: ['example.com'] }) });
    expect(decideSite(allExcept, 'news.example.com', NOW)).toMatchObject({ run: false, reason: 'site-off' });
    expect(decideSite(allExcept, 'other.org', NOW)).toEqual(runs);
    const onlyListed = input({ siteRules: rules({ mode: 'only-listed', sites: ['example.com'] }) });
    expect(decideSite(onlyListed, 'example.com', NOW)).toEqual(runs);
    expect(decideSite(onlyListed, 'other.org', NOW)).toMatchObject({ run: false, reason: 'site-off' });
    expect(decideSite(onlyListed, null, NOW)).toMatchObject({ run: false, reason: 'unsupported' });
  });

  it('stays off everywhere, naming the setting, when the mode is unknown or the list incomplete or unreadable', () => {
    for (const siteRules of [
      rules({ mode: null, problem: 'damaged', sites: ['example.com'] }),
      rules({ problem: 'incomplete' }),
      rules({ problem: 'unreadable', mode: null }),
    ]) {
      expect(decideSite(input({ siteRules }), 'example.com', NOW)).toEqual(undecided('siteRules'));
      expect(decideSite(input({ siteRules }), 'other.org', NOW)).toEqual(undecided('siteRules'));
    }
  });

  it('with damaged entries in "only listed" mode: listed sites run, the others stay off as they would', () => {
    const siteRules = rules({ mode: 'only-listed', sites: ['example.com'], unreadable: [42], problem: 'damaged' });
    expect(decideSite(input({ siteRules }), 'example.com', NOW)).toEqual(runs);
    expect(decideSite(input({ siteRules }), 'other.org', NOW)).toMatchObject({ run: false, reason: 'site-off' });
  });

  it('with damaged entries in "all except" mode: sites not listed cannot be decided and stay off', () => {
    const siteRules = rules({ sites: ['example.com'], unreadable: ['bank.ex ample'], problem: 'damaged' });
    expect(decideSite(input({ siteRules }), 'example.com', NOW)).toMatchObject({ reason: 'site-off' });
    expect(decideSite(input({ siteRules }), 'other.org', NOW)).toEqual(undecided('siteRules'));
  });

  it('knows a pause, and stays off when the pause switch cannot be read', () => {
    expect(decideSite(input({ paused: true }), 'a.com', NOW)).toMatchObject({ run: false, reason: 'paused' });
    expect(decideSite(input({ untrusted: ['paused'] }), 'a.com', NOW)).toEqual(undecided('paused'));
    // Known to be paused is enough, whatever else could not be read.
    const broken = input({ paused: true, siteRules: rules({ problem: 'unreadable', mode: null }) });
    expect(decideSite(broken, 'a.com', NOW)).toMatchObject({ reason: 'paused' });
  });

  it('says when a snooze ends, for the site and its subdomains; an ended snooze is over', () => {
    const snoozes = { 'example.com': NOW + 60_000, 'old.org': NOW - 1 };
    expect(decideSite(input({ snoozes }), 'news.example.com', NOW)).toEqual({
      run: false,
      reason: 'snoozed',
      snoozedUntil: NOW + 60_000,
      undecided: [],
    });
    expect(decideSite(input({ snoozes }), 'old.org', NOW)).toEqual(runs);
    expect(decideSite(input({ snoozes }), 'example.com', NOW + 60_000)).toEqual(runs);
    expect(decideSite(input({ snoozes: null, untrusted: ['snoozes'] }), 'a.com', NOW)).toEqual(undecided('snoozes'));
  });

  it('stays off when the muted names cannot be read, and names every setting in doubt', () => {
    const broken = input({ untrusted: ['mutedEntities', 'siteRules'], siteRules: rules({ problem: 'incomplete' }) });
    expect(decideSite(broken, 'a.com', NOW)).toEqual(undecided('mutedEntities', 'siteRules'));
  });
});

describe('effectiveRules', () => {
  const cases: DecisionInput[] = [
    input(),
    input({ siteRules: rules({ sites: ['a.com'] }) }),
    input({ siteRules: rules({ mode: 'only-listed', sites: ['a.com', 'b.org'] }) }),
    input({ siteRules: rules({ mode: 'only-listed', sites: ['a.com'], unreadable: [1], problem: 'damaged' }) }),
    input({ siteRules: rules({ sites: ['a.com'], unreadable: [1], problem: 'damaged' }) }),
    input({ siteRules: rules({ mode: null, problem: 'damaged' }) }),
    input({ siteRules: rules({ problem: 'incomplete' }) }),
    input({ snoozes: { 'a.com': NOW + 1000 } }),
    input({ siteRules: rules({ mode: 'only-listed', sites: ['a.com'] }), snoozes: { 'sub.a.com': NOW + 1000 } }),
    input({ snoozes: null, untrusted: ['snoozes'] }),
    input({ untrusted: ['paused'] }),
    input({ untrusted: ['mutedEntities'] }),
  ];
  const sites = ['a.com', 'sub.a.com', 'b.org', 'c.net'];

  it('never lets the extension run where the decision says it must not (narrower, never wider)', () => {
    for (const [i, decision] of cases.entries()) {
      const { siteRules, paused } = effectiveRules(decision, NOW);
      for (const site of sites) {
        if (isEnabledOn(site, siteRules, paused))
          expect(decideSite(decision, site, NOW).run, `case ${i}, ${site}`).toBe(true);
      }
    }
  });

  it('matches the decision exactly where no snooze is involved', () => {
    for (const [i, decision] of cases.entries()) {
      if (decision.snoozes && Object.keys(decision.snoozes).length > 0) continue;
      const { siteRules, paused } = effectiveRules(decision, NOW);
      for (const site of sites) {
        expect(isEnabledOn(site, siteRules, paused), `case ${i}, ${site}`).toBe(decideSite(decision, site, NOW).run);
      }
    }
  });
});
