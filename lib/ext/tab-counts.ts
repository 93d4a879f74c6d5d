/**
 * Mention counts per tab, per frame and per entity: each frame's content
 * script reports its own, the badge shows the tab's total and the popup
 * lists the tab's entities. Plain data, so the background can keep it in
 * session storage across service-worker restarts. Keys come from messages
 * and storage: they are only ever read as own properties, so a key such as
 * "toString" or "__proto__" is a count like any other, never a method.
 */
import type { PageLimit } from '@/lib/page/limits';

export type FrameCounts = Record<string, number>;
/** Per tab, per frame: the frame's counts, and the cap it reached if any. */
export type TabCountsData = Record<string, Record<string, FrameCounts>>;
export type TabLimitsData = Record<string, Record<string, PageLimit>>;

const own = (record: object, key: string) => Object.hasOwn(record, key);
const LIMIT_ORDER: readonly PageLimit[] = ['none', 'highlights', 'counts'];

function isCounts(value: unknown): value is FrameCounts {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export class TabCounts {
  private data: TabCountsData = {};
  private limits: TabLimitsData = {};

  /** `stored`: what session storage held (see `toJSON`); anything not of the expected shape is left out. */
  constructor(stored: unknown = {}) {
    if (!isRecord(stored) || !isRecord(stored.counts)) return;
    const limits = isRecord(stored.limits) ? stored.limits : {};
    for (const [tab, frames] of Object.entries(stored.counts)) {
      if (!/^\d+$/.test(tab) || !isRecord(frames)) continue;
      const tabLimits = own(limits, tab) && isRecord(limits[tab]) ? limits[tab] : {};
      for (const [frame, counts] of Object.entries(frames)) {
        if (!/^\d+$/.test(frame) || !isCounts(counts)) continue;
        const limit = own(tabLimits, frame) ? tabLimits[frame] : 'none';
        this.set(Number(tab), Number(frame), counts, LIMIT_ORDER.find((l) => l === limit) ?? 'none');
      }
    }
  }

  /** Records a frame's counts and the cap it reached; returns the tab's new total. */
  set(tabId: number, frameId: number, counts: FrameCounts, limit: PageLimit = 'none'): number {
    const frames = own(this.data, String(tabId)) ? (this.data[tabId] as Record<string, FrameCounts>) : {};
    const limits = own(this.limits, String(tabId)) ? (this.limits[tabId] as Record<string, PageLimit>) : {};
    this.data[tabId] = frames;
    this.limits[tabId] = limits;
    if (Object.values(counts).some((n) => n > 0)) frames[frameId] = { ...counts };
    else delete frames[frameId];
    if (limit !== 'none' && own(frames, String(frameId))) limits[frameId] = limit;
    else delete limits[frameId];
    if (Object.keys(frames).length === 0) this.forgetTab(tabId);
    return this.total(tabId);
  }

  /** Mentions per entity in the tab, summed over its frames. */
  byEntity(tabId: number): FrameCounts {
    const sum = new Map<string, number>();
    const frames = own(this.data, String(tabId)) ? (this.data[tabId] as Record<string, FrameCounts>) : {};
    for (const counts of Object.values(frames)) {
      for (const [entity, n] of Object.entries(counts)) sum.set(entity, (sum.get(entity) ?? 0) + n);
    }
    return Object.fromEntries(sum);
  }

  /** The furthest cap any frame of the tab reached. */
  limit(tabId: number): PageLimit {
    const limits = own(this.limits, String(tabId)) ? Object.values(this.limits[tabId] as object) : [];
    return LIMIT_ORDER.reduce<PageLimit>((worst, l) => (limits.includes(l) ? l : worst), 'none');
  }

  total(tabId: number): number {
    return Object.values(this.byEntity(tabId)).reduce((a, b) => a + b, 0);
  }

  forgetTab(tabId: number): void {
    delete this.data[tabId];
    delete this.limits[tabId];
  }

  toJSON(): { counts: TabCountsData; limits: TabLimitsData } {
    return { counts: this.data, limits: this.limits };
  }
}

/** Badge text: empty for none, the number up to 999, then "999+". */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

/** What a snoozed tab's badge reads, whatever its count: the snooze matters more than a number that is not shown. */
export const SNOOZE_BADGE = 'z';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  now(): number;
}

/**
 * Coalesces writes: `request` asks for a write, which happens at most once
 * every `intervalMs` (the first at once, the next at the end of the
 * interval, carrying every change asked for meanwhile). Counts change on
 * every scroll of a busy page; storage needs them only to survive a restart.
 */
const REAL_TIMERS: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), now: () => Date.now() };

export function coalesce(write: () => Promise<unknown>, intervalMs: number, timers: Timers = REAL_TIMERS) {
  let last = Number.NEGATIVE_INFINITY;
  let scheduled = false;
  const run = () => {
    scheduled = false;
    last = timers.now();
    write().catch(() => {});
  };
  return {
    request(): void {
      if (scheduled) return;
      scheduled = true;
      const wait = Math.max(0, last + intervalMs - timers.now());
      timers.setTimeout(run, wait);
    },
  };
}
