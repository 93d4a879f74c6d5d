/** How long the scan may hold the main thread before it lets the page run: well under a 50 ms long task. */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Gives the main thread back to the page. `scheduler.yield()` resumes us
 * ahead of other queued tasks; elsewhere a message-channel task is the
 * fastest macrotask (setTimeout is clamped to 4 ms after a few nestings).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A time budget: `due()` tells when the current slice is spent, `next()` yields and starts a new one. */
export class TimeSlicer {
  private sliceStart = performance.now();
  /** Number of times the work gave the thread back. */
  yields = 0;

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly yielder: () => Promise<void> = yieldToMain,
  ) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  async next(): Promise<void> {
    this.yields++;
    await this.yielder();
    this.sliceStart = performance.now();
  }
}
