import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  readSettings,
  repairSettings,
  SETTINGS,
  type Settings,
  type SimpleSettingName,
  SiteRulesUnavailableError,
  saveSetting,
  saveSiteEnabled,
  settingsNotice,
  watchSettings,
} from '@/lib/ext/settings';
import { enforceSyncQuotas, type QuotaStorage } from '@/tests/helpers/quota-storage';

let quota: QuotaStorage;
beforeEach(() => {
  fakeBrowser.reset();
  quota = enforceSyncQuotas();
});
afterEach(() => {
  quota.restore();
  vi.restoreAllMocks();
});

/** Where each setting lives: the storage area and the key inside it. */
const WHERE: { [K in SimpleSettingName]: ['sync' | 'local', string] } = {
  paused: ['local', 'paused'],
  categories: ['sync', 'categories'],
  highlightStyle: ['sync', 'highlightStyle'],
  hoverDelayMs: ['sync', 'hoverDelayMs'],
  language: ['sync', 'language'],
  mutedEntities: ['sync', 'mutedEntities'],
  enabledPacks: ['sync', 'enabledPacks'],
};

const storeRaw = (name: SimpleSettingName, value: unknown) =>
  fakeBrowser.storage[WHERE[name][0]].set({ [WHERE[name][1]]: value });
const readRaw = async (name: SimpleSettingName) =>
  (await fakeBrowser.storage[WHERE[name][0]].get(WHERE[name][1]))[WHERE[name][1]];

/** Damaged values of the settings whose fallback is harmless, and what reading makes of them. */
const DAMAGED: [SimpleSettingName, unknown, unknown][] = [
  ['categories', 'subject', DEFAULT_SETTINGS.categories],
  ['categories', ['model', 'weather', 'model', 3], ['model']],
  ['highlightStyle', 'bold', 'background'],
  // (NaN cannot be stored: storage serialises values as JSON.)
  ['hoverDelayMs', 3001, 300],
  ['hoverDelayMs', '300', 300],
  ['language', 'de', 'auto'],
  // Damaged means unknown: paused is the reading that never widens where the extension runs.
  ['paused', 'no', true],
  ['mutedEntities', ['siri', 'Not An Id', 7, 'siri', 'a-pack:a-person', 'a:b:c'], ['siri', 'a-pack:a-person']],
  // Only ids that were there are kept: a pack the user switched off never comes back on.
  [
    'enabledPacks',
    ['apple-ai-team-2025-07', 'Bad Id', 3, 'other-pack', 'a:b'],
    ['apple-ai-team-2025-07', 'other-pack'],
  ],
  ['enabledPacks', 'apple-ai-team-2025-07', []],
];

describe('readSettings and loadSettings', () => {
  it('answers the defaults when nothing is stored, and writes nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await readSettings()).problems).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(quota.writes()).toBe(0);
  });

  it('answers what was saved, each setting where it belongs', async () => {
    const saved: Omit<Settings, 'siteRules'> = {
      paused: false,
      categories: ['subject', 'model'],
      highlightStyle: 'underline',
      hoverDelayMs: 650,
      language: 'fr',
      mutedEntities: ['siri', 'craig-federighi', 'a-pack:a-person'],
      enabledPacks: ['a-pack'],
    };
    for (const name of Object.keys(saved) as SimpleSettingName[]) await saveSetting(name, saved[name] as never);
    await saveSiteEnabled('example.com', false);
    expect(await loadSettings()).toEqual({
      ...saved,
      siteRules: { mode: 'all-except-listed', sites: ['example.com'] },
    });
    for (const name of Object.keys(saved) as SimpleSettingName[]) expect(await readRaw(name)).toEqual(saved[name]);
  });

  it('refuses to save an invalid value', async () => {
    await expect(saveSetting('hoverDelayMs', -5)).rejects.toThrow(/Invalid/);
    await expect(
      saveSetting(
        'mutedEntities',
        Array.from({ length: 65 }, (_, i) => `e${i}`),
      ),
    ).rejects.toThrow();
  });

  it.each(DAMAGED)('reads a damaged %s (%j) as %j, reports it, and writes nothing', async (name, bad, expected) => {
    await storeRaw(name, bad);
    const writes = quota.writes();
    const read = await readSettings();
    expect(read.values[name]).toEqual(expected);
    expect(read.problems[name]).toBe('damaged');
    expect(await readRaw(name)).toEqual(bad);
    expect(quota.writes()).toBe(writes);
  });

  it('leaves the extension off everywhere when the pause switch or the muted names cannot be trusted', async () => {
    await storeRaw('mutedEntities', 'siri');
    expect((await readSettings()).untrusted).toEqual(['mutedEntities']);
    expect((await loadSettings()).siteRules).toEqual({ mode: 'only-listed', sites: [] });

    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const settings = await loadSettings();
    expect(settings.paused).toBe(true);
  });

  it('fails closed when storage cannot be read at all', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('IO error'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const settings = await loadSettings();
    expect(settings.paused).toBe(true);
    expect(settings.siteRules).toEqual({ mode: 'only-listed', sites: [] });
    // Settings that only change how names look fall back to the defaults.
    expect(settings.highlightStyle).toBe('background');
    // Which packs are on cannot be known: none is, rather than the default that would switch the bundled one back on.
    expect(settings.enabledPacks).toEqual([]);
  });

  it('enables the bundled pack by default, and keeps the enabled packs as saved', async () => {
    expect((await readSettings()).values.enabledPacks).toEqual(['apple-ai-team-2025-07']);
    await saveSetting('enabledPacks', []);
    expect((await readSettings()).values.enabledPacks).toEqual([]);
    await saveSetting('enabledPacks', ['other-pack', 'apple-ai-team-2025-07']);
    expect((await readSettings()).values.enabledPacks).toEqual(['other-pack', 'apple-ai-team-2025-07']);
    await expect(saveSetting('enabledPacks', ['Not An Id'])).rejects.toThrow(/Invalid/);
    await expect(saveSetting('enabledPacks', ['a', 'a'])).rejects.toThrow(/Invalid/);
  });

  it('never reads an unknown mode as another: in "only listed" mode a damaged setting widens nothing', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'only-listd', sites: ['example.com'] } });
    expect((await loadSettings()).siteRules).toEqual({ mode: 'only-listed', sites: [] });
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'only-listed', sites: ['example.com', 42] } });
    expect((await loadSettings()).siteRules).toEqual({ mode: 'only-listed', sites: ['example.com'] });
  });
});

describe('repairSettings (the background alone calls it)', () => {
  it('writes each repair once, names it in the notice, and then has nothing left to write', async () => {
    for (const [name, bad] of DAMAGED.filter(([n]) => n !== 'hoverDelayMs' && n !== 'categories')) {
      await storeRaw(name, bad);
    }
    const before = quota.writes();
    const repaired = await repairSettings();
    expect(repaired.sort()).toEqual(['enabledPacks', 'highlightStyle', 'language', 'mutedEntities', 'paused']);
    expect(await readRaw('paused')).toBe(true);
    expect(await readRaw('mutedEntities')).toEqual(['siri', 'a-pack:a-person']);
    // Not a list at all: no pack is enabled (the user enables again what they want; the notice says so).
    expect(await readRaw('enabledPacks')).toEqual([]);
    expect((await settingsNotice.getValue()).sort()).toEqual(repaired.sort());
    const afterFirst = quota.writes();
    expect(afterFirst - before).toBe(4);
    expect(await repairSettings()).toEqual([]);
    expect(quota.writes()).toBe(afterFirst);
  });

  it('never repairs what it could only replace by widening (muted names that are not a list)', async () => {
    await storeRaw('mutedEntities', { siri: true });
    expect(await repairSettings()).toEqual([]);
    expect(await readRaw('mutedEntities')).toEqual({ siri: true });
  });

  it('never changes the mode nor drops an entry of the site rules: it only normalises keys', async () => {
    await fakeBrowser.storage.sync.set({
      siteRules: { mode: 'only-listed', sites: ['WWW.B.org', 42, 'a.com', 'a.com'], future: 'kept' },
    });
    await repairSettings();
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({
      future: 'kept',
      mode: 'only-listed',
      sites: ['a.com', 'b.org', 42],
    });
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'whenever', sites: ['WWW.B.org'] } });
    await repairSettings();
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({
      mode: 'whenever',
      sites: ['WWW.B.org'],
    });
  });

  it('leaves a value from a newer version as it is, and its version number too', async () => {
    await fakeBrowser.storage.sync.set({ categories: ['subject', 'events'], categories$: { v: 2 } });
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'smart', sites: ['a.com'] }, siteRules$: { v: 3 } });
    const read = await readSettings();
    expect(read.problems).toMatchObject({ categories: 'newer', siteRules: 'newer' });
    expect(read.values.categories).toEqual(['subject']);
    expect(await repairSettings(read)).toEqual([]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      categories: ['subject', 'events'],
      categories$: { v: 2 },
      siteRules: { mode: 'smart', sites: ['a.com'] },
      siteRules$: { v: 3 },
    });
  });

  it('never writes a version down: saving over a newer value keeps its version number', async () => {
    await fakeBrowser.storage.sync.set({
      siteRules: { mode: 'only-listed', sites: [], next: 1 },
      siteRules$: { v: 3 },
    });
    await saveSiteEnabled('example.com', true);
    await saveSetting('language', 'fr');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      siteRules: { next: 1, mode: 'only-listed', sites: ['example.com'] },
      siteRules$: { v: 3 },
      language: 'fr',
    });
  });
});

describe('saveSiteEnabled', () => {
  it('refuses to switch a site while the rules cannot be read whole, rather than write over them', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'sometimes', sites: ['a.com'] } });
    await expect(saveSiteEnabled('b.com', false)).rejects.toBeInstanceOf(SiteRulesUnavailableError);
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({
      mode: 'sometimes',
      sites: ['a.com'],
    });
  });

  it('keeps entries it cannot read when switching a site', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'all-except-listed', sites: ['a.com', 42] } });
    await saveSiteEnabled('b.com', false);
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({
      mode: 'all-except-listed',
      sites: ['a.com', 'b.com', 42],
    });
  });
});

describe('watchSettings', () => {
  it('calls back with the settings as they apply whenever one changes', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    try {
      await saveSetting('highlightStyle', 'underline');
      await vi.waitFor(() => expect(seen.at(-1)?.highlightStyle).toBe('underline'));
      // Another page (or a sync from another browser) writes garbage: the callback gets what reading makes of it.
      await storeRaw('hoverDelayMs', 'forever');
      await vi.waitFor(() => expect(seen.at(-1)?.hoverDelayMs).toBe(300));
      expect(await readRaw('hoverDelayMs')).toBe('forever');
      await fakeBrowser.storage.local.set({ snoozes: { 'example.com': Date.now() + 60_000 } });
      await vi.waitFor(() =>
        expect(seen.at(-1)?.siteRules).toEqual({ mode: 'all-except-listed', sites: ['example.com'] }),
      );
    } finally {
      stop();
    }
  });

  it('stops calling back once stopped, and ignores other keys', async () => {
    const onChange = vi.fn();
    const stop = watchSettings(onChange);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
    stop();
    await saveSetting('language', 'fr');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('the settings definitions', () => {
  it('give every setting a fallback its own schema accepts, and a version', () => {
    for (const setting of Object.values(SETTINGS)) {
      expect(setting.version).toBe(1);
      expect(setting.item.fallback).toEqual(setting.fallback);
    }
  });
});
