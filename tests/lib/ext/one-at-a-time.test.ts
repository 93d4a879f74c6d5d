import { expect, it } from 'vitest';
import { oneAtATime } from '@/lib/ext/one-at-a-time';

it('runs each task after the one before has settled, failed or not, and hands back each result', async () => {
  const serial = oneAtATime();
  const order: string[] = [];
  const slow = serial(async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push('slow');
    throw new Error('slow failed');
  });
  const fast = serial(async () => {
    order.push('fast');
    return 2;
  });
  await expect(slow).rejects.toThrow('slow failed');
  await expect(fast).resolves.toBe(2);
  expect(order).toEqual(['slow', 'fast']);
});
