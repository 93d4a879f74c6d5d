/**
 * Mention counts per tab, per frame and per entity: each frame's content
 * script reports its own, the badge shows the tab's total and the popup
 * lists the tab's entities. Plain data, so the background can keep it in
 * session storage across service-worker restarts.
 */
export type FrameCounts = Record<string, number>;
export type TabCountsData = Record<string, Record<string, FrameCounts>>;

export class TabCounts {
  constructor(private data: TabCountsData = {}) {}

  /** Records a frame's counts; returns the tab's new total. */
  set(tabId: number, frameId: number, counts: FrameCounts): number {
    const frames = this.data[tabId] ?? {};
    this.data[tabId] = frames;
    if (Object.values(counts).some((n) => n > 0)) frames[frameId] = { ...counts };
    else delete frames[frameId];
    if (Object.keys(frames).length === 0) delete this.data[tabId];
    return this.total(tabId);
  }

  /** Mentions per entity in the tab, summed over its frames. */
  byEntity(tabId: number): FrameCounts {
    const sum: FrameCounts = {};
    for (const counts of Object.values(this.data[tabId] ?? {})) {
      for (const [entity, n] of Object.entries(counts)) sum[entity] = (sum[entity] ?? 0) + n;
    }
    return sum;
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
