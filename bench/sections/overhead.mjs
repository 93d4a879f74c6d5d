// Section 4: the main-thread time the extension adds to pages it has nothing
// to highlight on, from a sampled CPU profile of the page with and without
// it (and, for comparison, CDP's ScriptDuration from the same loads), and
// what its content script does in the frames of those pages.
import { sleep } from '../lib/browsers.mjs';
import { readProfile } from '../lib/ext-probes.mjs';
import { cell, fmt, log, PASS, table } from '../lib/output.mjs';
import { stats } from '../lib/stats.mjs';
import { measureAnnotationCost } from './annotation-cost.mjs';

const SAMPLING_US = 100;

export default {
  id: 4,
  key: 'overhead',
  title: 'Extension overhead',
  async run(ctx) {
    const pages = await pagesWithoutMentions(ctx);
    const browsers = await ctx.browsers.extension();
    const rows = [];
    for (const page of pages) rows.push(await measurePage(ctx, browsers, page));
    if (rows.length) printOverhead(ctx, rows);
    else console.log('\n## 4. Extension overhead\n\nNo corpus page of this run is without mentions.');
    return rows;
  },
};

/**
 * Corpus pages where our pipeline finds nothing (section 1's counts, or
 * counted now): those the configuration names, or a spread over the range
 * of text sizes.
 */
async function pagesWithoutMentions(ctx) {
  const wanted = ctx.config.overheadPages;
  const candidates = wanted ? wanted.map((name) => ctx.site.corpusPage(name)) : ctx.site.corpus;
  const known = new Map((ctx.results.annotationCost ?? []).map((r) => [r.page, r]));
  const missing = candidates.filter((p) => !known.has(p.name));
  if (missing.length)
    for (const r of await measureAnnotationCost(
      ctx,
      missing.map((p) => ({ ...p, loads: 1, markLoads: 0 })),
    ))
      known.set(r.page, r);
  const empty = candidates
    .map((p) => known.get(p.name))
    .filter((r) => r?.oursCount === 0)
    .sort((a, b) => a.textChars - b.textChars);
  const n = Math.min(ctx.config.overheadMaxPages, empty.length);
  const picked =
    n <= 1
      ? empty.slice(0, n)
      : Array.from({ length: n }, (_, i) => empty[Math.round((i * (empty.length - 1)) / (n - 1))]);
  return picked.map((r) => ({ name: r.page, url: r.url, textChars: r.textChars }));
}

async function measurePage(ctx, { withExt, withoutExt }, page) {
  log(`[4] ${page.name}…`);
  const w = [];
  const wo = [];
  for (let i = 0; i < ctx.config.overheadLoads; i++) {
    wo.push(await profiledLoad(ctx, withoutExt, page.url, false));
    let load = await profiledLoad(ctx, withExt, page.url, true);
    // A profile with no extension function at all, from a page whose content script did ask for its setup, was
    // not taken where the page ran (a renderer swapped on navigation): that load is taken again, once.
    if (load.extensionNodes === 0 && load.frames.framesAsking > 0) {
      log('    the profile missed the page: load taken again');
      load = { ...(await profiledLoad(ctx, withExt, page.url, true)), retried: true };
    }
    w.push(load);
    log(`    extension ${fmt(w.at(-1).extensionMs)} ms of CPU [${w.at(-1).top.join(', ')}]`);
  }
  const s = (runs, k) => stats(runs.map((r) => r[k]));
  const median = (runs, k) => s(runs, k)?.median ?? null;
  const last = w.at(-1);
  return {
    page: page.name,
    textChars: page.textChars,
    extensionMs: s(w, 'extensionMs'),
    busyWithout: s(wo, 'busyMs'),
    busyWith: s(w, 'busyMs'),
    addedBusy: median(w, 'busyMs') - median(wo, 'busyMs'),
    scriptWithout: s(wo, 'scriptMs'),
    scriptWith: s(w, 'scriptMs'),
    addedScript: median(w, 'scriptMs') - median(wo, 'scriptMs'),
    frames: last.frames,
    highlights: s(w, 'highlights')?.max ?? null,
    top: w.slice().sort((a, b) => a.extensionMs - b.extensionMs)[Math.floor(w.length / 2)].top,
    samplesWith: w,
    samplesWithout: wo,
  };
}

/** Records, in the service worker, which frames of the tab send which messages (listening only, never answering). */
async function recordMessages(context) {
  const worker = context.serviceWorkers()[0];
  await worker.evaluate(() => {
    if (!self.__benchMessages) {
      self.__benchMessages = [];
      chrome.runtime.onMessage.addListener((message, sender) => {
        self.__benchMessages.push({ type: message?.type, url: sender.url, frameId: sender.frameId });
      });
    }
    self.__benchMessages.length = 0;
  });
  return () => worker.evaluate(() => self.__benchMessages.slice());
}

async function profiledLoad(ctx, session, url, withExtension) {
  const page = await session.context.newPage();
  // A same-origin page first: the profiler, started on it, carries over to the page measured (same renderer).
  await page.goto(`${ctx.site.origin}/blank.html`);
  const cdp = await session.context.newCDPSession(page);
  const messages = withExtension ? await recordMessages(session.context) : null;
  await cdp.send('Performance.enable');
  const scriptAtStart = await scriptMs(cdp);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Content scripts run at document_idle, in every frame, after a message to the background: wait until script
  // time has not grown for 500 ms, at least 1 s after load and 4.5 s at most.
  await sleep(1000);
  let last = await scriptMs(cdp);
  let quietSince = Date.now();
  const deadline = Date.now() + 3500;
  while (Date.now() < deadline && Date.now() - quietSince < 500) {
    await sleep(100);
    const now = await scriptMs(cdp);
    if (now - last > 0.05) quietSince = Date.now();
    last = now;
  }
  const { profile } = await cdp.send('Profiler.stop');
  const read = readProfile(profile);
  const frames = await describeFrames(page, messages ? await messages() : null);
  const highlights = await page.evaluate(() =>
    [...CSS.highlights].reduce((n, [name, h]) => n + (name.startsWith('context-lens-') ? h.size : 0), 0),
  );
  await page.close();
  return { ...read, scriptMs: last - scriptAtStart, frames, highlights };
}

async function scriptMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/**
 * The page's frames, those without readable text, and how many of those
 * nevertheless asked the background for a setup (matched by address: frames
 * of one address are told apart only by whether they hold text).
 */
async function describeFrames(page, messages) {
  const frames = [];
  for (const frame of page.frames()) {
    const url = frame.url();
    if (url.startsWith('chrome-error://')) {
      frames.push({ url, error: true });
      continue;
    }
    const text = await frame
      .evaluate(() => {
        const walker = document.createTreeWalker(document.body ?? document.documentElement, 4);
        const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD']);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (/\S/.test(n.data) && !skip.has(n.parentElement?.tagName)) return true;
        return false;
      })
      .catch(() => null);
    frames.push({ url, text });
  }
  // The blank page opened before the measured one may still be sending its own.
  const setups = (messages ?? []).filter((m) => m.type === 'getPageSetup' && !m.url?.endsWith('/blank.html'));
  let fromTextless = 0;
  const askers = new Set(setups.map((m) => m.frameId));
  for (const url of new Set(setups.map((m) => m.url))) {
    const asked = new Set(setups.filter((m) => m.url === url).map((m) => m.frameId)).size;
    const withText = frames.filter((f) => f.url === url && f.text).length;
    fromTextless += Math.max(0, asked - withText);
  }
  const live = frames.filter((f) => !f.error);
  return {
    total: frames.length,
    errorPages: frames.length - live.length,
    withoutText: live.filter((f) => f.text === false).length,
    setupRequests: messages ? setups.length : null,
    framesAsking: messages ? askers.size : null,
    setupFromTextless: messages ? fromTextless : null,
    urls: frames.map((f) => `${f.url.slice(0, 80)}${f.error ? ' (error page)' : f.text ? '' : ' (no text)'}`),
  };
}

function printOverhead(ctx, rows) {
  const { config, targets } = ctx;
  table(
    `4. Extension overhead on corpus pages without mentions (ms; median [min–max] of ${config.overheadLoads} loads each)`,
    [
      'page',
      'extension CPU',
      `≤${targets.addedScriptMs} ms`,
      'busy alone',
      'busy with',
      'added busy',
      'ScriptDuration added',
      'frames',
      'without text',
      'setup asked from those',
      'setup messages / frame',
      'highlights',
    ],
    rows.map((r) => [
      r.page,
      cell(r.extensionMs),
      PASS(r.extensionMs.median <= targets.addedScriptMs),
      cell(r.busyWithout),
      cell(r.busyWith),
      fmt(r.addedBusy),
      fmt(r.addedScript),
      `${r.frames.total}${r.frames.errorPages ? ` (${r.frames.errorPages} refused)` : ''}`,
      String(r.frames.withoutText),
      String(r.frames.setupFromTextless),
      r.frames.framesAsking ? fmt(r.frames.setupRequests / r.frames.framesAsking) : '–',
      String(r.highlights),
    ]),
    [
      '',
      `extension CPU: a CDP Profiler CPU profile of the tab's renderer main thread (${SAMPLING_US} µs sampling, started on a same-origin`,
      'page before navigating), the samples whose stack passes through a chrome-extension:// frame, until script time has not',
      "grown for 500 ms (at least 1 s after load). The content script's own compilation runs before any of its frames is on the",
      "stack and is not in this figure. busy: all non-idle samples (the page's parsing, style, layout and scripts), with and",
      'without the extension, and added busy the difference of the medians (noisy: a whole page load). ScriptDuration: CDP',
      'Performance metrics over the same loads (it misses work resumed after an await). frames: those of the page (refused:',
      'frames pointing outside this machine, shown as error pages, where no content script runs); without text: frames holding no',
      'readable text; setup asked from those: getPageSetup messages the service worker received from such frames (matched by',
      'address), i.e. the content script went past its check for text; setup messages / frame: getPageSetup messages per frame',
      'that sent any (one is the design). highlights: with the extension, at the end (should be 0).',
    ],
  );
  console.log("Where the extension's samples are (self time, median load):");
  for (const r of rows) console.log(`  ${r.page}: ${r.top.join(', ') || '–'}`);
}
