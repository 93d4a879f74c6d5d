import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { feedPage, repeatedNodePage } from '../../../bench/lib/stress-pages.mjs';
import { analyseTrace, readTrace, TRACE_CATEGORIES } from '../../../bench/lib/trace.mjs';
import type { E2EPage, ExtensionSession } from '../harness/session';

/** The stress pages, as the benchmark generates them, written to a folder the fixture server serves. */
export function writeStressPages(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-stress-'));
  for (const [file, html] of Object.entries(pages)) writeFileSync(join(dir, file), html);
  return dir;
}

export { feedPage, repeatedNodePage };

/**
 * Run in the page's own world before its scripts: the total size of our
 * highlights (every `context-lens-` name), polled at 16 ms, and when it last changed.
 */
export const HIGHLIGHT_PROBE = `(() => {
  const w = window;
  w.__hl = { size: 0, last: null };
  const tick = () => {
    let size = 0;
    for (const [name, h] of CSS.highlights ?? []) if (name.startsWith('context-lens-')) size += h.size;
    if (size !== w.__hl.size) w.__hl = { size, last: performance.now() };
    setTimeout(tick, 16);
  };
  tick();
})();`;

interface HighlightState {
  size: number;
  last: number | null;
  now: number;
}

const highlightState = (page: E2EPage) =>
  page.evaluate(() => {
    const w = window as unknown as { __hl: { size: number; last: number | null } };
    return { ...w.__hl, now: performance.now() };
  });

/** Resolves once our highlights number at least `atLeast` and have not changed for `stableMs`; rejects after `timeoutMs`. */
export async function stableHighlights(
  page: E2EPage,
  { atLeast = 1, stableMs = 1500, timeoutMs = 30_000 } = {},
): Promise<HighlightState> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await highlightState(page);
    if (state.size >= atLeast && state.last !== null && state.now - state.last >= stableMs) return state;
    if (Date.now() > end) throw new Error(`Highlights did not settle in ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Mentions the background counts for all open tabs (the popup's figures), asked from one of the extension's pages. */
export async function countedMentions(session: ExtensionSession): Promise<number> {
  const page = await session.openExtensionPage('/popup.html');
  try {
    return await page.evaluate(async () => {
      interface Api {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        runtime: { sendMessage(m: object): Promise<{ res?: { mentions: { count: number }[] } } | undefined> };
      }
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      let total = 0;
      for (const tab of await api.tabs.query({})) {
        // The extension's own message format (type, data, timestamp); its answer comes as { res }.
        const answer = await api.runtime.sendMessage({
          id: 1,
          type: 'getTabMentions',
          data: { tabId: tab.id },
          timestamp: Date.now(),
        });
        for (const m of answer?.res?.mentions ?? []) total += m.count;
      }
      return total;
    });
  } finally {
    await page.close();
  }
}

/** The Playwright page behind the last page a Chromium session opened, for what only CDP can tell. */
export function lastChromiumPage(session: ExtensionSession): Page {
  const context = (session as unknown as { context: BrowserContext }).context;
  const page = context.pages().at(-1);
  if (!page) throw new Error('no page');
  return page;
}

/**
 * A Chrome trace with CPU samples; `stop()` resolves to the page's
 * main-thread tasks ≥ 50 ms, with their time in extension code, and the
 * time of all the main thread's samples in extension code.
 */
export async function traceTasks(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordUntilFull', includedCategories: TRACE_CATEGORIES },
  });
  return {
    stop: async (url: string) => {
      const trace = analyseTrace(await readTrace(cdp), url);
      await cdp.detach().catch(() => {});
      return trace && { longTasks: trace.longTasks, extensionMs: trace.extensionMs };
    },
  };
}

/** The JS heap of the page's renderer (every world of it), in MB. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach().catch(() => {});
  return usedSize / 1e6;
}
