import { expect, it } from 'vitest';
import { describeInBrowsers } from '../harness/describe-in-browsers';
import {
  countedMentions,
  HIGHLIGHT_PROBE,
  heapMB,
  lastChromiumPage,
  repeatedNodePage,
  stableHighlights,
  traceTasks,
  writeStressPages,
} from './stress-pages';

// One text node of "Siri " × 1,000,000 (5 MB), wrapped into lines by a div, as the benchmark's section 8 has it.
const REPEATS = 1_000_000;
const DIR = writeStressPages({ 'node.html': repeatedNodePage(REPEATS, 'div').html });

/**
 * Bounds. The extension reads at most 1 M units of one node, tracks at most 50,000 mentions and paints at most
 * 5,000, so its work here is bounded whatever the node holds; it settles in 5–11 s on a busy 2-core machine.
 * - Settled (highlights unchanged for 1.5 s) within 20 s of the node's addition: an uncapped run took 77 s.
 * - Exactly 5,000 painted and 50,000 counted (the popup's figure): the caps hold, and counting goes on past the
 *   painting cap.
 * - Chromium: the JS heap of the page with the extension at most 50 MB above the page alone (about 10 MB for
 *   50,000 small records; keeping every one of the node's 200,000 readable mentions, or copying the text per
 *   candidate, took 95 MB); and no main-thread task longer than max(2 s, 2× the page alone's longest), which a
 *   single pass over the node, or a paint of thousands of ranges on one line, exceeds. Firefox gives a page no
 *   heap figure and no trace: there the caps and the settling time stand for both.
 */
const SETTLE_MS = 20_000;
const MAX_HIGHLIGHTED = 5_000;
const MAX_TRACKED = 50_000;
const MAX_ADDED_HEAP_MB = 50;
const MIN_TASK_BOUND_MS = 2000;

describeInBrowsers(
  'stress: pathological text node',
  { fixtures: { '/': DIR }, sessions: { plain: { withExtension: false } } },
  ({ target, session, url }) => {
    it('settles quickly on one text node of a million mentions, within its caps and bounded memory', async () => {
      const address = url('/node.html');
      const chromium = target.name === 'chromium';

      const bare = await session('plain').newPage();
      const bareTrace = chromium ? await traceTasks(lastChromiumPage(session('plain'))) : null;
      await bare.goto(address);
      await new Promise((r) => setTimeout(r, 1500));
      const bareHeap = chromium ? await heapMB(lastChromiumPage(session('plain'))) : null;
      const bareTasks = bareTrace ? await bareTrace.stop(address) : null;
      await bare.close();

      const page = await session().newPage({ initScript: HIGHLIGHT_PROBE });
      const raw = chromium ? lastChromiumPage(session()) : null;
      const trace = raw ? await traceTasks(raw) : null;
      await page.goto(address);
      let heapPeak = 0;
      const sampling = raw
        ? setInterval(() => {
            heapMB(raw).then(
              (mb) => {
                heapPeak = Math.max(heapPeak, mb);
              },
              () => {},
            );
          }, 250)
        : undefined;
      const settled = await stableHighlights(page, { atLeast: 1, stableMs: 1500, timeoutMs: 60_000 }).finally(() =>
        clearInterval(sampling),
      );
      const addedAt = await page.evaluate(() => (window as unknown as { __nodeAddedAt: number }).__nodeAddedAt);
      const settleMs = (settled.last ?? 0) - addedAt;
      const counted = await countedMentions(session());
      const tasks = trace ? await trace.stop(address) : null;
      const longest = (list: { duration: number }[] | undefined) => Math.max(0, ...(list ?? []).map((t) => t.duration));
      const taskBound = Math.max(MIN_TASK_BOUND_MS, 2 * longest(bareTasks?.longTasks));
      console.log(
        `${target.name}: "Siri " × ${REPEATS}: settled ${settleMs.toFixed(0)} ms after the node was added; ${settled.size} painted, ${counted} counted` +
          (raw
            ? `; heap peak ${heapPeak.toFixed(1)} MB vs ${bareHeap?.toFixed(1)} MB alone; longest task ${longest(tasks?.longTasks).toFixed(0)} ms (bound ${taskBound.toFixed(0)})`
            : ''),
      );
      expect(settleMs).toBeLessThanOrEqual(SETTLE_MS);
      expect(settled.size).toBe(MAX_HIGHLIGHTED);
      expect(counted).toBe(MAX_TRACKED);
      if (raw) {
        expect(heapPeak - (bareHeap ?? 0)).toBeLessThanOrEqual(MAX_ADDED_HEAP_MB);
        expect(longest(tasks?.longTasks)).toBeLessThanOrEqual(taskBound);
      }
      expect(page.errors()).toEqual([]);
      await page.close();
    });
  },
);
