#!/usr/bin/env node
// `npm run bench:pack`: what a 10,000-alias fact pack costs.
// 1. Import: the generated pack (bench/lib/pack-synth.mjs) chosen in the
//    options page's import field of the built extension in headless
//    Chromium, timed from the field's change to the page saying it is
//    installed (reading the file, the message to the background, JSON,
//    limits, schema, the IndexedDB transaction, enabling it). Target < 2 s.
// 2. Annotation: our pipeline (lib/page-ours.ts) on the synthetic 1 MB page
//    with the bundled pack alone, and with the bundled pack and the
//    generated one (the merged alias set the background sends), alternated
//    in the same page. Target: ≤ 2× the bundled pack alone.
// Prints a table; exit code 0 when it ran (a missed target says MISS).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchPersistent, launchPlain, sleep } from './lib/browsers.mjs';
import { ensureBuild, pageScripts } from './lib/build.mjs';
import { gc, openForBench } from './lib/instrumented-page.mjs';
import { fmt, log, MB, PASS, ratio, table } from './lib/output.mjs';
import { syntheticPack } from './lib/pack-synth.mjs';
import { serveBenchPages } from './lib/site.mjs';
import { stats } from './lib/stats.mjs';

const IMPORTS = Number(process.env.BENCH_PACK_IMPORTS ?? 3);
const LOADS = Number(process.env.BENCH_PACK_LOADS ?? 3);
const RUNS_PER_LOAD = 2;

async function measureImport(text) {
  const ext = await launchPersistent(true);
  try {
    const id = ext.context.__extensionId;
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForSelector('#opt-pack-import');
    const times = [];
    for (let i = 0; i < IMPORTS; i++) {
      // From the second import on, the same pack is there: replaced without a question only if newer.
      const version = String(i + 2);
      const ms = await page.evaluate(
        async ([content, v]) => {
          const pack = JSON.parse(content);
          pack.version = v;
          const input = document.querySelector('#opt-pack-import');
          const files = new DataTransfer();
          files.items.add(new File([JSON.stringify(pack)], 'generated.json', { type: 'application/json' }));
          input.files = files.files;
          const status = () => document.querySelector('.pack-report .status')?.textContent ?? '';
          const t0 = performance.now();
          input.dispatchEvent(new Event('change', { bubbles: true }));
          while (!/installed|updated/.test(status())) {
            if (document.querySelector('.pack-report [role="alert"]'))
              throw new Error(document.querySelector('.pack-report [role="alert"]').textContent);
            await new Promise((r) => setTimeout(r, 5));
          }
          return performance.now() - t0;
        },
        [text, version],
      );
      times.push(ms);
      log(`  import ${i + 1}: ${ms.toFixed(0)} ms`);
      await sleep(500);
    }
    return times;
  } finally {
    await ext.close();
  }
}

async function measureAnnotation(pack) {
  const scripts = await pageScripts();
  const config = { corpus: [], synthetic: [{ name: 'synthetic 1 MB', chars: 1 * MB }] };
  const site = await serveBenchPages(config, Number(process.env.BENCH_SEED ?? 1));
  const plain = await launchPlain();
  try {
    const bench = await openForBench(plain.context, site.synthetic[0].url, scripts);
    const lean = { id: pack.id, entities: pack.entities };
    const runs = { bundled: [], withPack: [] };
    for (let load = 0; load < LOADS; load++) {
      if (load > 0) await bench.reload();
      for (let r = 0; r < RUNS_PER_LOAD; r++) {
        // Alternated, the first of each pair changing every time: neither gets the warmer page.
        const order = (load + r) % 2 === 0 ? ['bundled', 'withPack'] : ['withPack', 'bundled'];
        for (const which of order) {
          await gc(bench.page);
          const arg = which === 'bundled' ? [] : { pack: lean };
          runs[which].push(await bench.page.evaluate((a) => window.__benchOurs.run(a), arg));
        }
      }
    }
    return runs;
  } finally {
    await plain.close();
    await site.close();
  }
}

async function main() {
  ensureBuild();
  const pack = syntheticPack(10_000);
  const text = JSON.stringify(pack);
  const aliases = pack.entities.reduce((n, e) => n + e.aliases.length, 0);
  log(`Generated pack: ${pack.entities.length} entities, ${aliases} aliases, ${(text.length / 1e6).toFixed(2)} MB.`);
  if (process.env.BENCH_PACK_WRITE) writeFileSync(join(process.env.BENCH_PACK_WRITE), text);
  log('Importing it in the options page…');
  const imports = await measureImport(text);
  log('Annotating the 1 MB page…');
  const runs = await measureAnnotation(pack);
  const importStats = stats(imports);
  const bundled = stats(runs.bundled.map((r) => r.wall));
  const withPack = stats(runs.withPack.map((r) => r.wall));
  const slowdown = withPack.median / bundled.median;
  table(
    `Fact pack of ${aliases.toLocaleString('en-US')} aliases (ms, median [min–max]; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    ['measure', 'median', 'min', 'max', 'aliases matched', 'mentions'],
    [
      [
        'import (options page → installed)',
        fmt(importStats.median),
        fmt(importStats.min),
        fmt(importStats.max),
        '',
        '',
      ],
      [
        'annotate 1 MB, bundled pack',
        fmt(bundled.median),
        fmt(bundled.min),
        fmt(bundled.max),
        runs.bundled[0]?.aliases,
        runs.bundled[0]?.count,
      ],
      [
        'annotate 1 MB, bundled + generated',
        fmt(withPack.median),
        fmt(withPack.min),
        fmt(withPack.max),
        runs.withPack[0]?.aliases,
        runs.withPack[0]?.count,
      ],
    ],
  );
  console.log(`Target: import < 2 s: ${fmt(importStats.median)} ms → ${PASS(importStats.max < 2000)}`);
  console.log(`Target: annotation ≤ 2× the bundled pack alone: ${ratio(slowdown)} → ${PASS(slowdown <= 2)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('\nPACK BENCH CRASHED:', error?.stack ?? error);
    process.exit(1);
  },
);
