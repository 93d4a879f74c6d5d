// Section 9: what many highlighted ranges cost painting, on a long page
// scrolled through its length: frame times and long tasks with the built
// extension and without, and, in the same page load, with exactly N ranges
// registered under our highlight names and styles and with none (the
// extension itself paints at most its cap).
import { sleep } from '../lib/browsers.mjs';
import { probeInitScript, waitForStable } from '../lib/ext-probes.mjs';
import { cell, fmt, log, PASS, ratio, table } from '../lib/output.mjs';
import { stats } from '../lib/stats.mjs';

export default {
  id: 9,
  key: 'paintScroll',
  title: 'Paint and scroll cost with many ranges',
  async run(ctx) {
    const { withExt, withoutExt } = await ctx.browsers.extension();
    const { loads, seconds } = ctx.config.paint;
    const pages = [];
    for (const spec of ctx.site.stress.ranges) {
      log(`[9] ${spec.name}: scrolling for ${seconds} s…`);
      const ext = { with: [], without: [] };
      for (let i = 0; i < loads; i++) {
        ext.without.push(await extensionPass(withoutExt, spec.url, seconds, false));
        ext.with.push(await extensionPass(withExt, spec.url, seconds, true));
      }
      const ranges =
        ctx.config.paint.registered === false ? null : await rangesPasses(ctx, withoutExt, spec.url, seconds, loads);
      const row = {
        page: spec.name,
        mentions: spec.mentions,
        ext: summarise(ext),
        ranges: ranges && summarise(ranges),
      };
      log(
        `    p95 frame: ${fmt(row.ext.without.p95?.median)} ms alone, ${fmt(row.ext.with.p95?.median)} ms with the extension (${fmt(row.ext.with.highlights?.median)} ranges)` +
          (row.ranges
            ? `; ${fmt(row.ranges.without.p95?.median)} / ${fmt(row.ranges.with.p95?.median)} ms with none / all ${spec.mentions} registered`
            : ''),
      );
      pages.push(row);
    }
    printPaint(ctx, pages);
    printTargets(ctx, pages);
    return pages;
  },
};

/**
 * Scrolls the page from its top to its end in `seconds`, by `scrollBy` at
 * every animation frame, and resolves to the frame times (rAF deltas) and
 * the long tasks that started meanwhile.
 */
function scrollThrough(seconds) {
  return new Promise((resolve) => {
    scrollTo(0, 0);
    const frames = Math.round(seconds * 60);
    const step = Math.max(1, (document.documentElement.scrollHeight - innerHeight) / frames);
    const deltas = [];
    const render = [];
    // A message posted from an animation frame callback runs once that frame's style, layout and paint are done.
    const channel = new MessageChannel();
    let frameAt = 0;
    channel.port1.onmessage = () => render.push(performance.now() - frameAt);
    let last = null;
    let startedAt = null;
    const tick = (t) => {
      if (last !== null) deltas.push(t - last);
      else startedAt = performance.now();
      last = t;
      frameAt = performance.now();
      channel.port2.postMessage(null);
      if (performance.now() - startedAt < seconds * 1000) {
        scrollBy(0, step);
        requestAnimationFrame(tick);
        return;
      }
      const tasks = (window.__longTasks ?? []).filter((x) => x.start >= startedAt);
      channel.port1.close();
      resolve({
        deltas,
        render,
        longTasks: tasks.length,
        longestTask: tasks.reduce((m, x) => Math.max(m, x.duration), 0),
      });
    };
    // Two frames first: the scroll to the top is painted before the first measured one.
    requestAnimationFrame(() => requestAnimationFrame(tick));
  });
}

const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function frameFigures(pass) {
  const d = pass.deltas.slice().sort((a, b) => a - b);
  const r = pass.render.slice().sort((a, b) => a - b);
  return {
    frames: d.length,
    renderP50: quantile(r, 0.5),
    renderP95: quantile(r, 0.95),
    renderMean: r.reduce((sum, x) => sum + x, 0) / (r.length || 1),
    p50: quantile(d, 0.5),
    p95: quantile(d, 0.95),
    max: d.at(-1),
    over20: d.filter((x) => x > 20).length,
    longTasks: pass.longTasks,
    longestTask: pass.longestTask,
  };
}

async function extensionPass(session, url, seconds, withExtension) {
  const page = await session.context.newPage();
  await page.addInitScript(probeInitScript);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const state = await waitForStable(page, { minHighlights: withExtension ? 1 : 0, stableMs: 1000, timeoutMs: 60_000 });
  const pass = frameFigures(await page.evaluate(scrollThrough, seconds));
  await page.close();
  return { ...pass, highlights: state.hl.size };
}

/** Registers a StaticRange over every mention of the page under our subject highlight, as the extension does. */
function registerAll() {
  const names = /Siri|Apple Intelligence|Craig Federighi/g;
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    for (const m of n.data.matchAll(names))
      highlight.add(
        new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }),
      );
  window.__allRanges = highlight;
  return highlight.size;
}

/** In one load of the page without the extension: passes with all its mentions registered and with none, alternating. */
async function rangesPasses(ctx, session, url, seconds, loads) {
  const page = await session.context.newPage();
  await page.addInitScript(probeInitScript);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.addStyleTag({ content: ctx.scripts.css });
  const registered = await page.evaluate(registerAll);
  const out = { with: [], without: [] };
  for (let i = 0; i < loads; i++) {
    for (const on of i % 2 ? [true, false] : [false, true]) {
      await page.evaluate((set) => {
        if (set) CSS.highlights.set('context-lens-subject', window.__allRanges);
        else CSS.highlights.delete('context-lens-subject');
      }, on);
      await sleep(300);
      const pass = frameFigures(await page.evaluate(scrollThrough, seconds));
      (on ? out.with : out.without).push({ ...pass, highlights: on ? registered : 0 });
    }
  }
  await page.close();
  return out;
}

function summarise(runs) {
  const side = (list) => {
    const s = (k) => stats(list.map((r) => r[k]));
    return {
      p50: s('p50'),
      p95: s('p95'),
      max: s('max'),
      renderP50: s('renderP50'),
      renderP95: s('renderP95'),
      renderMean: s('renderMean'),
      over20: s('over20'),
      longTasks: s('longTasks'),
      longestTask: s('longestTask'),
      highlights: s('highlights'),
      frames: s('frames'),
    };
  };
  const paired = (k) => stats(runs.with.map((w, i) => w[k] / runs.without[i][k]));
  return {
    with: side(runs.with),
    without: side(runs.without),
    p95Ratio: paired('p95'),
    renderMeanRatio: paired('renderMean'),
    runs,
  };
}

function printPaint(ctx, pages) {
  const { paint } = ctx.config;
  const rows = [];
  for (const p of pages) {
    const line = (label, r) => [
      `${p.page}: ${label}`,
      cell(r.highlights),
      cell(r.p50),
      cell(r.p95),
      cell(r.max),
      cell(r.renderMean),
      cell(r.renderP95),
      cell(r.over20),
      cell(r.frames),
      cell(r.longTasks),
      cell(r.longestTask),
    ];
    rows.push(line('alone', p.ext.without), line('built extension', p.ext.with));
    if (p.ranges) rows.push(line('none registered', p.ranges.without), line('all registered', p.ranges.with));
  }
  table(
    `9. Scrolling a page of ${paint.paragraphs.toLocaleString('en-US')} paragraphs through its length in ${paint.seconds} s (ms; median [min–max] of ${paint.loads} passes)`,
    [
      'page: run',
      'ranges',
      'frame p50',
      'frame p95',
      'frame max',
      'render mean',
      'render p95',
      'frames > 20 ms',
      'frames',
      'long tasks',
      'longest task',
    ],
    rows,
    [
      '',
      'Frame times: deltas between requestAnimationFrame callbacks while the page scrolls by scrollBy at every frame (headless,',
      '60 Hz, software compositing). render: per frame, from its animation frame callback to a message posted there (the',
      "frame's style, layout and paint on the main thread). alone / built extension: fresh loads with and without it, after",
      'its highlights held still; the extension paints at most its cap of highlighted mentions. none / all registered: one',
      'load without the extension, our highlight styles added, a StaticRange over every mention under the subject highlight,',
      'set and deleted between passes.',
    ],
  );
}

function printTargets(ctx, pages) {
  const { targets } = ctx;
  for (const p of pages)
    console.log(
      `Target (${p.page}): frame p95 with the extension ≤ ${targets.scrollP95Slowdown}× alone: ${ratio(p.ext.p95Ratio?.median)} → ${PASS(p.ext.p95Ratio?.median <= targets.scrollP95Slowdown)}; ` +
        (p.ranges
          ? `all ${p.mentions.toLocaleString('en-US')} ranges registered vs none: frame p95 ${ratio(p.ranges.p95Ratio?.median)}, render mean ${ratio(p.ranges.renderMeanRatio?.median)}`
          : 'ranges registered from the page: full run only'),
    );
  if (pages.length > 1 && pages.every((p) => p.ranges)) {
    const [a, b] = [pages[0], pages.at(-1)];
    const m = (x, side) => x.ranges[side].renderMean?.median;
    console.log(
      `Paint cost with ranges: mean render time per frame with all registered ${fmt(m(a, 'with'))} ms (${a.mentions.toLocaleString('en-US')} ranges) → ${fmt(m(b, 'with'))} ms (${b.mentions.toLocaleString('en-US')}); with none registered ${fmt(m(a, 'without'))} → ${fmt(m(b, 'without'))} ms (same page length).`,
    );
  }
}
