/** What every end-to-end test needs from a browser, whichever drives it. */
export interface E2EPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates an expression given as source (awaited if it is a promise). */
  evaluateSource(expression: string): Promise<unknown>;
  /** Resolves once `fn` (sync or async) returns a truthy value in the page; rejects after `timeoutMs`. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A touch tap (Chromium: only in a session launched with `hasTouch`). */
  tap(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /**
   * Runs `fn` on the card's dialog element, inside the extension's closed
   * shadow root, which page scripts cannot reach: through CDP in Chromium,
   * WebDriver BiDi in Firefox. Resolves null when no card is shown.
   */
  inCard<R>(fn: (dialog: HTMLElement) => R): Promise<R | null>;
  /** Reloads from inside the page and resolves once the new document has loaded. */
  reload(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** A PNG of part of the viewport, in CSS pixels (device pixel ratio 1 in both drivers). */
  screenshotClip(clip: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  /** Makes the page the active tab, the one keys go to. */
  bringToFront(): Promise<void>;
  /** Resizes the viewport, e.g. to the popup's width, so that layout can be measured as it would be there. */
  setViewport(width: number, height: number): Promise<void>;
  /** Runs `fn` in every frame of the page (cross-origin ones included); frames that refuse are left out. */
  inFrames<R>(fn: () => R | Promise<R>): Promise<{ url: string; value: R }[]>;
  /** Uncaught errors of the page's own scripts since it was opened. */
  errors(): string[];
  close(): Promise<void>;
}

/** A reload driven from inside the page, which works the same over CDP and BiDi (extension tabs included). */
export async function reloadFromInside(page: Pick<E2EPage, 'evaluate' | 'waitFor'>): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await page.waitFor(
    () => !(window as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete',
  );
}

export interface NewPageOptions {
  /** Source run in the page's main world before any of its own scripts. */
  initScript?: string;
}

export interface ExtensionSession {
  readonly name: 'chromium' | 'firefox';
  newPage(options?: NewPageOptions): Promise<E2EPage>;
  /** Opens one of the extension's own pages, e.g. `/popup.html`. */
  openExtensionPage(path: string): Promise<E2EPage>;
  close(): Promise<void>;
}

/**
 * The card's host: a plain `<div>` appended to `<html>` itself (see
 * lib/card/card-host.ts). No page of the fixtures puts a div there.
 */
export const CARD_HOST_SELECTOR = ':root > div';

/** Wraps a card probe so its result crosses any protocol as JSON (null when no card is shown, or for no result). */
export function cardProbeSource(fn: (dialog: HTMLElement) => unknown): string {
  return `(el) => JSON.stringify(el && !el.closest('[hidden]') ? ((${fn.toString()})(el) ?? null) : null)`;
}

export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
