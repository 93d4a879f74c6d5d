import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enforceSyncQuotas, itemBytes, type QuotaStorage, SYNC_LIMITS } from '@/tests/helpers/quota-storage';

let quota: QuotaStorage;
beforeEach(() => {
  fakeBrowser.reset();
  quota = enforceSyncQuotas();
});
afterEach(() => quota.restore());

const sync = () => fakeBrowser.storage.sync;

describe('the quota-enforcing storage.sync (a test helper, checked here)', () => {
  it('measures an item as its key plus the JSON of its value, in UTF-8 bytes', () => {
    expect(itemBytes('k', 'ab')).toBe(5);
    expect(itemBytes('k', ['é'])).toBe(7);
  });

  it('takes an item of exactly 8,192 bytes and refuses one byte more, changing nothing', async () => {
    const fill = (n: number) => 'x'.repeat(n - itemBytes('big', ''));
    await sync().set({ big: fill(SYNC_LIMITS.bytesPerItem) });
    await expect(sync().set({ big: fill(SYNC_LIMITS.bytesPerItem + 1), other: 1 })).rejects.toThrow(
      'QUOTA_BYTES_PER_ITEM quota exceeded',
    );
    expect((await sync().get('big')).big).toHaveLength(SYNC_LIMITS.bytesPerItem - 5);
    expect((await sync().get('other')).other).toBeUndefined();
  });

  it('refuses what would pass 102,400 bytes in all', async () => {
    await sync().set({ k0: 'small' });
    const items = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`k${i + 1}`, 'x'.repeat(8000)]));
    await expect(sync().set(items)).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect(await sync().get(null)).toEqual({ k0: 'small' });
    await sync().set(Object.fromEntries(Object.entries(items).slice(0, 12)));
    expect(await quota.bytesInUse()).toBeLessThanOrEqual(SYNC_LIMITS.bytes);
  });

  it('refuses a 513th item', async () => {
    await sync().set(Object.fromEntries(Array.from({ length: 512 }, (_, i) => [`k${i}`, i])));
    await expect(sync().set({ one: 'more' })).rejects.toThrow('MAX_ITEMS quota exceeded');
    await sync().set({ k0: 'replaced' });
  });

  it('counts each set and remove as one write, 120 a minute over a sliding minute', async () => {
    for (let i = 0; i < 120; i++) await (i % 2 ? sync().remove('a') : sync().set({ a: i, b: i }));
    await expect(sync().set({ a: 'too many' })).rejects.toThrow(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    await expect(sync().remove('a')).rejects.toThrow(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    quota.advance(60_001);
    await sync().set({ a: 'a minute later' });
    expect(quota.writes()).toBe(121);
    expect(quota.refusals()).toHaveLength(2);
  });

  it('refuses the 1,801st write of an hour', async () => {
    for (let minute = 0; minute < 15; minute++) {
      for (let i = 0; i < 120; i++) await sync().set({ a: i });
      quota.advance(60_001);
    }
    await expect(sync().set({ a: 'one more' })).rejects.toThrow(/MAX_WRITE_OPERATIONS_PER_HOUR/);
  });
});
