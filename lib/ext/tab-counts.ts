/**
 * Mention counts per tab, per frame and per entity: each frame's content
 * script reports its own, the badge shows the tab's total and the popup
 * lists the tab's entities. Plain data, so the background can keep it in
 * session storage across service-worker restarts. Keys come from messages
 * and storage: they are only ever read as own properties, so a key such as
 * "toString" or "__proto__" is a count like any other, never a method.
 */
export type FrameCounts = Record<string, number>;
export type TabCountsData = Record<string, Record<string, FrameCounts>>;

const own = (record: object, key: string) => Object.hasOwn(record, key);

function isCounts(value: unknown): value is FrameCounts {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}

export class TabCounts {
  private data: TabCountsData = {};

  /** `stored`: what session storage held; anything not of the expected shape is left out. */
  constructor(stored: unknown = {}) {
    if (typeof stored !== 'object' || stored === null) return;
    for (const [tab, frames] of Object.entries(stored)) {
      if (!/^\d+$/.test(tab) || typeof frames !== 'object' || frames === null) continue;
      for (const [frame, counts] of Object.entries(frames)) {
        if (/^\d+$/.test(frame) && isCounts(counts)) this.set(Number(tab), Number(frame), counts);
      }
    }
  }

  /** Records a frame's counts; returns the tab's new total. */
  set(tabId: number, frameId: number, counts: FrameCounts): number {
    const frames = own(this.data, String(tabId)) ? (this.data[tabId] as Record<string, FrameCounts>) : {};
    this.data[tabId] = frames;
    if (Object.values(counts).some((n) => n > 0)) frames[frameId] = { ...counts };
    else delete frames[frameId];
    if (Object.keys(frames).length === 0) delete this.data[tabId];
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

  total(tabId: number): number {
    return Object.values(this.byEntity(tabId)).reduce((a, b) => a + b, 0);
  }

  forgetTab(tabId: number): void {
    delete this.data[tabId];
  }

  toJSON(): TabCountsData {
    return this.data;
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
