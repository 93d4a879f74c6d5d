import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeSlicer, yieldToMain } from '@/lib/page/time-slice';

const g = globalThis as { scheduler?: unknown };
const saved = g.scheduler;
afterEach(() => {
  g.scheduler = saved;
});

describe('yieldToMain', () => {
  it('queues the rest of the work as a user-visible task, never ahead of the page as scheduler.yield would', async () => {
    const order: string[] = [];
    const scheduler = {
      yield: vi.fn(async () => {
        order.push('yield');
      }),
      postTask: vi.fn(async (task: () => void, options: { priority: string }) => {
        order.push(`postTask ${options.priority}`);
        task();
      }),
    };
    g.scheduler = scheduler;
    await yieldToMain();
    expect(order).toEqual(['postTask user-visible']);
    expect(scheduler.yield).not.toHaveBeenCalled();
  });

  it('falls back to a message-channel task where there is no scheduler', async () => {
    g.scheduler = undefined;
    await expect(yieldToMain()).resolves.toBeUndefined();
  });
});

describe('TimeSlicer', () => {
  it('is due once its budget is spent, and starts a new slice after each yield', async () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const yielder = vi.fn(async () => {});
    const slicer = new TimeSlicer(8, yielder);
    now += 7;
    expect(slicer.due()).toBe(false);
    now += 1;
    expect(slicer.due()).toBe(true);
    await slicer.next();
    expect(slicer.due()).toBe(false);
    expect([slicer.yields, yielder.mock.calls.length]).toEqual([1, 1]);
    vi.restoreAllMocks();
  });
});
