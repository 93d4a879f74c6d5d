#!/usr/bin/env node
// `npm run bench` (and `npm run bench -- --quick` in CI): how much the
// extension costs a page, in headless Debian Chromium, side by side with a
// bare text walk (the floor) and with mark.js given the same aliases.
// Prints tables and writes the same figures as JSON under bench/results/.
// Exit code: 0 when the bench ran (missed targets are reported, not failed),
// 1 when it crashed.
import os from 'node:os';
import { browserPool } from './lib/browsers.mjs';
import { ensureBuild, pageScripts } from './lib/build.mjs';
import { readOptions } from './lib/options.mjs';
import { describeMachine, finishResults, lapTimer, newResults, printHeader } from './lib/results.mjs';
import { serveBenchPages } from './lib/site.mjs';
import { prng } from './lib/synth.mjs';
import { SECTIONS } from './sections/index.mjs';

/** The section under way, for the crash message. */
let running = null;

async function main() {
  const t0 = Date.now();
  const options = readOptions();
  const results = newResults(options);
  results.build = ensureBuild();
  const scripts = await pageScripts();
  const site = await serveBenchPages(options.config, options.seed);
  const laps = lapTimer();
  const browsers = browserPool({ warmUpUrl: site.corpus[0].url, lap: laps.lap });
  try {
    // The header names the browser's version: launching it is the first thing any run does.
    const plain = await browsers.plain();
    results.machine = describeMachine(plain.browser.version());
    results.loadAverageAtStart = os.loadavg();
    printHeader(results);
    results.sectionSeconds = laps.start();
    const ctx = { ...options, rand: prng(options.seed), scripts, site, browsers, results };
    for (const section of SECTIONS.filter((s) => options.wanted(s.id))) {
      running = section;
      results[section.key] = await section.run(ctx);
      laps.lap(String(section.id));
    }
    running = null;
  } finally {
    await browsers.release({ ignoreErrors: true });
    await site.close().catch(() => {});
  }
  finishResults(results, options, t0);
}

main().then(
  () => process.exit(0),
  (error) => {
    const where = running ? ` in section ${running.id} (${running.title})` : '';
    console.error(`\nBENCH CRASHED${where}:`, error?.stack ?? error);
    process.exit(1);
  },
);
