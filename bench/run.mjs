#!/usr/bin/env node
// `npm run bench` (and `npm run bench -- --quick` in CI): how much the
// extension costs a page, in headless Debian Chromium, side by side with a
// bare text walk (the floor) and with mark.js given the same aliases.
// Prints tables and writes the same figures as JSON under bench/results/.
// Exit code: 0 when the bench ran (missed targets are reported, not failed),
// 1 when it crashed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS } from '../tests/e2e/harness/chromium-flags.mjs';
import { generatedAliases, prng, syntheticPage } from './lib/synth.mjs';
import { analyseTrace, readTrace, TRACE_CATEGORIES } from './lib/trace.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, 'bench');
const CORPUS = process.env.BENCH_CORPUS ?? resolve(ROOT, '../shared/corpus');
const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SUBJECT_HIGHLIGHT = 'context-lens-subject';

const QUICK = process.argv.includes('--quick');
// `--only=1,3` runs just those sections (for working on the bench itself).
const ONLY =
  process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',')
    .map(Number) ?? null;
const wanted = (section) => !ONLY || ONLY.includes(section);
const SEED = Number(process.env.BENCH_SEED ?? 20251126);

const KB = 1000;
const MB = 1000 * KB;

const CONFIG = QUICK
  ? {
      corpus: ['theverge.html', 'lemonde-1.html'],
      corpusLoads: 3,
      synthetic: [
        { name: 'synthetic 100 KB', chars: 100 * KB, loads: 3, markLoads: 2 },
        { name: 'synthetic 1 MB', chars: 1 * MB, loads: 3, markLoads: 1 },
      ],
      markCapMs: 10_000,
      aliasCounts: [10, 1000],
      aliasLoads: 2,
      aliasMarkRuns: { 10: 1, 1000: 1 },
      healthPage: 'synthetic 1 MB',
      healthLoads: 1,
      overheadLoads: 3,
    }
  : {
      corpus: null, // every page of the corpus
      corpusLoads: 3,
      synthetic: [
        { name: 'synthetic 100 KB', chars: 100 * KB, loads: 5, markLoads: 5 },
        { name: 'synthetic 1 MB', chars: 1 * MB, loads: 5, markLoads: 3 },
        // Loading 10 MB of HTML takes Chromium 15–25 s here: fewer loads, and one capped mark.js run.
        { name: 'synthetic 10 MB', chars: 10 * MB, loads: 2, markLoads: 1, markLast: true },
      ],
      // mark.js makes one pass over the page per alias: past 100 aliases on 1 MB, or on 10 MB, it runs for minutes.
      markCapMs: 30_000,
      aliasCounts: [10, 100, 1000, 10000],
      aliasLoads: 3,
      aliasMarkRuns: { 10: 2, 100: 1, 1000: 1, 10000: 1 },
      healthPage: 'synthetic 10 MB',
      healthLoads: 2,
      overheadLoads: 3,
    };

const TARGETS = {
  oursOverFloor: 2.0,
  markOverOurs: 10,
  aliasSlowdown: 2.0,
  extensionLongTasks: 0,
  addedScriptMs: 5,
  contentScriptGzipKB: 35,
};

// ---------------------------------------------------------------- helpers

const log = (...a) => console.error(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const q = (p) => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return v[lo] + (v[hi] - v[lo]) * (i - lo);
  };
  return { n: v.length, median: q(0.5), min: v[0], max: v[v.length - 1], q1: q(0.25), q3: q(0.75) };
}

function fmt(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** "median [min–max]" (or just the value for one sample). */
function cell(s, unit = '') {
  if (!s) return '–';
  if (s.n === 1) return `${fmt(s.median)}${unit}`;
  return `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]${unit}`;
}

function ratio(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

function kb(n) {
  if (n >= MB) return `${(n / MB).toFixed(2)} MB`;
  return `${(n / KB).toFixed(1)} KB`;
}

const PASS = (ok) => (ok ? 'PASS' : 'MISS');

/** Other processes on the machine make every figure noisier: say how busy it was. */
function loadLine([one, five]) {
  const cores = os.cpus().length;
  const busy = one > cores ? ` — busier than its ${cores} cores: expect noisy figures` : '';
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)${busy}`;
}

/** Pads columns; the first column left-aligned, the rest right-aligned. */
function table(title, headers, rows, notes = []) {
  const all = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s, w, left) => (left ? s + ' '.repeat(w - [...s].length) : ' '.repeat(w - [...s].length) + s);
  const line = (r) => `| ${r.map((c, i) => pad(c ?? '', widths[i], i === 0)).join(' | ')} |`;
  const out = [
    `\n## ${title}\n`,
    line(all[0]),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ];
  for (const r of all.slice(1)) out.push(line(r));
  for (const n of notes) out.push(n);
  console.log(out.join('\n'));
}

function shuffle(list, rand) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Median of per-load ratios a/b, over the loads where both were measured. */
function pairedRatio(runs, a, b) {
  const values = runs.filter((r) => r[a] != null && r[b] != null && r[b] > 0).map((r) => r[a] / r[b]);
  return stats(values)?.median ?? null;
}

// ---------------------------------------------------------------- build

const SOURCES = [
  'lib',
  'entrypoints',
  'components',
  'public',
  'assets',
  'locales',
  'utils',
  'seeds',
  'wxt.config.ts',
  'package.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the Chrome extension with `npx wxt build` when it is missing or older than its sources. */
function ensureBuild() {
  const manifest = join(CHROME_BUILD, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built > sources) {
    log(`Extension build is up to date (${CHROME_BUILD}).`);
    return { built: false };
  }
  log(built ? 'Extension build is stale: running `npx wxt build`…' : 'No extension build: running `npx wxt build`…');
  const t0 = Date.now();
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error(`npx wxt build failed (exit ${r.status})`);
  }
  log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  return { built: true, seconds: (Date.now() - t0) / 1000 };
}

async function bundleOurs() {
  const result = await build({
    entryPoints: [join(BENCH, 'lib/page-ours.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// ---------------------------------------------------------------- server

/** Serves the corpus and the generated pages on 127.0.0.1; nothing else. */
async function startServer(synthetic) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (body) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path.startsWith('/corpus/')) {
      const file = join(CORPUS, basename(path));
      if (existsSync(file)) return send(readFileSync(file));
    }
    if (path.startsWith('/synth/')) {
      const page = synthetic.get(basename(path));
      if (page) return send(page);
    }
    if (path === '/blank.html') return send('<!doctype html><title>blank</title><p>blank</p>');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Pages under test never reach beyond this machine. */
async function blockOutside(context) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    return route.abort();
  });
}

// ---------------------------------------------------------------- browsers

async function launchPlain() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // gc() between measurements keeps one run's garbage out of the next one's time.
    args: [...FLAGS, '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  await blockOutside(context);
  return { browser, context, close: () => browser.close() };
}

async function launchPersistent(withExtension) {
  const profile = mkdtempSync(join(os.tmpdir(), 'cl-bench-'));
  const args = [...FLAGS];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  await blockOutside(context);
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // The welcome tab opened on install would compete for the CPU: close it.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !context.pages().some((p) => p.url().includes('welcome.html'))) await sleep(100);
    for (const p of context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
    context.__extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- page instrumentation

async function injectBench(page, scripts) {
  await page.addScriptTag({ content: scripts.markjs });
  await page.addScriptTag({ content: scripts.ours });
  await page.addScriptTag({ content: scripts.helpers });
  await page.addStyleTag({ content: scripts.css });
}

async function gc(page) {
  await page.evaluate(() => {
    if (typeof window.gc === 'function') window.gc();
  });
  await sleep(30);
}

async function openForBench(context, url, scripts) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const load = async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    // Let the page's own load-time work settle before measuring.
    await sleep(300);
    await injectBench(page, scripts);
  };
  await load();
  return { page, cdp, reload: load };
}

/**
 * Runs mark.js in the page, stopped after `capMs` by terminating the page's
 * script (mark.js is synchronous, so nothing else could stop it).
 */
async function runMarkCapped(bench, terms, capMs) {
  let terminated = false;
  const timer = setTimeout(() => {
    terminated = true;
    bench.cdp.send('Runtime.terminateExecution').catch(() => {});
  }, capMs);
  try {
    const r = await bench.page.evaluate((t) => window.__benchMark(t), terms);
    clearTimeout(timer);
    if (terminated) return { capped: false, ms: r.ms, pieces: r.pieces, dirty: true };
    const count = await bench.page.evaluate(() => window.__benchMarkCount());
    return { capped: false, ms: r.ms, pieces: r.pieces, count };
  } catch (error) {
    clearTimeout(timer);
    if (!terminated) throw error;
    return { capped: true, ms: null, dirty: true };
  }
}

// ---------------------------------------------------------------- section 1

async function annotationCost(plain, scripts, pages, rand) {
  const rows = [];
  for (const spec of pages) {
    log(`[1] ${spec.name}: ${spec.loads} loads…`);
    const bench = await openForBench(plain.context, spec.url, scripts);
    const terms = await bench.page.evaluate(() => window.__benchOurs.defaultAliasTexts);
    const runs = [];
    let markCapped = false;
    for (let load = 0; load < spec.loads; load++) {
      if (load > 0) await bench.reload();
      const withMark = load < spec.markLoads && !markCapped;
      // Where mark.js may hit the cap, it runs last: a stopped run leaves the page half-marked.
      let order = shuffle(['floor', 'ours'], rand);
      if (withMark) order = spec.markLast ? [...order, 'mark'] : shuffle([...order, 'mark'], rand);
      const run = { order: order.join(',') };
      for (let i = 0; i < order.length; i++) {
        await gc(bench.page);
        const what = order[i];
        if (what === 'floor') {
          const f = await bench.page.evaluate(() => window.__benchFloor());
          Object.assign(run, { floor: f.ms, textChars: f.chars, textNodes: f.nodes });
        } else if (what === 'ours') {
          const o = await bench.page.evaluate(() => window.__benchOurs.run());
          Object.assign(run, {
            ours: o.wall,
            oursBusy: o.busy,
            oursCompile: o.compile,
            oursYields: o.yields,
            oursMaxSlice: o.maxSlice,
            oursFinalSlice: o.finalSlice,
            oursSlicesOver50: o.slicesOver50,
            oursLongestSlices: o.longestSlices,
            oursCount: o.count,
          });
        } else {
          const m = await runMarkCapped(bench, terms, CONFIG.markCapMs);
          if (m.capped) {
            markCapped = true;
            run.markCapped = true;
          } else Object.assign(run, { mark: m.ms, markCount: m.count, markPieces: m.pieces });
          const more = i < order.length - 1;
          if (m.dirty) {
            if (more) await bench.reload();
          } else if (more) await bench.page.evaluate(() => window.__benchUnmark());
        }
      }
      runs.push(run);
    }
    await bench.page.close();
    const pick = (k) => stats(runs.map((r) => r[k]));
    const row = {
      page: spec.name,
      kind: spec.kind,
      url: spec.url,
      textChars: pick('textChars')?.median,
      textNodes: pick('textNodes')?.median,
      floor: pick('floor'),
      ours: pick('ours'),
      oursBusy: pick('oursBusy'),
      oursCompile: pick('oursCompile'),
      oursYields: pick('oursYields'),
      oursMaxSlice: pick('oursMaxSlice'),
      oursFinalSlice: pick('oursFinalSlice'),
      oursSlicesOver50: pick('oursSlicesOver50'),
      mark: pick('mark'),
      markRuns: runs.filter((r) => r.mark != null || r.markCapped).length,
      markCapped,
      oursCount: pick('oursCount')?.median,
      markCount: pick('markCount')?.median ?? null,
      oursOverFloor: pairedRatio(runs, 'ours', 'floor'),
      busyOverFloor: pairedRatio(runs, 'oursBusy', 'floor'),
      markOverOurs: pairedRatio(runs, 'mark', 'ours'),
      runs,
    };
    rows.push(row);
    log(
      `    floor ${cell(row.floor)}  ours ${cell(row.ours)}  mark.js ${markCapped ? '> cap' : cell(row.mark)}  found ${row.oursCount}/${row.markCount}`,
    );
  }
  return rows;
}

/** mark.js/ours, or a lower bound when mark.js hit the cap. */
function markOverOursText(r) {
  if (!r.markCapped) return ratio(r.markOverOurs);
  return `> ${ratio(CONFIG.markCapMs / r.ours.median)}`;
}

function printAnnotationCost(rows) {
  const cap = `> ${CONFIG.markCapMs / 1000} s (cap)`;
  const body = rows.map((r) => {
    const differ =
      r.markCount != null && Math.abs(r.oursCount - r.markCount) > 0.2 * Math.max(r.oursCount, r.markCount);
    const big = r.textChars >= 0.95 * MB;
    return [
      r.page,
      kb(r.textChars),
      r.textNodes.toLocaleString('en-US'),
      cell(r.floor),
      cell(r.ours),
      cell(r.oursBusy),
      r.markCapped && !r.mark ? cap : cell(r.mark),
      ratio(r.oursOverFloor),
      big ? PASS(r.oursOverFloor <= TARGETS.oursOverFloor) : '',
      markOverOursText(r),
      r.oursCount,
      r.markCount ?? (r.markCapped ? '?' : '–'),
      differ ? 'DIFFER >20%' : '',
    ];
  });
  table(
    '1. Annotation cost per page (ms, median [min–max] over page loads)',
    [
      'page',
      'text',
      'text nodes',
      'floor',
      'ours (wall)',
      'ours (busy)',
      'mark.js',
      'ours/floor',
      `≤${TARGETS.oursOverFloor} (≥1 MB)`,
      'mark.js/ours',
      'found: ours',
      'mark.js',
      'counts',
    ],
    body,
    [
      '',
      'floor = TreeWalker(SHOW_TEXT) over <body> reading every .data. ours = Matcher.compile(aliasSpecs(seed)) + new PageAnnotator(',
      'document, matcher, { painter: new Highlighter(), onCounts }) + await start(), wall time; busy = wall minus time yielded.',
      'The three run in the same page load, in random order (mark.js last on pages where it may hit the cap), gc() between;',
      'ratios are medians of per-load ratios. Loads per page: ' +
        rows
          .map((r) => `${r.page} ${r.runs.length}${r.markRuns !== r.runs.length ? ` (mark.js ${r.markRuns})` : ''}`)
          .join(', ') +
        '.',
      'mark.js: accuracy exactly with punctuation limiters, diacritics, acrossElements, separateWordSearch false, case-insensitive,',
      "exclude '[data-markjs]' (else a shorter alias re-marks inside a longer one); a match split over elements counts once.",
      'Counts differ by design where mark.js ignores case ("Pang"), visibility, <noscript> and the full-name-first rule.',
      'The shipped content script also passes isExcluded and onChange (cards) and runs in an isolated world: see section 3.',
    ],
  );
  const big = rows.find((r) => r.page === 'synthetic 1 MB');
  if (big) {
    const ok = big.markCapped || big.markOverOurs >= TARGETS.markOverOurs;
    console.log(
      `Target: mark.js/ours ≥ ${TARGETS.markOverOurs} on the 1 MB page with the default aliases: ${markOverOursText(big)} → ${PASS(ok)}`,
    );
  }
  table(
    "1b. Our pipeline's time slices (same runs; ms)",
    ['page', 'compile', 'yields', 'longest slice', 'last slice (scan end + publish)', 'slices ≥50 ms per run'],
    rows.map((r) => [
      r.page,
      cell(r.oursCompile),
      cell(r.oursYields),
      cell(r.oursMaxSlice),
      cell(r.oursFinalSlice),
      cell(r.oursSlicesOver50),
    ]),
    [
      '',
      'A slice is main-thread time between two scheduler.yield() calls of the annotator (timed by wrapping scheduler.yield); the',
      'annotator aims at 8 ms slices. Slices ≥50 ms are long tasks the page would see.',
    ],
  );
}

// ---------------------------------------------------------------- section 2

async function aliasScaling(plain, scripts, url, rand) {
  log(`[2] alias scaling on ${url}…`);
  const counts = CONFIG.aliasCounts;
  const bench = await openForBench(plain.context, url, scripts);
  const defaultTerms = await bench.page.evaluate(() => window.__benchOurs.defaultAliasTexts);
  // N aliases = the seed's default aliases + generated names up to N.
  const extras = Object.fromEntries(counts.map((n) => [n, generatedAliases(Math.max(0, n - defaultTerms.length))]));
  const ours = Object.fromEntries(counts.map((n) => [n, []]));
  for (let load = 0; load < CONFIG.aliasLoads; load++) {
    if (load > 0) await bench.reload();
    for (const n of shuffle(counts, rand)) {
      await gc(bench.page);
      ours[n].push(await bench.page.evaluate((extra) => window.__benchOurs.run(extra), extras[n]));
    }
  }
  const mark = Object.fromEntries(counts.map((n) => [n, []]));
  const capped = {};
  let skipRest = false;
  for (const n of counts) {
    if (skipRest) {
      capped[n] = 'skipped';
      continue;
    }
    for (let run = 0; run < (CONFIG.aliasMarkRuns[n] ?? 1); run++) {
      await bench.reload();
      await gc(bench.page);
      log(`    mark.js with ${n} aliases, run ${run + 1}…`);
      const m = await runMarkCapped(bench, [...defaultTerms, ...extras[n]], CONFIG.markCapMs);
      if (m.capped) {
        capped[n] = 'capped';
        // mark.js makes one pass over the page per term: more terms can only take longer.
        skipRest = true;
        break;
      }
      mark[n].push(m);
    }
  }
  await bench.page.close();
  return counts.map((n) => ({
    aliases: ours[n][0]?.aliases ?? n,
    ours: stats(ours[n].map((r) => r.wall)),
    oursBusy: stats(ours[n].map((r) => r.busy)),
    compile: stats(ours[n].map((r) => r.compile)),
    maxSlice: stats(ours[n].map((r) => r.maxSlice)),
    oursCount: stats(ours[n].map((r) => r.count))?.median,
    mark: stats(mark[n].map((r) => r.ms)),
    markCount: stats(mark[n].map((r) => r.count))?.median ?? null,
    markCapped: capped[n] ?? null,
    oursRuns: ours[n],
    markRuns: mark[n],
  }));
}

function printAliasScaling(rows) {
  const base = rows[0];
  const capText = (r) =>
    r.markCapped === 'capped'
      ? `> ${CONFIG.markCapMs / 1000} s (cap)`
      : r.markCapped === 'skipped'
        ? `> cap (not run)`
        : cell(r.mark);
  table(
    `2. Alias scaling on the synthetic 1 MB page (ms, median [min–max]; ours ${CONFIG.aliasLoads} loads)`,
    [
      'aliases',
      'ours wall',
      'ours busy',
      'compile',
      'max slice',
      'vs 10 aliases',
      'mark.js',
      'mark.js/ours',
      'found ours',
      'found mark.js',
    ],
    rows.map((r) => [
      r.aliases.toLocaleString('en-US'),
      cell(r.ours),
      cell(r.oursBusy),
      cell(r.compile),
      fmt(r.maxSlice?.max),
      ratio(r.ours.median / base.ours.median),
      capText(r),
      r.markCapped ? `> ${ratio(CONFIG.markCapMs / r.ours.median)}` : ratio(r.mark?.median / r.ours.median),
      r.oursCount,
      r.markCount ?? (r.markCapped ? '?' : '–'),
    ]),
    [
      '',
      'aliases = the seed\'s default (subject) aliases + generated "First Last" names; the page mentions the default ones and',
      'names sharing a first name with generated aliases (so the matcher walks deep before failing).',
    ],
  );
  const last = rows[rows.length - 1];
  const slow = last.ours.median / base.ours.median;
  const label = `${base.aliases.toLocaleString('en-US')} → ${last.aliases.toLocaleString('en-US')} aliases`;
  const full = last.aliases >= 10000;
  console.log(
    `Target: ${label} slows ours ≤ ${TARGETS.aliasSlowdown}×: ${ratio(slow)} → ${PASS(slow <= TARGETS.aliasSlowdown)}${full ? '' : ' (quick run: target is stated for 10,000)'}`,
  );
}

// ---------------------------------------------------------------- section 3

/** Installed before any page script: long tasks and the growth of our highlight. */
function healthInitScript(highlightName) {
  const w = window;
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  w.__hl = { size: 0, first: null, last: null };
  const tick = () => {
    const h = CSS.highlights?.get(highlightName);
    const size = h ? h.size : 0;
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

/** A long task ran the extension's code when it injected one of its scripts or ≥1 ms of its samples are in its code. */
const hasExtensionCode = (t) => t.injectsExtensionScript || t.extensionMs >= 1;
/**
 * …and is the extension's doing when it is the injection of its script (a task only the extension makes),
 * or when, without the samples in the extension's code, it would be under 50 ms.
 */
const isExtensionTask = (t) => t.injectsExtensionScript || (t.extensionMs >= 1 && t.duration - t.extensionMs < 50);

async function healthRun(session, url, expectHighlights) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await page.addInitScript(healthInitScript, SUBJECT_HIGHLIGHT);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordUntilFull', includedCategories: TRACE_CATEGORIES },
  });
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const stableMs = 2000;
  const deadline = Date.now() + 90_000;
  let state;
  for (;;) {
    state = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        now: performance.now(),
        hl: window.__hl,
        dcl: nav?.domContentLoadedEventEnd ?? null,
        load: nav?.loadEventEnd ?? null,
      };
    });
    const since = state.now - Math.max(state.load ?? 0, state.hl.last ?? 0);
    if (since >= stableMs && (!expectHighlights || state.hl.size > 0)) break;
    if (Date.now() > deadline) break;
    await sleep(250);
  }
  const { longTasks, registered } = await page.evaluate(() => ({
    longTasks: window.__longTasks,
    registered: [...CSS.highlights.keys()].map((k) => `${k}:${CSS.highlights.get(k).size}`),
  }));
  if (expectHighlights && state.hl.size === 0)
    log(`    no highlight appeared (registry: ${registered.join(', ') || 'empty'})`);
  const trace = analyseTrace(await readTrace(cdp), url);
  await page.close();
  const afterDcl = longTasks.filter((t) => t.start >= (state.dcl ?? 0));
  const extTasks = trace ? trace.longTasks.filter(isExtensionTask) : [];
  return {
    tasks: longTasks.length,
    longest: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
    tasksAfterDcl: afterDcl.length,
    longestAfterDcl: afterDcl.reduce((m, t) => Math.max(m, t.duration), 0),
    tasksWithExtensionCode: trace ? trace.longTasks.filter(hasExtensionCode).length : null,
    longestWithExtensionCode: trace
      ? trace.longTasks.filter(hasExtensionCode).reduce((m, t) => Math.max(m, t.duration), 0)
      : null,
    extensionTasks: trace ? extTasks.length : null,
    longestExtensionTask: trace ? extTasks.reduce((m, t) => Math.max(m, t.duration), 0) : null,
    extensionMsInLongTasks: trace ? trace.longTasks.reduce((m, t) => m + t.extensionMs, 0) : null,
    highlights: state.hl.size,
    firstHighlight: state.hl.first,
    lastHighlight: state.hl.last,
    dcl: state.dcl,
    load: state.load,
    longTasks,
    trace,
  };
}

/** The first characters of the built file at a function's position: enough to tell which function it is. */
function sourceSnippet({ path, line, column }) {
  try {
    const text = readFileSync(join(CHROME_BUILD, path), 'utf8').split('\n')[line] ?? '';
    // V8 reports a function's position at its parameter list or name: back up to its start.
    const from = Math.max(
      0,
      text.lastIndexOf('function', column) >= column - 30 ? text.lastIndexOf('function', column) : column - 12,
    );
    return `${text.slice(from, from + 110).replace(/\s+/g, ' ')}…`;
  } catch {
    return '(source not found)';
  }
}

async function mainThreadHealth(withExt, withoutExt, url) {
  log(`[3] main-thread health on ${url}…`);
  const result = { with: [], without: [] };
  for (let i = 0; i < CONFIG.healthLoads; i++) {
    result.without.push(await healthRun(withoutExt, url, false));
    result.with.push(await healthRun(withExt, url, true));
    const w = result.with.at(-1);
    log(
      `    with: ${w.tasks} long tasks (longest ${fmt(w.longest)} ms), ${w.tasksWithExtensionCode} with extension code (longest ${fmt(w.longestWithExtensionCode)} ms), ${w.extensionTasks} due to it; ${w.highlights} highlights, last at ${fmt(w.lastHighlight)} ms`,
    );
  }
  return result;
}

function printHealth(health, pageName) {
  const row = (label, runs, ext) => {
    const s = (k) => stats(runs.map((r) => r[k]));
    return [
      label,
      cell(s('tasks')),
      cell(s('longest')),
      cell(s('tasksAfterDcl')),
      cell(s('longestAfterDcl')),
      cell(s('tasksWithExtensionCode')),
      cell(s('longestWithExtensionCode')),
      cell(s('extensionTasks')),
      cell(s('dcl')),
      cell(s('load')),
      ext ? cell(s('highlights')) : '–',
      ext ? cell(s('lastHighlight')) : '–',
    ];
  };
  table(
    `3. Main-thread health on the ${pageName} page, built extension loaded (${CONFIG.healthLoads} loads each; ms; times from navigation start)`,
    [
      'run',
      'long tasks ≥50 ms',
      'longest',
      'after DCL',
      'longest after DCL',
      'with ext. code',
      'longest w/ ext. code',
      'due to ext.',
      'DCL',
      'load',
      'highlights',
      'last highlight at',
    ],
    [row('without extension', health.without, false), row('with extension', health.with, true)],
    [
      '',
      "long tasks: PerformanceObserver('longtask', buffered) registered before load (addInitScript); the page's own parsing",
      'tasks are in both rows. with ext. code: main-thread tasks ≥50 ms in a Chrome trace of the same load that inject the',
      "content script or in which ≥1 ms of the CPU profiler's samples have a chrome-extension:// frame on the stack; due to",
      'ext.: the injection tasks, and those that would be under 50 ms without the samples in extension code.',
    ],
  );
  const used = new Set();
  health.with.forEach((r, i) => {
    const tasks = (r.trace?.longTasks.filter(hasExtensionCode) ?? []).sort((a, b) => b.duration - a.duration);
    if (tasks.length)
      console.log(
        `Long tasks running extension code, load ${i + 1} (longest first; busiest functions by CPU samples):`,
      );
    for (const t of tasks.slice(0, 6)) {
      console.log(
        `  ${fmt(t.duration)} ms at ${fmt(t.start)} ms after parsing began${t.injectsExtensionScript ? ` (injects the content script: EvaluateScript ${fmt(t.injectionMs)} ms)` : ''}: ${fmt(t.extensionMs)} ms sampled in extension code` +
          ` [${t.top.join(', ')}]; rest [${t.otherTop.join(', ') || '–'}]`,
      );
      for (const line of [...t.top, ...t.otherTop]) used.add(line.replace(/ [\d.,]+ ms$/, ''));
    }
    if (tasks.length > 6) console.log(`  … and ${tasks.length - 6} more`);
  });
  // The build is minified: show where its short names come from.
  const sources = {};
  for (const r of health.with) Object.assign(sources, r.trace?.minified ?? {});
  const legend = Object.entries(sources).filter(([label]) => used.has(label));
  if (legend.length) console.log('Minified names in the built content script:');
  for (const [label, at] of legend) console.log(`  ${label.split('@')[0]} = ${sourceSnippet(at)}`);
  const worst = stats(health.with.map((r) => r.extensionTasks))?.max;
  console.log(
    `Target: zero ≥50 ms tasks from the extension on the ${pageName} page: ${worst == null ? 'unknown (no trace)' : `${worst} in the worst load`} → ${worst == null ? 'n/a' : PASS(worst <= TARGETS.extensionLongTasks)}`,
  );
}

// ---------------------------------------------------------------- section 4

async function scriptDuration(session, url) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  // Content scripts run at document_idle, in every frame, after two messages to the background: wait until
  // script time stops growing (300 ms without change), 3 s at most.
  await sleep(500);
  let last = await read();
  let quietSince = Date.now();
  const deadline = Date.now() + 2500;
  while (Date.now() < deadline && Date.now() - quietSince < 300) {
    await sleep(100);
    const now = await read();
    if (now - last > 0.05) quietSince = Date.now();
    last = now;
  }
  await page.close();
  return last;
}

async function extensionOverhead(withExt, withoutExt, pages) {
  const rows = [];
  for (const p of pages) {
    log(`[4] ${p.name}…`);
    const w = [];
    const wo = [];
    for (let i = 0; i < CONFIG.overheadLoads; i++) {
      wo.push(await scriptDuration(withoutExt, p.url));
      w.push(await scriptDuration(withExt, p.url));
    }
    const sw = stats(w);
    const swo = stats(wo);
    rows.push({
      page: p.name,
      without: swo,
      with: sw,
      added: sw.median - swo.median,
      samplesWith: w,
      samplesWithout: wo,
    });
  }
  return rows;
}

function printOverhead(rows) {
  table(
    `4. Extension overhead on corpus pages without mentions (ScriptDuration ms, median [min–max] of ${CONFIG.overheadLoads} loads)`,
    ['page', 'without extension', 'with extension', 'added', `≤${TARGETS.addedScriptMs} ms`],
    rows.map((r) => [r.page, cell(r.without), cell(r.with), fmt(r.added), PASS(r.added <= TARGETS.addedScriptMs)]),
    [
      '',
      'CDP Performance.getMetrics ScriptDuration of the tab (all its frames), read once it stops growing after load (fresh tab',
      'per load); added = median with − median without. Pages with many about:blank/srcdoc frames get the content script in each.',
    ],
  );
}

// ---------------------------------------------------------------- section 5

/**
 * Hook for card latency. When bench/card-latency.mjs exists, its default
 * export is called as `await cardLatency(ctx)` with
 *   ctx = { quick, origin, pages: [{ name, url }], launchWithExtension(), launchWithoutExtension(), stats, sleep }
 * (launch* resolve to { context, close() }, context being a Playwright
 * persistent BrowserContext with routing to 127.0.0.1 only) and must resolve
 * to { title?, headers: string[], rows: string[][], notes?: string[], data?: any }.
 */
async function cardLatency(ctx) {
  const file = join(BENCH, 'card-latency.mjs');
  if (!existsSync(file)) {
    console.log('\n## 5. Card latency\n\nn/a (cards not built yet)');
    return { status: 'n/a (cards not built yet)' };
  }
  const mod = await import(pathToFileURL(file).href);
  const out = await mod.default(ctx);
  table(out.title ?? '5. Card latency', out.headers, out.rows, out.notes ?? []);
  return out.data ?? out;
}

// ---------------------------------------------------------------- section 6

function scriptsOfPage(html) {
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) refs.add(m[1]);
  return [...refs].map((r) => r.replace(/^\//, ''));
}

function sizes() {
  const entry = (label, files) => {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const buf = readFileSync(join(CHROME_BUILD, f));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    return { label, files, raw, gzip: gz };
  };
  const rows = [];
  const csDir = join(CHROME_BUILD, 'content-scripts');
  const cs = readdirSync(csDir).filter((f) => f.endsWith('.js'));
  for (const f of cs) rows.push({ ...entry(`content script ${f}`, [`content-scripts/${f}`]), contentScript: true });
  for (const html of readdirSync(CHROME_BUILD).filter((f) => f.endsWith('.html'))) {
    const files = scriptsOfPage(readFileSync(join(CHROME_BUILD, html), 'utf8'));
    rows.push(entry(`${html.replace('.html', '')} page (${files.map((f) => basename(f)).join(' + ')})`, files));
  }
  if (existsSync(join(CHROME_BUILD, 'background.js'))) rows.push(entry('background service worker', ['background.js']));
  return rows;
}

function printSizes(rows) {
  table(
    '6. Size of the built extension (.output/chrome-mv3, as built: minified)',
    ['bundle', 'bytes', 'gzip bytes', `≤${TARGETS.contentScriptGzipKB} KB gzip`],
    rows.map((r) => [
      r.label,
      r.raw.toLocaleString('en-US'),
      r.gzip.toLocaleString('en-US'),
      r.contentScript ? PASS(r.gzip <= TARGETS.contentScriptGzipKB * 1024) : '',
    ]),
    ['', 'gzip = zlib level 9; a page counts every script and modulepreload its HTML references.'],
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  const results = { quick: QUICK, seed: SEED, startedAt: new Date().toISOString(), config: CONFIG, targets: TARGETS };
  const rand = prng(SEED);

  results.build = ensureBuild();
  const scripts = {
    ours: await bundleOurs(),
    // Wrapped so a page's AMD loader or CommonJS shim cannot capture mark.js's UMD export.
    markjs: `(function(){var define, module, exports;${readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8')}
;window.__BenchMarkJs = this.Mark;}).call(window);`,
    helpers: readFileSync(join(BENCH, 'lib/page-helpers.js'), 'utf8'),
    css: readFileSync(join(ROOT, 'components/highlights.css'), 'utf8'),
  };

  // Pages
  const synthetic = new Map();
  const syntheticSpecs = [];
  for (const s of CONFIG.synthetic) {
    const file = `${s.name.replace(/\W+/g, '-')}.html`;
    const page = syntheticPage(s.chars, SEED ^ s.chars);
    synthetic.set(file, page.html);
    syntheticSpecs.push({ ...s, kind: 'synthetic', file, written: page.mentions, htmlBytes: page.html.length });
  }
  const server = await startServer(synthetic);
  const corpusFiles =
    CONFIG.corpus ??
    readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort();
  const corpusSpecs = corpusFiles.map((f) => ({
    name: f.replace('.html', ''),
    kind: 'corpus',
    url: `${server.origin}/corpus/${f}`,
    loads: CONFIG.corpusLoads,
    markLoads: CONFIG.corpusLoads,
  }));
  for (const s of syntheticSpecs) s.url = `${server.origin}/synth/${s.file}`;

  const open = [];
  const track = (handle) => {
    open.push(handle);
    return handle;
  };
  const release = async (handle) => {
    open.splice(open.indexOf(handle), 1);
    await handle.close();
  };
  try {
    track(server);
    const plain = track(await launchPlain());
    const version = plain.browser.version();
    const cpu = os.cpus();
    results.machine = {
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: version,
    };
    console.log(`# Context Lens benchmark${QUICK ? ' (--quick)' : ''}\n`);
    console.log(`Machine:  ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGB} GB RAM`);
    console.log(`OS:       ${results.machine.os}, Node ${process.version}`);
    console.log(`Browser:  Chromium ${version} (headless, ${CHROMIUM_PATH})`);
    console.log(`Build:    ${CHROME_BUILD} (${results.build.built ? 'rebuilt now' : 'up to date'})`);
    console.log(`Seed:     ${SEED} (synthetic pages, run order)`);
    results.loadAverageAtStart = os.loadavg();
    console.log(`Load:     ${loadLine(results.loadAverageAtStart)}`);

    const allPages = [...syntheticSpecs, ...corpusSpecs];
    results.sectionSeconds = {};
    let lapStart = Date.now();
    const lap = (name) => {
      results.sectionSeconds[name] = Math.round((Date.now() - lapStart) / 1000);
      lapStart = Date.now();
    };
    if (wanted(1)) {
      results.annotationCost = await annotationCost(plain, scripts, allPages, rand);
      printAnnotationCost(results.annotationCost);
      lap('1');
    }
    if (wanted(2)) {
      const oneMB = syntheticSpecs.find((s) => s.chars === 1 * MB);
      results.aliasScaling = await aliasScaling(plain, scripts, oneMB.url, rand);
      printAliasScaling(results.aliasScaling);
      lap('2');
    }
    // Which corpus pages have no mention (section 4): from section 1, or counted now.
    let noMentions = [];
    if (wanted(4)) {
      const counted =
        results.annotationCost ??
        (await annotationCost(
          plain,
          scripts,
          corpusSpecs.map((p) => ({ ...p, loads: 1, markLoads: 0 })),
          rand,
        ));
      noMentions = counted.filter((r) => r.kind === 'corpus' && r.oursCount === 0);
    }
    await release(plain);

    if (wanted(3) || wanted(4)) {
      // 3 and 4 load the built extension, and compare with the same browser without it.
      const withExt = track(await launchPersistent(true));
      const withoutExt = track(await launchPersistent(false));
      // Warm up both: the extension seeds its IndexedDB cache on install.
      for (const s of [withExt, withoutExt]) {
        const p = await s.context.newPage();
        await p.goto(corpusSpecs[0].url, { waitUntil: 'load' });
        await sleep(1500);
        await p.close();
      }
      lap('startup 3+4');
      if (wanted(3)) {
        const healthPage = syntheticSpecs.find((s) => s.name === CONFIG.healthPage);
        results.health = await mainThreadHealth(withExt, withoutExt, healthPage.url);
        printHealth(results.health, CONFIG.healthPage);
        lap('3');
      }
      if (wanted(4)) {
        const pages = noMentions.map((r) => ({ name: r.page, url: r.url }));
        results.overhead = await extensionOverhead(withExt, withoutExt, pages);
        if (results.overhead.length) printOverhead(results.overhead);
        else console.log('\n## 4. Extension overhead\n\nNo corpus page of this run is without mentions.');
        lap('4');
      }
      await release(withoutExt);
      await release(withExt);
    }

    if (wanted(5)) {
      results.cardLatency = await cardLatency({
        quick: QUICK,
        origin: server.origin,
        pages: allPages.map((p) => ({ name: p.name, url: p.url })),
        launchWithExtension: () => launchPersistent(true),
        launchWithoutExtension: () => launchPersistent(false),
        stats,
        sleep,
      });
    }
    if (wanted(6)) {
      results.sizes = sizes();
      printSizes(results.sizes);
    }
  } finally {
    for (const handle of open.reverse()) await handle.close().catch(() => {});
  }

  results.seconds = (Date.now() - t0) / 1000;
  results.loadAverageAtEnd = os.loadavg();
  console.log(`\nLoad at the end: ${loadLine(results.loadAverageAtEnd)}`);
  const laps = Object.entries(results.sectionSeconds ?? {}).map(([k, v]) => `${k}: ${v} s`);
  console.log(`Total time: ${results.seconds.toFixed(0)} s (${laps.join(', ')}).`);
  const dir = join(BENCH, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const kind = `${ONLY ? 'partial-' : ''}${QUICK ? 'quick' : 'full'}`;
  const name = `${kind}-${stamp}.json`;
  const json = JSON.stringify({ ...results, sections: ONLY ?? 'all' }, null, 1);
  writeFileSync(join(dir, name), json);
  // A run of some sections only does not replace the latest complete figures.
  if (!ONLY) writeFileSync(join(dir, `latest${QUICK ? '-quick' : ''}.json`), json);
  console.log(`Results: bench/results/${name} (sha1 ${createHash('sha1').update(json).digest('hex').slice(0, 8)})`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('\nBENCH CRASHED:', error?.stack ?? error);
    process.exit(1);
  },
);
