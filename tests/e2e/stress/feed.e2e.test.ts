import { expect, it } from 'vitest';
import { describeInBrowsers } from '../harness/describe-in-browsers';
import type { E2EPage } from '../harness/session';
import {
  feedPage,
  HIGHLIGHT_PROBE,
  lastChromiumPage,
  stableHighlights,
  traceTasks,
  writeStressPages,
} from './stress-pages';

// The feed the benchmark measures, at full size: 20,000 posts appended one by one in one task, then 100 batches
// of 100, one per frame. A pairwise pass over changed blocks took 28 s on 20,000 of them, so this size is what
// makes a quadratic loop show.
const FEED = { initial: 20_000, batches: 100, batchSize: 100 };
const VARIANTS = ['article', 'x-post'] as const;
const pages = { article: feedPage({ ...FEED, tag: 'article' }), 'x-post': feedPage({ ...FEED, tag: 'x-post' }) };
const DIR = writeStressPages(Object.fromEntries(VARIANTS.map((tag) => [`feed-${tag}.html`, pages[tag].html])));

/**
 * Bounds, against the same page without the extension in the same run.
 * - Completion within max(3× the bare page, bare + 3 s). On a busy 2-core machine the bare feed takes 4 to 50 s
 *   and two runs of it differ by up to 40 %; with a correct extension it ends at about 2× (it reads 30,000 posts
 *   as they come, and Chromium repaints as ranges are added: registering the same ranges from the page itself costs
 *   it 30–45 %). A quadratic pass over the changed roots (28 s at this size), or a scan that keeps the main thread
 *   for seconds, costs 5× and more.
 * - Chromium, from a trace with CPU samples: no task in which the extension's code runs for more than 300 ms. It
 *   checks the clock every 8 ms of work, but one step between two checks stretched to 120–150 ms with the machine
 *   at a load of 11; a multi-second task of its own, or one pass over thousands of roots, is ten times that. And
 *   all its samples together under 40 % of the bare page's completion time: reading each post once costs 10–20 %
 *   of what the page spends building and laying it out, re-reading the whole feed at every batch costs more than
 *   half (80 % here), however finely sliced.
 * - Every mention the page wrote is painted once the feed stops: a fast path that drops work fails here.
 */
const COMPLETION_FACTOR = 3;
const COMPLETION_SLACK_MS = 3000;
const MAX_EXTENSION_MS_IN_A_TASK = 300;
const MAX_EXTENSION_SHARE = 0.4;

interface FeedState {
  started: number;
  end: number;
  done: boolean;
}

async function runFeed(page: E2EPage): Promise<number> {
  await new Promise((r) => setTimeout(r, 500));
  await page.evaluate(() => (window as unknown as { __startFeed(): void }).__startFeed());
  await page.waitFor(() => (window as unknown as { __feed: FeedState }).__feed.done, undefined, 200_000);
  const { started, end } = await page.evaluate(() => (window as unknown as { __feed: FeedState }).__feed);
  return end - started;
}

describeInBrowsers(
  'stress: infinite feed',
  { fixtures: { '/': DIR }, sessions: { plain: { withExtension: false } } },
  ({ target, session, url }) => {
    for (const tag of VARIANTS) {
      it(`keeps up with a feed of ${tag} posts: the page finishes nearly as fast as alone, every mention painted`, async () => {
        const feed = pages[tag];
        const address = url(`/feed-${tag}.html`);

        const bare = await session('plain').newPage();
        await bare.goto(address);
        const alone = await runFeed(bare);
        await bare.close();

        const page = await session().newPage({ initScript: HIGHLIGHT_PROBE });
        const trace = target.name === 'chromium' ? await traceTasks(lastChromiumPage(session())) : null;
        await page.goto(address);
        // The header's mention painted: the content script is watching before the feed starts.
        await stableHighlights(page, { atLeast: 1, stableMs: 200 });
        const withExtension = await runFeed(page);
        const painted = await stableHighlights(page, { atLeast: feed.mentions, timeoutMs: 60_000 }).catch(
          (error: Error) => ({ size: -1, error: error.message }),
        );
        const traced = trace ? await trace.stop(address) : null;
        const inOneTask = traced ? Math.max(0, ...traced.longTasks.map((t) => t.extensionMs)) : null;
        console.log(
          `${target.name}: feed of ${feed.posts} <${tag}>: ${alone.toFixed(0)} ms alone, ${withExtension.toFixed(0)} ms with the extension ` +
            `(bound ${bound(alone).toFixed(0)} ms); ${painted.size}/${feed.mentions} painted` +
            (traced
              ? `; extension CPU ${traced.extensionMs.toFixed(0)} ms (bound ${(MAX_EXTENSION_SHARE * alone).toFixed(0)}), at most ${inOneTask?.toFixed(0)} ms in one task`
              : ''),
        );
        expect(withExtension).toBeLessThanOrEqual(bound(alone));
        expect(painted.size).toBe(feed.mentions);
        if (traced) {
          expect(inOneTask).toBeLessThanOrEqual(MAX_EXTENSION_MS_IN_A_TASK);
          expect(traced.extensionMs).toBeLessThanOrEqual(MAX_EXTENSION_SHARE * alone);
        }
        expect(page.errors()).toEqual([]);
        await page.close();
      });
    }
  },
);

function bound(alone: number): number {
  return Math.max(COMPLETION_FACTOR * alone, alone + COMPLETION_SLACK_MS);
}
