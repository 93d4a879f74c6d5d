/** How long the scan may hold the main thread before it lets the page run: well under a 50 ms long task. */
export const SLICE_MS = 8;

interface Scheduler {
  postTask(task: () => void, options: { priority: 'user-visible' }): Promise<void>;
}

/**
 * Gives the main thread back to the page, and queues the rest of the work
 * behind what the page already queued. Not `scheduler.yield()`: it resumes
 * us ahead of every other task, so a page that keeps us busy (a feed that
 * appends without pause) would see its own timers wait for seconds. A
 * `user-visible` task takes its turn with the page's tasks and timers;
 * elsewhere a message-channel task does (setTimeout is clamped to 4 ms after
 * a few nestings).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
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
