// A page of the plain browser with mark.js, our pipeline and the floor
// injected (sections 1 and 2).
import { sleep } from './browsers.mjs';

async function injectBench(page, scripts) {
  await page.addScriptTag({ content: scripts.markjs });
  await page.addScriptTag({ content: scripts.ours });
  await page.addScriptTag({ content: scripts.helpers });
  await page.addStyleTag({ content: scripts.css });
}

export async function gc(page) {
  await page.evaluate(() => {
    if (typeof window.gc === 'function') window.gc();
  });
  await sleep(30);
}

/** Opens `url` with the bench scripts injected; `reload()` loads it afresh and injects them again. */
export async function openForBench(context, url, scripts) {
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
export async function runMarkCapped(bench, terms, capMs) {
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
