// Section 5: a hook. The cards' latency is measured by bench/card-latency.mjs
// once cards exist; until then the section says so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchPersistent, sleep } from '../lib/browsers.mjs';
import { table } from '../lib/output.mjs';
import { BENCH } from '../lib/paths.mjs';
import { stats } from '../lib/stats.mjs';

const HOOK = join(BENCH, 'card-latency.mjs');

export default {
  id: 5,
  key: 'cardLatency',
  title: 'Card latency',
  /**
   * The hook's default export is called as `await cardLatency(hookCtx)` with
   *   hookCtx = { quick, origin, pages: [{ name, url }], launchWithExtension(), launchWithoutExtension(), stats, sleep }
   * (launch* resolve to { context, close() }, context being a Playwright
   * persistent BrowserContext with routing to 127.0.0.1 only) and must resolve
   * to { title?, headers: string[], rows: string[][], notes?: string[], data?: any }.
   */
  async run(ctx) {
    if (!existsSync(HOOK)) {
      console.log('\n## 5. Card latency\n\nn/a (cards not built yet)');
      return { status: 'n/a (cards not built yet)' };
    }
    // The hook launches its own browsers: the shared ones would only compete with them.
    await ctx.browsers.release();
    const mod = await import(pathToFileURL(HOOK).href);
    const out = await mod.default({
      quick: ctx.quick,
      origin: ctx.site.origin,
      pages: ctx.site.all.map((p) => ({ name: p.name, url: p.url })),
      launchWithExtension: () => launchPersistent(true),
      launchWithoutExtension: () => launchPersistent(false),
      stats,
      sleep,
    });
    table(out.title ?? '5. Card latency', out.headers, out.rows, out.notes ?? []);
    return out.data ?? out;
  },
};
