// Section 7: an infinite feed, with and without the built extension in the
// same run: the page's own completion time, its long tasks, those that ran
// the extension's code, and whether every mention the page wrote is painted.
import { sleep } from '../lib/browsers.mjs';
import {
  countedForTabs,
  finishTrace,
  longest,
  longestTimerGap,
  longTasks,
  probeInitScript,
  startTrace,
  waitForStable,
} from '../lib/ext-probes.mjs';
import { cell, fmt, log, PASS, ratio, table } from '../lib/output.mjs';
import { stats } from '../lib/stats.mjs';
import { printExtensionTasks } from '../lib/task-report.mjs';

export default {
  id: 7,
  key: 'feed',
  title: 'Infinite feed',
  async run(ctx) {
    const { withExt, withoutExt } = await ctx.browsers.extension();
    const variants = [];
    for (const spec of ctx.site.stress.feed) {
      log(`[7] feed of ${spec.posts.toLocaleString('en-US')} ${spec.name} posts…`);
      const runs = { spec, with: [], without: [] };
      for (let i = 0; i < ctx.config.feed.loads; i++) {
        runs.without.push(await feedRun(withoutExt, spec, false, ctx.config.feed.stableMs));
        runs.with.push(await feedRun(withExt, spec, true, ctx.config.feed.stableMs));
        const [w, wo] = [runs.with.at(-1), runs.without.at(-1)];
        log(
          `    done in ${fmt(wo.completion)} ms alone, ${fmt(w.completion)} ms with the extension (${w.extensionTasks ?? '?'} long tasks due to it, longest ${fmt(w.longestExtensionTask)} ms); ${w.highlights}/${spec.mentions} painted`,
        );
      }
      variants.push(summarise(runs));
    }
    printFeed(ctx, variants);
    printExtensionTasks(
      variants.flatMap((v) => v.runs.with.map((r) => r.trace)),
      4,
      variants.flatMap((v) => v.runs.with.map((_, i) => `${v.variant} feed, load ${i + 1}`)),
    );
    printTargets(ctx, variants);
    for (const v of variants) for (const r of [...v.runs.with, ...v.runs.without]) delete r.trace?.minified;
    return variants;
  },
};

async function feedRun(session, spec, withExtension, stableMs) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await page.addInitScript(probeInitScript);
  await startTrace(cdp);
  await page.goto(spec.url, { waitUntil: 'load', timeout: 60_000 });
  // The header's mention painted: the content script is watching the document.
  if (withExtension) await page.waitForFunction(() => window.__hl.size > 0, null, { timeout: 20_000, polling: 50 });
  await sleep(500);
  await page.evaluate(() => window.__startFeed());
  await page.waitForFunction(() => window.__feed.done, null, { timeout: 600_000, polling: 250 });
  const end = await page.evaluate(() => window.__feed.end);
  const settled = await waitForStable(page, { from: end, stableMs, timeoutMs: 120_000 });
  const feed = await page.evaluate(() => ({ ...window.__feed, tasks: window.__feed.tasks.length }));
  const during = (await longTasks(page)).filter((t) => t.start + t.duration > feed.started);
  const timerGap = await longestTimerGap(page, feed.started);
  const counted = withExtension ? await countedForTabs(session.context).catch(() => null) : null;
  const trace = await finishTrace(cdp, spec.url);
  await page.close();
  return {
    completion: feed.end - feed.started,
    initialTask: feed.initialEnd - feed.started,
    lastBatchAt: feed.lastBatch - feed.started,
    longTasks: during.length,
    longestTask: longest(during),
    longTaskMs: during.reduce((s, t) => s + t.duration, 0),
    longestTraceTask: trace?.longestTask ?? null,
    timerGap,
    extensionMs: trace?.extensionMs ?? null,
    tasksWithExtensionCode: trace?.tasksWithExtensionCode ?? null,
    extensionTasks: trace?.extensionTasks ?? null,
    longestExtensionTask: trace?.longestExtensionTask ?? null,
    highlights: settled.hl.size,
    settledAfterEnd: withExtension ? Math.max(0, (settled.hl.last ?? end) - end) : null,
    settled: settled.settled,
    counted,
    trace,
  };
}

function summarise(runs) {
  const s = (list, k) => stats(list.map((r) => r[k]));
  const row = (list) => ({
    completion: s(list, 'completion'),
    initialTask: s(list, 'initialTask'),
    longTasks: s(list, 'longTasks'),
    longestTask: s(list, 'longestTask'),
    longestTraceTask: s(list, 'longestTraceTask'),
    timerGap: s(list, 'timerGap'),
    extensionMs: s(list, 'extensionMs'),
    tasksWithExtensionCode: s(list, 'tasksWithExtensionCode'),
    extensionTasks: s(list, 'extensionTasks'),
    longestExtensionTask: s(list, 'longestExtensionTask'),
    highlights: s(list, 'highlights'),
    settledAfterEnd: s(list, 'settledAfterEnd'),
  });
  const ratios = runs.with.map((w, i) => w.completion / runs.without[i].completion);
  return {
    variant: runs.spec.name,
    posts: runs.spec.posts,
    mentions: runs.spec.mentions,
    without: row(runs.without),
    with: row(runs.with),
    completionRatio: stats(ratios),
    runs: { with: runs.with, without: runs.without },
  };
}

function printFeed(ctx, variants) {
  const { feed } = ctx.config;
  const rows = [];
  for (const v of variants) {
    for (const [label, r, ext] of [
      ['alone', v.without, false],
      ['with extension', v.with, true],
    ]) {
      rows.push([
        `${v.variant} ${label}`,
        cell(r.completion),
        cell(r.initialTask),
        cell(r.longTasks),
        cell(r.longestTask),
        cell(r.longestTraceTask),
        cell(r.timerGap),
        ext ? cell(r.extensionMs) : '–',
        ext ? cell(r.tasksWithExtensionCode) : '–',
        ext ? cell(r.extensionTasks) : '–',
        ext ? cell(r.longestExtensionTask) : '–',
        ext ? `${cell(r.highlights)} / ${v.mentions}` : '–',
        ext ? cell(r.settledAfterEnd) : '–',
      ]);
    }
    rows.push([
      `${v.variant} with / alone`,
      ratio(v.completionRatio?.median),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  table(
    `7. Infinite feed: ${feed.initial.toLocaleString('en-US')} posts appended one by one in one task, then ${feed.batches} batches of ${feed.batchSize}, one per frame (${feed.loads} loads each; ms, median [min–max])`,
    [
      'feed',
      'completion',
      'first task',
      'long tasks ≥50 ms',
      'longest',
      'longest in trace',
      'longest timer wait',
      'extension CPU',
      'with ext. code',
      'due to ext.',
      'longest due to ext.',
      'highlights / written',
      'settled after end',
    ],
    rows,
    [
      '',
      "completion: the page's own performance.now() from its first append to the end of its last batch; first task: its",
      'one-by-one appends. Long tasks, longest: PerformanceObserver (buffered) from the first append on; longest in trace, with',
      'ext. code, due to ext.: main-thread tasks of a Chrome trace of the same load (all of it, rendering included), as in',
      'section 3; longest timer wait: the longest delay of a 16 ms timer of the page from the first append on; extension',
      'CPU: all its CPU samples in extension code, long tasks or not. <x-post> is a custom element',
      'styled display:block, inline by tag name. settled after end: the last change of our highlights after the last batch',
      `(then still for ${feed.stableMs / 1000} s).`,
      'with / alone: median of per-load ratios of completion.',
    ],
  );
}

function printTargets(ctx, variants) {
  const { targets } = ctx;
  for (const v of variants) {
    const due = v.with.extensionTasks?.max;
    const painted = v.runs.with.every((r) => r.highlights === Math.min(v.mentions, targets.maxHighlighted));
    const r = v.completionRatio?.median;
    console.log(
      `Target (${v.variant}): zero ≥50 ms tasks due to the extension: ${due ?? '?'} in the worst load → ${due == null ? 'n/a' : PASS(due <= targets.extensionLongTasks)}; ` +
        `every mention painted: ${v.runs.with.map((x) => x.highlights).join(', ')} of ${v.mentions} → ${PASS(painted)}; ` +
        `completion with / alone ≤ ${targets.feedSlowdown}: ${ratio(r)} → ${PASS(r != null && r <= targets.feedSlowdown)}`,
    );
  }
}
