/**
 * Mention counts per tab, summed over its frames: each frame's content
 * script reports its own total, and the badge shows the tab's.
 */
export class TabCounts {
  private tabs = new Map<number, Map<number, number>>();

  /** Records a frame's total; returns the tab's new total. */
  set(tabId: number, frameId: number, total: number): number {
    let frames = this.tabs.get(tabId);
    if (!frames) {
      frames = new Map();
      this.tabs.set(tabId, frames);
    }
    if (total > 0) frames.set(frameId, total);
    else frames.delete(frameId);
    return this.total(tabId);
  }

  total(tabId: number): number {
    let sum = 0;
    for (const n of this.tabs.get(tabId)?.values() ?? []) sum += n;
    return sum;
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
  }
}

/** Badge text: empty for none, the number up to 999, then "999+". */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}
