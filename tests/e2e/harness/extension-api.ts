import type { E2EPage } from './session';

/**
 * Runs code with the extension API (`browser` in Firefox, `chrome` in
 * Chromium; both return promises here) from one of the extension's pages.
 */
export function withExtensionApi<R, A>(
  page: E2EPage,
  fn: (api: ExtensionApi, arg: A) => Promise<R>,
  arg: A,
): Promise<R> {
  // Sent as source and evaluated by the driver, which extension pages' CSP (no eval) does not restrict.
  return page.evaluateSource(
    `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg)})`,
  ) as Promise<R>;
}

export interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: object, o: object): Promise<unknown>;
  };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { sync: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
}

/** Ids of the tabs whose badge reads `text`. */
export function tabsWithBadge(page: E2EPage, text: string): Promise<number[]> {
  return withExtensionApi(
    page,
    async (api, wanted) => {
      const action = (api.action ?? api.browserAction) as NonNullable<ExtensionApi['action']>;
      const ids: number[] = [];
      for (const tab of await api.tabs.query({})) {
        if ((await action.getBadgeText({ tabId: tab.id as number })) === wanted) ids.push(tab.id as number);
      }
      return ids;
    },
    text,
  );
}
