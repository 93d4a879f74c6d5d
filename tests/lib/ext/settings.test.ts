import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  readSetting,
  SETTINGS,
  type Setting,
  type Settings,
  saveSetting,
  settingsNotice,
  watchSettings,
} from '@/lib/ext/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

/** Where each setting lives: the storage area and the key inside it (WXT's "area:key" without the area). */
const WHERE: { [K in keyof Settings]: ['sync' | 'local', string] } = {
  siteRules: ['sync', 'siteRules'],
  paused: ['local', 'paused'],
  categories: ['sync', 'categories'],
  highlightStyle: ['sync', 'highlightStyle'],
  hoverDelayMs: ['sync', 'hoverDelayMs'],
  language: ['sync', 'language'],
};

async function storeRaw(name: keyof Settings, value: unknown): Promise<void> {
  const [area, key] = WHERE[name];
  await fakeBrowser.storage[area].set({ [key]: value });
}

async function readRaw(name: keyof Settings): Promise<unknown> {
  const [area, key] = WHERE[name];
  return (await fakeBrowser.storage[area].get(key))[key];
}

/** Values of the wrong type or out of range, for every setting. */
const DAMAGED: { [K in keyof Settings]: unknown[] } = {
  siteRules: ['example.com', 42, ['example.com'], { mode: 'sometimes', sites: 'example.com' }, true],
  paused: ['yes', 1, {}, []],
  categories: ['subject', 7, { subject: true }, true, ['weather'], ['subject', 'subject', 'subject', 'subject', 'x']],
  highlightStyle: ['bold', 1, ['background'], {}],
  // (NaN cannot be stored: storage serialises values as JSON.)
  hoverDelayMs: ['300', -1, 3001, 12.5, {}, [300]],
  language: ['de', 'EN', 1, ['fr'], {}],
};

describe('loadSettings', () => {
  it('answers the defaults when nothing is stored, and writes nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.siteRules).toEqual({ mode: 'all-except-listed', sites: [] });
    expect(DEFAULT_SETTINGS.categories).toEqual(['subject']);
    expect(DEFAULT_SETTINGS.highlightStyle).toBe('background');
    expect(DEFAULT_SETTINGS.language).toBe('auto');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await settingsNotice.getValue()).toEqual([]);
  });

  it('answers what was saved', async () => {
    const saved: Settings = {
      siteRules: { mode: 'only-listed', sites: ['example.com', 'xn--bcher-kva.de'] },
      paused: true,
      categories: ['subject', 'model'],
      highlightStyle: 'underline',
      hoverDelayMs: 650,
      language: 'fr',
    };
    for (const name of Object.keys(saved) as (keyof Settings)[]) await saveSetting(name, saved[name] as never);
    expect(await loadSettings()).toEqual(saved);
    expect(await settingsNotice.getValue()).toEqual([]);
  });

  it('keeps site rules in sync storage and the pause switch in local storage', async () => {
    await saveSetting('siteRules', { mode: 'all-except-listed', sites: ['example.com'] });
    await saveSetting('paused', true);
    expect(await fakeBrowser.storage.sync.get('siteRules')).toEqual({
      siteRules: { mode: 'all-except-listed', sites: ['example.com'] },
    });
    expect(await fakeBrowser.storage.local.get('paused')).toEqual({ paused: true });
  });

  for (const name of Object.keys(DAMAGED) as (keyof Settings)[]) {
    it(`repairs a damaged ${name} to its fallback, writes it back and reports it`, async () => {
      for (const bad of DAMAGED[name]) {
        fakeBrowser.reset();
        await storeRaw(name, bad);
        const settings = await loadSettings();
        expect(settings[name], JSON.stringify(bad)).toEqual(SETTINGS[name].fallback);
        expect(await readRaw(name), JSON.stringify(bad)).toEqual(SETTINGS[name].fallback);
        expect(await settingsNotice.getValue()).toEqual([name]);
        // The other settings are untouched.
        expect({ ...settings, [name]: DEFAULT_SETTINGS[name] }).toEqual(DEFAULT_SETTINGS);
      }
    });
  }

  it('reports each repaired setting once, however often it is read', async () => {
    await storeRaw('language', 'klingon');
    await storeRaw('hoverDelayMs', 'slow');
    await loadSettings();
    await loadSettings();
    await storeRaw('language', 42);
    await loadSettings();
    expect((await settingsNotice.getValue()).sort()).toEqual(['hoverDelayMs', 'language']);
  });

  it('salvages the valid sites of damaged site rules and keeps a valid mode', async () => {
    await storeRaw('siteRules', { mode: 'only-listed', sites: ['example.com', 42, 'not a host', 'WWW.Foo.org'] });
    const { siteRules } = await loadSettings();
    expect(siteRules).toEqual({ mode: 'only-listed', sites: ['example.com', 'foo.org'] });
    expect(await readRaw('siteRules')).toEqual(siteRules);
    expect(await settingsNotice.getValue()).toEqual(['siteRules']);
  });

  it('salvages site rules with an unknown mode or extra fields, deduplicated and sorted', async () => {
    await storeRaw('siteRules', { mode: 'whenever', sites: ['b.org', 'www.b.org', 'A.com'], extra: true });
    expect((await loadSettings()).siteRules).toEqual({ mode: 'all-except-listed', sites: ['a.com', 'b.org'] });
  });

  it('salvages known categories from a damaged list', async () => {
    await storeRaw('categories', ['model', 'weather', 'model', 3, 'subject']);
    expect((await loadSettings()).categories).toEqual(['model', 'subject']);
    expect(await settingsNotice.getValue()).toEqual(['categories']);
  });

  it('keeps an empty list of categories: a valid choice, not damage', async () => {
    await storeRaw('categories', []);
    expect((await loadSettings()).categories).toEqual([]);
    expect(await settingsNotice.getValue()).toEqual([]);
  });

  it('records a repair even when the notice itself is damaged', async () => {
    await fakeBrowser.storage.local.set({ settingsNotice: 'garbage' });
    await storeRaw('language', 'xx');
    await loadSettings();
    expect(await settingsNotice.getValue()).toEqual(['language']);
  });

  it('reads a value whose stored version is unknown (newer) without crashing', async () => {
    await fakeBrowser.storage.sync.set({
      siteRules: { mode: 'only-listed', sites: ['example.com'] },
      siteRules$: { v: 99 },
    });
    expect((await loadSettings()).siteRules).toEqual({ mode: 'only-listed', sites: ['example.com'] });
    expect(await settingsNotice.getValue()).toEqual([]);
  });

  it('repairs a damaged value whose stored version is unknown', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { sites: 7 }, siteRules$: { v: 99 } });
    expect((await loadSettings()).siteRules).toEqual(DEFAULT_SETTINGS.siteRules);
  });

  it('never throws when storage fails: answers the fallbacks', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('quota'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('quota'));
    try {
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('keeps the repaired value when writing it back fails', async () => {
    await storeRaw('highlightStyle', 'sparkles');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('read-only'));
    try {
      expect((await loadSettings()).highlightStyle).toBe('background');
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('watchSettings', () => {
  it('calls back with all settings, checked, when one changes', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    try {
      await saveSetting('highlightStyle', 'underline');
      await vi.waitFor(() => expect(seen.at(-1)?.highlightStyle).toBe('underline'));
      expect(seen.at(-1)).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'underline' });

      // Another page (or a sync from another browser) writes garbage: the callback gets the repaired value.
      await saveSetting('hoverDelayMs', 900);
      await vi.waitFor(() => expect(seen.at(-1)?.hoverDelayMs).toBe(900));
      await storeRaw('hoverDelayMs', 'forever');
      await vi.waitFor(() => expect(seen.at(-1)?.hoverDelayMs).toBe(300));
      expect(seen.at(-1)?.highlightStyle).toBe('underline');
      expect(await readRaw('hoverDelayMs')).toBe(300);
      expect(await settingsNotice.getValue()).toEqual(['hoverDelayMs']);
    } finally {
      stop();
    }
  });

  it('stops calling back once stopped', async () => {
    const onChange = vi.fn();
    const stop = watchSettings(onChange);
    stop();
    await saveSetting('language', 'fr');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('migrations (how a future change of shape is handled)', () => {
  // v1 stored a bare list of sites; v2 stores { mode, sites }. A real setting would
  // do the same in lib/ext/settings.ts: bump `version` and add `migrations[2]`.
  interface RulesV2 {
    mode: 'all-except-listed' | 'only-listed';
    sites: string[];
  }
  const defineV2 = () =>
    storage.defineItem<RulesV2>('sync:testRules', {
      fallback: { mode: 'all-except-listed', sites: [] },
      version: 2,
      migrations: {
        2: (sites: string[]): RulesV2 => ({ mode: 'all-except-listed', sites }),
      },
    });

  it('migrates a v1 value on first read and records the new version', async () => {
    await fakeBrowser.storage.sync.set({ testRules: ['example.com'], testRules$: { v: 1 } });
    const item = defineV2();
    const setting: Setting<RulesV2> = {
      item,
      schema: SETTINGS.siteRules.schema,
      fallback: { mode: 'all-except-listed', sites: [] },
    };
    expect(await readSetting(setting, 'testRules')).toEqual({ mode: 'all-except-listed', sites: ['example.com'] });
    expect(await fakeBrowser.storage.sync.get(['testRules', 'testRules$'])).toEqual({
      testRules: { mode: 'all-except-listed', sites: ['example.com'] },
      testRules$: { v: 2 },
    });
    expect(await settingsNotice.getValue()).toEqual([]);
  });

  it('treats a value with no version as v1', async () => {
    await fakeBrowser.storage.sync.set({ testRules: ['a.com', 'b.org'] });
    const setting: Setting<RulesV2> = {
      item: defineV2(),
      schema: SETTINGS.siteRules.schema,
      fallback: { mode: 'all-except-listed', sites: [] },
    };
    expect(await readSetting(setting, 'testRules')).toEqual({ mode: 'all-except-listed', sites: ['a.com', 'b.org'] });
  });

  it('repairs a value the migration cannot make valid', async () => {
    await fakeBrowser.storage.sync.set({ testRules: 'example.com', testRules$: { v: 1 } });
    const setting: Setting<RulesV2> = {
      item: defineV2(),
      schema: SETTINGS.siteRules.schema,
      fallback: { mode: 'all-except-listed', sites: [] },
      salvage: SETTINGS.siteRules.salvage,
    };
    expect(await readSetting(setting, 'testRules')).toEqual({ mode: 'all-except-listed', sites: [] });
    expect(await settingsNotice.getValue()).toEqual(['testRules']);
  });

  it('survives a stored version newer than the code (a downgrade): reads the value as it is', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fakeBrowser.storage.sync.set({
        testRules: { mode: 'only-listed', sites: ['example.com'] },
        testRules$: { v: 99 },
      });
      const setting: Setting<RulesV2> = {
        item: defineV2(),
        schema: SETTINGS.siteRules.schema,
        fallback: { mode: 'all-except-listed', sites: [] },
      };
      expect(await readSetting(setting, 'testRules')).toEqual({ mode: 'only-listed', sites: ['example.com'] });
    } finally {
      error.mockRestore();
    }
  });
});
