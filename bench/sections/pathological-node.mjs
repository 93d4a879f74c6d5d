// Section 8: one enormous text node of "Siri " repeated, with and without
// the built extension: how long until our highlights stop changing, the JS
// heap, the main thread's longest tasks, and the caps on what is painted and
// counted. Two layouts: the node wrapped into lines (a div), and on one line
// (a pre), where every range lies in the same line of text.
import { sleep } from '../lib/browsers.mjs';
import {
  countedForTabs,
  finishTrace,
  longestTimerGap,
  pageState,
  probeInitScript,
  startTrace,
} from '../lib/ext-probes.mjs';
import { cell, fmt, log, PASS, table } from '../lib/output.mjs';
import { stats } from '../lib/stats.mjs';
import { printExtensionTasks } from '../lib/task-report.mjs';

const MB = 1e6;
const SETTLE_CAP_MS = 150_000;

export default {
  id: 8,
  key: 'pathologicalNode',
  title: 'Pathological text node',
  async run(ctx) {
    const { withExt, withoutExt } = await ctx.browsers.extension();
    const variants = [];
    for (const spec of ctx.site.stress.node) {
      log(`[8] "Siri " × ${spec.repeats.toLocaleString('en-US')}, ${spec.name}…`);
      const runs = { with: [], without: [] };
      for (let i = 0; i < ctx.config.node.loads; i++) {
        runs.without.push(await nodeRun(withoutExt, spec, false, ctx.config.node.stableMs));
        runs.with.push(await nodeRun(withExt, spec, true, ctx.config.node.stableMs));
        const w = runs.with.at(-1);
        log(
          `    settled ${w.settled ? `after ${fmt(w.settleMs)} ms` : `not within ${SETTLE_CAP_MS / 1000} s`}; ${w.highlights} highlights, ${w.counted} counted; heap peak ${fmt(w.heapPeak / MB)} MB; longest task ${fmt(w.longestTask)} ms`,
        );
      }
      variants.push(summarise(spec, runs));
    }
    printNode(ctx, variants);
    printExtensionTasks(
      variants.flatMap((v) => v.runs.with.map((r) => r.trace)),
      3,
      variants.flatMap((v) => v.runs.with.map((_, i) => `${v.variant}, load ${i + 1}`)),
    );
    printTargets(ctx, variants);
    for (const v of variants) for (const r of [...v.runs.with, ...v.runs.without]) delete r.trace;
    return variants;
  },
};

async function nodeRun(session, spec, withExtension, stableMs) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await page.addInitScript(probeInitScript);
  await startTrace(cdp);
  await page.goto(spec.url, { waitUntil: 'load', timeout: 60_000 });
  // Settled: with the extension, highlights there and unchanged for `stableMs`; alone, that long after load.
  let heapPeak = 0;
  let state;
  const deadline = Date.now() + SETTLE_CAP_MS;
  for (;;) {
    heapPeak = Math.max(heapPeak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
    state = await pageState(page);
    const quiet = state.now - Math.max(state.load ?? 0, state.hl.last ?? 0) >= stableMs;
    if (quiet && (!withExtension || state.hl.size > 0)) break;
    if (Date.now() > deadline) break;
    await sleep(200);
  }
  const addedAt = await page.evaluate(() => window.__nodeAddedAt);
  const timerGap = await longestTimerGap(page, state.load ?? 0);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const counted = withExtension ? await countedForTabs(session.context).catch(() => null) : null;
  const trace = await finishTrace(cdp, spec.url);
  await page.close();
  return {
    settled: Date.now() <= deadline,
    settleMs: withExtension && state.hl.last != null ? state.hl.last - addedAt : null,
    highlights: state.hl.size,
    counted,
    heapPeak,
    heapAfterGc,
    longestTask: trace?.longestTask ?? null,
    timerGap,
    extensionTasks: trace?.extensionTasks ?? null,
    longestExtensionTask: trace?.longestExtensionTask ?? null,
    longTasks: trace?.longTasks.map(({ start, duration, extensionMs }) => ({ start, duration, extensionMs })) ?? null,
    trace,
  };
}

function summarise(spec, runs) {
  const row = (list) => {
    const s = (k) => stats(list.map((r) => r[k]));
    return {
      settleMs: s('settleMs'),
      highlights: s('highlights'),
      counted: s('counted'),
      heapPeakMB: stats(list.map((r) => r.heapPeak / MB)),
      heapAfterGcMB: stats(list.map((r) => r.heapAfterGc / MB)),
      longestTask: s('longestTask'),
      timerGap: s('timerGap'),
      extensionTasks: s('extensionTasks'),
      longestExtensionTask: s('longestExtensionTask'),
    };
  };
  const added = runs.with.map((w, i) => (w.heapPeak - runs.without[i].heapPeak) / MB);
  return {
    variant: spec.name,
    repeats: spec.repeats,
    allSettled: runs.with.every((r) => r.settled),
    without: row(runs.without),
    with: row(runs.with),
    addedHeapPeakMB: stats(added),
    runs,
  };
}

function printNode(ctx, variants) {
  const rows = [];
  for (const v of variants) {
    const name = `${v.repeats.toLocaleString('en-US')}×, ${v.variant}`;
    rows.push([
      `${name} alone`,
      '–',
      '–',
      '–',
      cell(v.without.heapPeakMB),
      cell(v.without.heapAfterGcMB),
      cell(v.without.longestTask),
      cell(v.without.timerGap),
      '–',
      '–',
    ]);
    rows.push([
      `${name} with extension`,
      v.allSettled ? cell(v.with.settleMs) : `> ${SETTLE_CAP_MS / 1000} s`,
      cell(v.with.highlights),
      cell(v.with.counted),
      cell(v.with.heapPeakMB),
      cell(v.with.heapAfterGcMB),
      cell(v.with.longestTask),
      cell(v.with.timerGap),
      cell(v.with.extensionTasks),
      cell(v.with.longestExtensionTask),
    ]);
  }
  table(
    `8. One text node of "Siri " repeated (${ctx.config.node.loads} loads each; median [min–max])`,
    [
      'page',
      'settled after (ms)',
      'highlights',
      'counted',
      'heap peak MB',
      'heap after GC MB',
      'longest task ms',
      'longest timer wait after load',
      'due to ext.',
      'longest due to ext.',
    ],
    rows,
    [
      '',
      'The node is added by a script at the end of the body. settled after: from its addition to the last change of our',
      `highlights, once they held still for ${ctx.config.node.stableMs / 1000} s. counted: the mentions the background holds for`,
      'the tab (the badge and popup figures). heap: CDP Runtime.getHeapUsage of the page (every world of it), peak while',
      'settling, and after a forced GC.',
      'longest task: main-thread tasks of a Chrome trace (rendering included); due to ext.: as in section 3. A task that only',
      "paints the extension's ranges has no extension samples in it: compare the longest task with and without. longest",
      'timer wait: the longest delay of a 16 ms timer of the page after its load event (a long task, or work always resumed',
      "ahead of the page's own tasks).",
    ],
  );
}

function printTargets(ctx, variants) {
  const { targets } = ctx;
  for (const v of variants) {
    const settle = v.allSettled ? v.with.settleMs?.max : null;
    const maxHl = v.with.highlights?.max;
    const counted = v.with.counted?.max;
    const expectCounted = Math.min(v.repeats, targets.maxTracked);
    console.log(
      `Target (${v.variant}): settles within ${targets.nodeSettleMs / 1000} s: ${settle == null ? 'no' : `${fmt(settle)} ms`} → ${PASS(settle != null && settle <= targets.nodeSettleMs)}; ` +
        `highlights ≤ ${targets.maxHighlighted.toLocaleString('en-US')}: ${maxHl} → ${PASS(maxHl <= targets.maxHighlighted)}; ` +
        `counted = ${expectCounted.toLocaleString('en-US')} (capped at ${targets.maxTracked.toLocaleString('en-US')}): ${counted} → ${PASS(counted === expectCounted)}; ` +
        `added heap peak ${cell(v.addedHeapPeakMB)} MB`,
    );
  }
}
