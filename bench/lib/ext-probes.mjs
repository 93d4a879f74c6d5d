// What the sections that load the built extension read from a page: long
// tasks and our highlights (from the page's own world, which shares the
// highlight registry with the content script), traces, CPU profiles, and
// the counts the background keeps for the tab.
import { sleep } from './browsers.mjs';
import { analyseTrace, readTrace, TRACE_CATEGORIES } from './trace.mjs';

/**
 * Installed before any page script: long tasks, the total size of our
 * highlights (every `context-lens-` name) with the time it last changed,
 * and the gaps over 50 ms between the 16 ms timer ticks that read it (a page
 * timer kept waiting, whether by a long task or by work always resumed first).
 */
export function probeInitScript() {
  const w = window;
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  w.__hl = { size: 0, first: null, last: null };
  w.__timerGaps = [];
  let previous = null;
  const tick = () => {
    const now = performance.now();
    if (previous !== null && now - previous > 50) w.__timerGaps.push([previous, now - previous]);
    previous = now;
    let size = 0;
    for (const [name, h] of CSS.highlights ?? []) if (name.startsWith('context-lens-')) size += h.size;
    if (size !== w.__hl.size) {
      const t = performance.now();
      w.__hl.size = size;
      if (w.__hl.first === null) w.__hl.first = t;
      w.__hl.last = t;
    }
    setTimeout(tick, 16);
  };
  tick();
}

export const pageState = (page) =>
  page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { now: performance.now(), hl: { ...window.__hl }, load: nav?.loadEventEnd || null };
  });

/**
 * Waits until neither the load nor our highlights changed for `stableMs`
 * since `from` (a page time), with at least `minHighlights` highlights;
 * gives up after `timeoutMs` and says so (`settled: false`).
 */
export async function waitForStable(page, { stableMs = 2000, timeoutMs = 90_000, minHighlights = 0, from = 0 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await pageState(page);
    const since = state.now - Math.max(state.load ?? 0, state.hl.last ?? 0, from);
    if (since >= stableMs && state.hl.size >= minHighlights) return { ...state, settled: true };
    if (Date.now() > deadline) return { ...state, settled: false };
    await sleep(200);
  }
}

export const longTasks = (page) => page.evaluate(() => window.__longTasks);

/** The longest wait of the page's 16 ms timer that began after page time `from`. */
export const longestTimerGap = (page, from) =>
  page.evaluate((t) => Math.max(0, ...window.__timerGaps.filter(([s]) => s >= t).map(([, d]) => d)), from);

/** A long task ran the extension's code when it injected one of its scripts or ≥1 ms of its samples are in its code. */
export const hasExtensionCode = (t) => t.injectsExtensionScript || t.extensionMs >= 1;
/**
 * …and is the extension's doing when it is the injection of its script (a task only the extension makes),
 * or when, without the samples in the extension's code, it would be under 50 ms.
 */
export const isExtensionTask = (t) =>
  t.injectsExtensionScript || (t.extensionMs >= 1 && t.duration - t.extensionMs < 50);
export const longest = (tasks) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);

/** Starts a Chrome trace with CPU samples on the page's CDP session. */
export function startTrace(cdp) {
  return cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordUntilFull', includedCategories: TRACE_CATEGORIES },
  });
}

/** Ends the trace and summarises its long tasks: all, those running extension code, those due to it. */
export async function finishTrace(cdp, url) {
  const trace = analyseTrace(await readTrace(cdp), url);
  if (!trace) return null;
  const withCode = trace.longTasks.filter(hasExtensionCode);
  const due = trace.longTasks.filter(isExtensionTask);
  return {
    longTasks: trace.longTasks,
    extensionMs: trace.extensionMs,
    // The trace sees every task of the main thread, rendering included, which the longtask entries may leave out.
    longestTask: longest(trace.longTasks),
    tasksWithExtensionCode: withCode.length,
    longestWithExtensionCode: longest(withCode),
    extensionTasks: due.length,
    longestExtensionTask: longest(due),
    extensionMsInLongTasks: trace.longTasks.reduce((m, t) => m + t.extensionMs, 0),
    minified: trace.minified,
  };
}

/**
 * A CDP CPU profile, read: the time of the samples whose stack passes
 * through a chrome-extension:// frame, the time of all non-idle samples,
 * and the extension's busiest functions (self time).
 */
export function readProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const inExtension = (id) => {
    if (memo.has(id)) return memo.get(id);
    const url = byId.get(id)?.callFrame.url ?? '';
    const value = url.startsWith('chrome-extension://') || (parent.has(id) && inExtension(parent.get(id)));
    memo.set(id, value);
    return value;
  };
  let extensionUs = 0;
  let busyUs = 0;
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one.
    const us = timeDeltas[i + 1] ?? 0;
    const frame = byId.get(samples[i]).callFrame;
    if (frame.functionName !== '(idle)') busyUs += us;
    if (!inExtension(samples[i])) continue;
    extensionUs += us;
    const name = `${frame.functionName || '(anonymous)'}${frame.url ? `@${frame.url.split('/').pop()}:${frame.columnNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + us);
  }
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`);
  const extensionNodes = profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).length;
  return { extensionMs: extensionUs / 1000, busyMs: busyUs / 1000, samples: samples.length, extensionNodes, top };
}

/**
 * Mentions the background counted (all frames, all entities) for the open
 * tabs: the bench keeps one page open at a time, and the extension may not
 * read tabs' addresses.
 */
export async function countedForTabs(context) {
  const worker = context.serviceWorkers()[0];
  if (!worker) return null;
  return worker.evaluate(async () => {
    const open = new Set((await chrome.tabs.query({})).map((t) => String(t.id)));
    const { tabCounts } = await chrome.storage.session.get('tabCounts');
    // Stored as { counts: { tab: { frame: counts } }, limits } (lib/ext/tab-counts.ts).
    let total = 0;
    for (const [tab, frames] of Object.entries(tabCounts?.counts ?? {}))
      if (open.has(tab)) for (const counts of Object.values(frames)) for (const n of Object.values(counts)) total += n;
    return total;
  });
}
