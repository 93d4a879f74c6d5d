import type { E2EPage } from './session';

export interface PaintedRange {
  name: string;
  text: string;
}

/**
 * Reads the highlights registered in the page's `CSS.highlights` from the
 * page's own world, in document order, with the text each range covers.
 */
export function paintedRanges(page: E2EPage): Promise<PaintedRange[]> {
  return page.evaluate(() => {
    const found: { name: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('context-lens-')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          // A static range over text the page just changed, until the extension's re-scan replaces it.
          continue;
        }
        found.push({ name, range });
      }
    }
    const order = (a: Range, b: Range) => {
      if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
      const root = (n: Node) => n.getRootNode();
      // Shadow-tree ranges sort after light-tree ones: compare hosts' order otherwise.
      if (root(a.startContainer) !== root(b.startContainer)) return root(a.startContainer) === document ? -1 : 1;
      return a.startContainer.compareDocumentPosition(b.startContainer) & 4 ? -1 : 1;
    };
    found.sort((a, b) => order(a.range, b.range));
    return found.map(({ name, range }) => ({ name, text: range.toString().replace(/\s+/g, ' ') }));
  });
}

/** Mutations recorded by the fixture's own MutationObserver (tests/fixtures/observe-mutations.js). */
export function pageMutations(page: E2EPage): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations);
}

/** Badge texts of every open tab, read from one of the extension's pages. */
export function badgeTexts(extensionPage: E2EPage): Promise<string[]> {
  return extensionPage.evaluate(async () => {
    interface Api {
      tabs: { query(q: object): Promise<{ id?: number }[]> };
      action?: { getBadgeText(d: { tabId: number }): Promise<string> };
      browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
    }
    // Firefox's `browser` returns promises; Chromium's MV3 `chrome` does too.
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const action = (api.action ?? api.browserAction) as NonNullable<Api['action']>;
    const tabs = await api.tabs.query({});
    return Promise.all(tabs.map((t) => action.getBadgeText({ tabId: t.id as number })));
  });
}
