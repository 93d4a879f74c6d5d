// Section 2: our pipeline and mark.js on the 1 MB page as the alias list
// grows from the seed's default aliases to generated thousands.
import { gc, openForBench, runMarkCapped } from '../lib/instrumented-page.mjs';
import { cell, fmt, log, MB, PASS, ratio, table } from '../lib/output.mjs';
import { shuffle, stats } from '../lib/stats.mjs';
import { generatedAliases } from '../lib/synth.mjs';

export default {
  id: 2,
  key: 'aliasScaling',
  title: 'Alias scaling',
  async run(ctx) {
    const oneMB = ctx.site.synthetic.find((s) => s.chars === 1 * MB);
    log(`[2] alias scaling on ${oneMB.url}…`);
    const plain = await ctx.browsers.plain();
    const bench = await openForBench(plain.context, oneMB.url, ctx.scripts);
    const defaultTerms = await bench.page.evaluate(() => window.__benchOurs.defaultAliasTexts);
    // N aliases = the seed's default aliases + generated names up to N.
    const extras = Object.fromEntries(
      ctx.config.aliasCounts.map((n) => [n, generatedAliases(Math.max(0, n - defaultTerms.length))]),
    );
    const ours = await measureOurs(ctx, bench, extras);
    const mark = await measureMark(ctx, bench, defaultTerms, extras);
    await bench.page.close();
    const rows = ctx.config.aliasCounts.map((n) => summarise(n, ours[n], mark.runs[n], mark.capped[n]));
    printScaling(ctx, rows);
    return rows;
  },
};

async function measureOurs(ctx, bench, extras) {
  const counts = ctx.config.aliasCounts;
  const ours = Object.fromEntries(counts.map((n) => [n, []]));
  for (let load = 0; load < ctx.config.aliasLoads; load++) {
    if (load > 0) await bench.reload();
    for (const n of shuffle(counts, ctx.rand)) {
      await gc(bench.page);
      ours[n].push(await bench.page.evaluate((extra) => window.__benchOurs.run(extra), extras[n]));
    }
  }
  return ours;
}

async function measureMark(ctx, bench, defaultTerms, extras) {
  const counts = ctx.config.aliasCounts;
  const runs = Object.fromEntries(counts.map((n) => [n, []]));
  const capped = {};
  let skipRest = false;
  for (const n of counts) {
    if (skipRest) {
      capped[n] = 'skipped';
      continue;
    }
    for (let run = 0; run < (ctx.config.aliasMarkRuns[n] ?? 1); run++) {
      await bench.reload();
      await gc(bench.page);
      log(`    mark.js with ${n} aliases, run ${run + 1}…`);
      const m = await runMarkCapped(bench, [...defaultTerms, ...extras[n]], ctx.config.markCapMs);
      if (m.capped) {
        capped[n] = 'capped';
        // mark.js makes one pass over the page per term: more terms can only take longer.
        skipRest = true;
        break;
      }
      runs[n].push(m);
    }
  }
  return { runs, capped };
}

function summarise(n, ours, mark, capped) {
  return {
    aliases: ours[0]?.aliases ?? n,
    ours: stats(ours.map((r) => r.wall)),
    oursBusy: stats(ours.map((r) => r.busy)),
    compile: stats(ours.map((r) => r.compile)),
    maxSlice: stats(ours.map((r) => r.maxSlice)),
    oursCount: stats(ours.map((r) => r.count))?.median,
    mark: stats(mark.map((r) => r.ms)),
    markCount: stats(mark.map((r) => r.count))?.median ?? null,
    markCapped: capped ?? null,
    oursRuns: ours,
    markRuns: mark,
  };
}

function printScaling(ctx, rows) {
  const { config, targets } = ctx;
  const base = rows[0];
  const capText = (r) =>
    r.markCapped === 'capped'
      ? `> ${config.markCapMs / 1000} s (cap)`
      : r.markCapped === 'skipped'
        ? `> cap (not run)`
        : cell(r.mark);
  table(
    `2. Alias scaling on the synthetic 1 MB page (ms, median [min–max]; ours ${config.aliasLoads} loads)`,
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
      r.markCapped ? `> ${ratio(config.markCapMs / r.ours.median)}` : ratio(r.mark?.median / r.ours.median),
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
    `Target: ${label} slows ours ≤ ${targets.aliasSlowdown}×: ${ratio(slow)} → ${PASS(slow <= targets.aliasSlowdown)}${full ? '' : ' (quick run: target is stated for 10,000)'}`,
  );
}
