import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_SITES,
  readSiteRules,
  SITE_RULES_SYNC_BUDGET,
  type StoredSiteRules,
  syncLayout,
  writeSiteRules,
} from '@/lib/ext/site-rules-store';
import { enforceSyncQuotas, itemBytes, type QuotaStorage, SYNC_LIMITS } from '@/tests/helpers/quota-storage';

let quota: QuotaStorage;
beforeEach(() => {
  fakeBrowser.reset();
  quota = enforceSyncQuotas();
});
afterEach(() => {
  quota.restore();
  vi.restoreAllMocks();
});

/** `n` distinct hosts, sorted as rule keys are, about 24 characters each. */
const hosts = (n: number, prefix = 'site') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}.example-news.com`);
const rules = (sites: string[], mode: StoredSiteRules['mode'] = 'all-except-listed'): StoredSiteRules => ({
  mode,
  sites,
  unreadable: [],
});
const syncData = () => fakeBrowser.storage.sync.get(null) as Promise<Record<string, unknown>>;

describe('writeSiteRules and readSiteRules within the storage.sync quotas', () => {
  it('stores a small list as one item, exactly as earlier versions did', async () => {
    expect(await writeSiteRules(rules(['a.com', 'b.org'], 'only-listed'), {})).toBe('sync');
    expect(await syncData()).toEqual({ siteRules: { mode: 'only-listed', sites: ['a.com', 'b.org'] } });
    expect(await readSiteRules()).toMatchObject({
      mode: 'only-listed',
      sites: ['a.com', 'b.org'],
      area: 'sync',
      problem: null,
      needsRepair: false,
    });
  });

  it('reads a value written by an earlier version unchanged', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'all-except-listed', sites: ['example.com'] } });
    expect(await readSiteRules()).toMatchObject({ mode: 'all-except-listed', sites: ['example.com'], problem: null });
  });

  it('splits 2,500 sites over items under 8,192 bytes each, written by one set', async () => {
    const sites = hosts(2500);
    expect(await writeSiteRules(rules(sites), {})).toBe('sync');
    expect(quota.writes()).toBe(1);
    const stored = await syncData();
    const sizes = Object.entries(stored).map(([key, value]) => itemBytes(key, value));
    expect(sizes.length).toBeGreaterThan(9);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_LIMITS.bytesPerItem);
    expect(await quota.bytesInUse()).toBeLessThanOrEqual(SITE_RULES_SYNC_BUDGET);
    expect(await readSiteRules()).toMatchObject({ sites, area: 'sync', problem: null });
    expect(quota.refusals()).toEqual([]);
  });

  it('keeps 10,000 sites in this browser only, leaving the synced list as it was', async () => {
    await writeSiteRules(rules(['old.example']), {});
    const sites = hosts(10_000);
    expect(await writeSiteRules(rules(sites), {})).toBe('local');
    expect(await syncData()).toEqual({ siteRules: { mode: 'all-except-listed', sites: ['old.example'] } });
    const read = await readSiteRules();
    expect(read).toMatchObject({ area: 'local', problem: null, mode: 'all-except-listed' });
    expect(read.sites).toHaveLength(10_000);
    expect(read.sites.at(-1)).toBe(sites.at(-1));
    expect(quota.refusals()).toEqual([]);
  });

  it('moves a list back to sync once it fits again, and the local copy goes', async () => {
    await writeSiteRules(rules(hosts(10_000)), {});
    expect(await writeSiteRules(rules(hosts(50)), {})).toBe('sync');
    expect((await fakeBrowser.storage.local.get('siteRulesLocal')).siteRulesLocal).toBeUndefined();
    expect(await readSiteRules()).toMatchObject({ area: 'sync', sites: hosts(50) });
  });

  it('removes parts a shorter list no longer needs, and never reads a stale one', async () => {
    await writeSiteRules(rules(hosts(2500)), {});
    const before = Object.keys(await syncData()).length;
    await writeSiteRules(rules(hosts(1000, 'other')), {});
    const after = Object.keys(await syncData());
    expect(after.length).toBeLessThan(before);
    expect(await readSiteRules()).toMatchObject({ sites: hosts(1000, 'other'), problem: null });

    // Even if removing them had failed, the head names only its own parts.
    await writeSiteRules(rules(hosts(2500)), {});
    vi.spyOn(fakeBrowser.storage.sync, 'remove').mockRejectedValue(new Error('offline'));
    await writeSiteRules(rules(hosts(400, 'x')), {});
    expect(await readSiteRules()).toMatchObject({ sites: hosts(400, 'x'), problem: null });
  });

  it('calls a list whose parts are from another save, or missing, incomplete (a sync half-arrived)', async () => {
    await writeSiteRules(rules(hosts(2500)), {});
    const stored = await syncData();
    await fakeBrowser.storage.sync.set({ 'siteRules.2': { ...(stored['siteRules.2'] as object), rev: 'another' } });
    expect(await readSiteRules()).toMatchObject({ problem: 'incomplete', mode: null, sites: [] });
    await fakeBrowser.storage.sync.remove('siteRules.2');
    expect((await readSiteRules()).problem).toBe('incomplete');
  });

  it('keeps fields it does not know, inline and split', async () => {
    await writeSiteRules(rules(['a.com']), { future: { x: 1 } });
    expect((await syncData()).siteRules).toEqual({ future: { x: 1 }, mode: 'all-except-listed', sites: ['a.com'] });
    await writeSiteRules(rules(hosts(2500)), { future: { x: 1 } });
    expect(await readSiteRules()).toMatchObject({ extra: { future: { x: 1 } }, problem: null });
  });

  it('keeps entries that are not sites, after the sites, and reports them', async () => {
    await fakeBrowser.storage.sync.set({
      siteRules: { mode: 'only-listed', sites: ['b.com', 42, 'WWW.A.com', 'x y'] },
    });
    const read = await readSiteRules();
    expect(read).toMatchObject({ sites: ['a.com', 'b.com'], unreadable: [42, 'x y'], problem: 'damaged' });
    expect(read.needsRepair).toBe(true);
    await writeSiteRules({ mode: 'only-listed', sites: read.sites, unreadable: read.unreadable }, read.extra);
    expect((await syncData()).siteRules).toEqual({ mode: 'only-listed', sites: ['a.com', 'b.com', 42, 'x y'] });
    expect((await readSiteRules()).needsRepair).toBe(false);
  });

  it('reads an unknown mode as unknown, never as another mode, and keeps the sites', async () => {
    for (const bad of [{ mode: 'sometimes', sites: ['a.com'] }, ['a.com'], 'a.com', 42]) {
      await fakeBrowser.storage.sync.set({ siteRules: bad });
      const read = await readSiteRules();
      expect(read.mode, JSON.stringify(bad)).toBeNull();
      expect(read.problem).toBe('damaged');
      if (typeof bad !== 'number') expect(read.sites).toEqual(['a.com']);
    }
    await fakeBrowser.storage.sync.set({ siteRules: { mode: 'smart', sites: [] }, siteRules$: { v: 2 } });
    expect((await readSiteRules()).problem).toBe('newer');
  });

  it('rejects a save refused for the write rate, and leaves what was stored', async () => {
    await writeSiteRules(rules(['kept.com']), {});
    for (let i = 1; i < SYNC_LIMITS.writesPerMinute; i++) await fakeBrowser.storage.sync.set({ other: i });
    await expect(writeSiteRules(rules(['lost.com']), {})).rejects.toThrow(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    expect((await readSiteRules()).sites).toEqual(['kept.com']);
    quota.advance(61_000);
    await writeSiteRules(rules(['saved.com']), {});
    expect((await readSiteRules()).sites).toEqual(['saved.com']);
  });

  it('falls back to this browser when sync is too full for a list that should fit', async () => {
    await fakeBrowser.storage.sync.set(
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`filler${i}`, 'x'.repeat(8000)])),
    );
    expect(await writeSiteRules(rules(hosts(1000)), {})).toBe('local');
    expect((await readSiteRules()).sites).toHaveLength(1000);
  });

  it(`refuses more than ${MAX_SITES} sites`, async () => {
    await expect(writeSiteRules(rules(hosts(MAX_SITES + 1)), {})).rejects.toThrow(/More than/);
  });

  it('says unreadable, never empty, when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('IO error'));
    expect(await readSiteRules()).toMatchObject({ problem: 'unreadable', mode: null, area: 'sync' });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await readSiteRules()).toMatchObject({ problem: 'unreadable', area: 'local' });
  });
});

describe('syncLayout', () => {
  it('answers null for a list past the budget, or an entry that fits no item', () => {
    expect(syncLayout('only-listed', hosts(5000), {}, 'r')).toBeNull();
    expect(syncLayout('only-listed', ['x'.repeat(9000)], {}, 'r')).toBeNull();
    const layout = syncLayout('only-listed', hosts(2500), {}, 'r');
    expect(layout?.bytes).toBeLessThanOrEqual(SITE_RULES_SYNC_BUDGET);
  });
});
