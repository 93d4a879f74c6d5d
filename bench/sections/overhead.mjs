// Section 4: the script time the extension adds to pages it has nothing to
// highlight on, from CDP's ScriptDuration with and without it.
import { sleep } from '../lib/browsers.mjs';
import { cell, fmt, log, PASS, table } from '../lib/output.mjs';
import { stats } from '../lib/stats.mjs';
import { measureAnnotationCost } from './annotation-cost.mjs';

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

/** The corpus pages where our pipeline finds nothing: from section 1 when it ran, else counted now. */
async function pagesWithoutMentions(ctx) {
  const counted =
    ctx.results.annotationCost ??
    (await measureAnnotationCost(
      ctx,
      ctx.site.corpus.map((p) => ({ ...p, loads: 1, markLoads: 0 })),
    ));
  return counted.filter((r) => r.kind === 'corpus' && r.oursCount === 0).map((r) => ({ name: r.page, url: r.url }));
}

async function measurePage(ctx, { withExt, withoutExt }, page) {
  log(`[4] ${page.name}…`);
  const w = [];
  const wo = [];
  for (let i = 0; i < ctx.config.overheadLoads; i++) {
    wo.push(await scriptDuration(withoutExt, page.url));
    w.push(await scriptDuration(withExt, page.url));
  }
  const sw = stats(w);
  const swo = stats(wo);
  return { page: page.name, without: swo, with: sw, added: sw.median - swo.median, samplesWith: w, samplesWithout: wo };
}

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

function printOverhead(ctx, rows) {
  const { config, targets } = ctx;
  table(
    `4. Extension overhead on corpus pages without mentions (ScriptDuration ms, median [min–max] of ${config.overheadLoads} loads)`,
    ['page', 'without extension', 'with extension', 'added', `≤${targets.addedScriptMs} ms`],
    rows.map((r) => [r.page, cell(r.without), cell(r.with), fmt(r.added), PASS(r.added <= targets.addedScriptMs)]),
    [
      '',
      'CDP Performance.getMetrics ScriptDuration of the tab (all its frames), read once it stops growing after load (fresh tab',
      'per load); added = median with − median without. Pages with many about:blank/srcdoc frames get the content script in each.',
    ],
  );
}
