import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Makes the fake browser's storage.sync enforce the real quotas, which
 * WXT's fake browser does not: 8,192 bytes an item (its key plus the JSON of
 * its value, in UTF-8), 102,400 bytes in all, 512 items, 120 writes a minute
 * and 1,800 an hour (each set, remove or clear call is one write, whatever
 * it holds). A refused call changes nothing and rejects with Chrome's
 * messages. The clock is the caller's, so write rates can be tested without
 * waiting a minute.
 */
export const SYNC_LIMITS = {
  bytesPerItem: 8192,
  bytes: 102_400,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
} as const;

export interface QuotaStorage {
  /** Moves the clock on. */
  advance(ms: number): void;
  /** Writes accepted so far. */
  writes(): number;
  /** Writes refused so far, with their messages. */
  refusals(): string[];
  /** Bytes stored now, as the quota counts them. */
  bytesInUse(): Promise<number>;
  restore(): void;
}

const encoder = new TextEncoder();
export const itemBytes = (key: string, value: unknown) => encoder.encode(key + JSON.stringify(value)).length;

export function enforceSyncQuotas(start = 0): QuotaStorage {
  const area = fakeBrowser.storage.sync;
  const original = { set: area.set, remove: area.remove, clear: area.clear };
  let now = start;
  const accepted: number[] = [];
  const refused: string[] = [];

  const refuse = (message: string): never => {
    refused.push(message);
    throw new Error(message);
  };

  // Chrome counts writes over a sliding minute and hour, and rejects the one that goes over.
  const checkRate = () => {
    const lastMinute = accepted.filter((t) => t > now - 60_000).length;
    const lastHour = accepted.filter((t) => t > now - 3_600_000).length;
    if (lastMinute >= SYNC_LIMITS.writesPerMinute)
      refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (lastHour >= SYNC_LIMITS.writesPerHour) refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
  };

  area.set = async (items: Record<string, unknown>) => {
    checkRate();
    const current = await area.get(null);
    const next = { ...current };
    for (const [key, value] of Object.entries(JSON.parse(JSON.stringify(items)) as Record<string, unknown>)) {
      if (itemBytes(key, value) > SYNC_LIMITS.bytesPerItem) refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      next[key] = value;
    }
    if (Object.keys(next).length > SYNC_LIMITS.items) refuse('MAX_ITEMS quota exceeded');
    const total = Object.entries(next).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    if (total > SYNC_LIMITS.bytes) refuse('QUOTA_BYTES quota exceeded');
    accepted.push(now);
    return original.set(items);
  };
  area.remove = async (keys: string | string[]) => {
    checkRate();
    accepted.push(now);
    return original.remove(keys);
  };
  area.clear = async () => {
    checkRate();
    accepted.push(now);
    return original.clear();
  };

  return {
    advance(ms) {
      now += ms;
    },
    writes: () => accepted.length,
    refusals: () => [...refused],
    bytesInUse: async () =>
      Object.entries(await area.get(null)).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0),
    restore() {
      Object.assign(area, original);
    },
  };
}
