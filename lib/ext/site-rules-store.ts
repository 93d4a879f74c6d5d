import { storage } from 'wxt/utils/storage';
import { DEFAULT_SITE_RULES, readRule, type SiteMode, type SiteRules } from './site-rules';

/**
 * Where the site rules live. storage.sync allows 8,192 bytes an item
 * (its key plus the JSON of its value), 102,400 in all, 512 items and 120
 * writes a minute; a list of 10,000 sites takes about 200 KB. So:
 *
 * - a list that fits in SITE_RULES_SYNC_BUDGET is synced, split into parts:
 *   `siteRules` holds the mode and the first sites, `siteRules.1`… the rest,
 *   all written by one `set` (one write, applied at once); each part carries
 *   the head's `rev`, so a list half-arrived from another browser is seen as
 *   incomplete rather than read as shorter;
 * - a longer list is kept in `local:siteRulesLocal`, in this browser only
 *   (the synced copy is left as it was, for the other browsers), and the
 *   options page says so. While that item exists it is the list this browser
 *   uses; a save that fits in sync again moves it back.
 *
 * A small list is stored exactly as before (`{ mode, sites }`), so values
 * written by earlier versions read unchanged: the item keeps version 1.
 */
export const SITE_RULES_VERSION = 1;

export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  bytes: 102_400,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
} as const;

/** The other synced settings take under 7 KB (muted entities at most 6.6 KB): 16 KiB is left to them. */
export const SITE_RULES_SYNC_BUDGET = SYNC_QUOTA.bytes - 16_384;
/** Below the 8,192-byte quota, in case a browser counts a few bytes more than we do. */
const ITEM_TARGET = 8000;
/** A list longer than this is refused: every page load looks a site up in it. */
export const MAX_SITES = 20_000;

const HEAD = 'siteRules';
const partKey = (n: number) => `${HEAD}.${n}`;
const inSync = (key: string): `sync:${string}` => `sync:${key}`;
const MAX_PARTS = Math.floor(SITE_RULES_SYNC_BUDGET / 1000);

export const syncHead = storage.defineItem<Record<string, unknown>>(`sync:${HEAD}`, {
  fallback: { ...DEFAULT_SITE_RULES },
  version: SITE_RULES_VERSION,
});
export const localRules = storage.defineItem<Record<string, unknown> | null>('local:siteRulesLocal', {
  fallback: null,
  version: SITE_RULES_VERSION,
});

export type RulesArea = 'sync' | 'local';
/** Why stored rules cannot be trusted whole. */
export type RulesProblem = 'unreadable' | 'incomplete' | 'damaged' | 'newer';

export interface SiteRulesRead {
  /** Null when the stored mode is missing or unknown: then no site can be decided. */
  mode: SiteMode | null;
  /** The entries that are sites, as rule keys, unique and sorted. */
  sites: string[];
  /** Stored entries that are not sites; kept as they are until the user removes them. */
  unreadable: unknown[];
  area: RulesArea;
  problem: RulesProblem | null;
  /** Fields of the stored value this version does not know (a newer one's); every write keeps them. */
  extra: Record<string, unknown>;
  /** Storing the same rules again would change the stored text (keys to normalise, duplicates, order). */
  needsRepair: boolean;
}

/** What a save stores: the rules, and the unreadable entries the user has not removed. */
export interface StoredSiteRules extends SiteRules {
  unreadable: readonly unknown[];
}

export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const KNOWN_FIELDS = new Set(['mode', 'sites', 'parts', 'rev']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored list (head or local copy) without ever dropping what it cannot read. */
export function parseStoredRules(raw: unknown, entries: readonly unknown[], newer: boolean) {
  const head = isRecord(raw) ? raw : {};
  const mode = head.mode === 'all-except-listed' || head.mode === 'only-listed' ? head.mode : null;
  const keys = new Set<string>();
  const unreadable: unknown[] = [];
  // A value that is not an object at all (a bare list, a string) keeps its content as entries.
  const all = isRecord(raw) ? entries : raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  for (const entry of all) {
    const read = readRule(entry);
    if ('key' in read) keys.add(read.key);
    else unreadable.push(entry);
  }
  const sites = [...keys].sort();
  const extra = Object.fromEntries(Object.entries(head).filter(([k]) => !KNOWN_FIELDS.has(k)));
  const damaged = !isRecord(raw) || mode === null || unreadable.length > 0;
  // The canonical form: sites in order, then what could not be read, as it was.
  const needsRepair = mode !== null && JSON.stringify(all) !== JSON.stringify([...sites, ...unreadable]);
  return {
    mode,
    sites,
    unreadable,
    extra,
    needsRepair,
    problem: damaged ? (newer ? 'newer' : 'damaged') : null,
  } as const;
}

function storedVersion(meta: unknown): number {
  return isRecord(meta) && typeof meta.v === 'number' ? meta.v : 1;
}

const EMPTY_READ: Omit<SiteRulesRead, 'area' | 'problem'> = {
  mode: null,
  sites: [],
  unreadable: [],
  extra: {},
  needsRepair: false,
};

/** Reads the rules this browser uses: its local copy if it has one, else the synced list. Never throws. */
export async function readSiteRules(): Promise<SiteRulesRead> {
  let local: unknown;
  let localMeta: unknown;
  try {
    [local, localMeta] = await Promise.all([localRules.getValue(), localRules.getMeta()]);
  } catch {
    return { ...EMPTY_READ, area: 'local', problem: 'unreadable' };
  }
  if (local !== null && local !== undefined) {
    const sites = isRecord(local) && Array.isArray(local.sites) ? local.sites : isRecord(local) ? [local.sites] : [];
    const parsed = parseStoredRules(
      local,
      sites.filter((s) => s !== undefined),
      storedVersion(localMeta) > 1,
    );
    return { ...parsed, area: 'local' };
  }
  try {
    const [head, meta] = await Promise.all([storage.getItem<unknown>(`sync:${HEAD}`), syncHead.getMeta()]);
    if (head === null || head === undefined)
      return { ...EMPTY_READ, ...DEFAULT_SITE_RULES, area: 'sync', problem: null };
    const entries = await syncEntries(head);
    if (!entries) return { ...EMPTY_READ, area: 'sync', problem: 'incomplete' };
    return { ...parseStoredRules(head, entries, storedVersion(meta) > SITE_RULES_VERSION), area: 'sync' };
  } catch {
    return { ...EMPTY_READ, area: 'sync', problem: 'unreadable' };
  }
}

/** The head's entries followed by its parts'; null when a part is missing or from another save. */
async function syncEntries(head: unknown): Promise<unknown[] | null> {
  if (!isRecord(head)) return [];
  const first = Array.isArray(head.sites) ? head.sites : head.sites === undefined ? [] : [head.sites];
  const parts = head.parts;
  if (parts === undefined) return first;
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 0 || parts > MAX_PARTS) return null;
  if (parts === 0) return first;
  const keys = Array.from({ length: parts }, (_, i) => inSync(partKey(i + 1)));
  const stored = await storage.getItems(keys);
  const rest: unknown[] = [];
  for (const { value } of stored) {
    if (!isRecord(value) || value.rev !== head.rev || !Array.isArray(value.sites)) return null;
    rest.push(...value.sites);
  }
  return [...first, ...rest];
}

export interface SyncLayout {
  items: { key: `sync:${string}`; value: unknown }[];
  bytes: number;
}

/**
 * The sync items for a list, each under ITEM_TARGET bytes; null when the
 * whole would pass SITE_RULES_SYNC_BUDGET (or one entry alone is too big).
 */
export function syncLayout(
  mode: SiteMode,
  entries: readonly unknown[],
  extra: Record<string, unknown>,
  rev: string,
): SyncLayout | null {
  const inline = { ...extra, mode, sites: entries };
  const inlineBytes = syncItemBytes(HEAD, inline);
  if (inlineBytes <= ITEM_TARGET) return { items: [{ key: inSync(HEAD), value: inline }], bytes: inlineBytes };

  // Overheads measured with empty lists (and the largest `parts` count), then one entry at a time.
  const headBase = syncItemBytes(HEAD, { ...extra, mode, sites: [], parts: MAX_PARTS, rev });
  const partBase = syncItemBytes(partKey(MAX_PARTS), { rev, sites: [] });
  let chunk: unknown[] = [];
  const chunks = [chunk];
  let used = headBase;
  let done = 0;
  for (const entry of entries) {
    const size = syncItemBytes('', entry);
    if (used + size + (chunk.length > 0 ? 1 : 0) > ITEM_TARGET) {
      done += used;
      chunk = [];
      chunks.push(chunk);
      used = partBase;
      if (used + size > ITEM_TARGET || chunks.length - 1 > MAX_PARTS) return null;
    }
    used += size + (chunk.length > 0 ? 1 : 0);
    chunk.push(entry);
    if (done + used > SITE_RULES_SYNC_BUDGET) return null;
  }
  const [first = [], ...rest] = chunks;
  const items: SyncLayout['items'] = [
    { key: inSync(HEAD), value: { ...extra, mode, sites: first, parts: rest.length, rev } },
    ...rest.map((sites, i) => ({ key: inSync(partKey(i + 1)), value: { rev, sites } })),
  ];
  const bytes = items.reduce((sum, { key, value }) => sum + syncItemBytes(key.slice(5), value), 0);
  return bytes <= SITE_RULES_SYNC_BUDGET ? { items, bytes } : null;
}

/** Bytes the list would take in storage.sync (its items' keys and JSON), whether or not it fits. */
export function syncBytesOf(rules: StoredSiteRules): number {
  return syncItemBytes(HEAD, { mode: rules.mode, sites: [...rules.sites, ...rules.unreadable] });
}

/** A quota error from storage.sync about size or items (not the write rate): local storage can take it. */
function isSizeQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /QUOTA_BYTES|MAX_ITEMS|exceeded its quota|QuotaExceeded/i.test(message) && !/WRITE_OPERATIONS/.test(message);
}

function newRev(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * Stores the rules: in sync when they fit, else in this browser only.
 * Resolves once the browser has accepted the write, with where it went;
 * rejects when nothing could be stored (what was stored before stays).
 */
export async function writeSiteRules(
  rules: StoredSiteRules,
  extra: Record<string, unknown>,
  /** 'local' keeps a local list local (a repair must not move it). */
  keepArea?: RulesArea,
): Promise<RulesArea> {
  if (rules.sites.length + rules.unreadable.length > MAX_SITES) throw new Error(`More than ${MAX_SITES} sites`);
  const entries = [...rules.sites, ...rules.unreadable];
  const layout = keepArea === 'local' ? null : syncLayout(rules.mode, entries, extra, newRev());
  if (layout) {
    const before = await storage.getItem<unknown>(`sync:${HEAD}`).catch(() => null);
    try {
      await storage.setItems(layout.items);
    } catch (error) {
      if (!isSizeQuotaError(error)) throw error;
      return writeLocal(rules, entries, extra);
    }
    // Until the local copy is gone this browser keeps reading it: a failure here is a failed save.
    if ((await localRules.getValue()) !== null) await localRules.removeValue();
    const oldParts = isRecord(before) && typeof before.parts === 'number' ? Math.min(before.parts, MAX_PARTS) : 0;
    const stale = Array.from({ length: Math.max(0, oldParts - (layout.items.length - 1)) }, (_, i) =>
      partKey(layout.items.length + i),
    );
    // The head no longer names them: leftovers cost bytes, never correctness.
    if (stale.length > 0) await storage.removeItems(stale.map(inSync)).catch(() => {});
    return 'sync';
  }
  return writeLocal(rules, entries, extra);
}

async function writeLocal(rules: SiteRules, entries: unknown[], extra: Record<string, unknown>): Promise<RulesArea> {
  await localRules.setValue({ ...extra, mode: rules.mode, sites: entries });
  return 'local';
}
