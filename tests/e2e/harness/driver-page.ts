import { type E2EPage, poll, reloadFromInside } from './session';

/**
 * The part of a driver's page that Playwright (Chromium) and Puppeteer
 * (Firefox) answer alike. Arguments are typed `never` where the two drivers
 * type them differently: only the page code handed through is passed on.
 */
export interface DriverPage {
  on(event: 'pageerror', listener: (error: unknown) => void): unknown;
  frames(): { url(): string; evaluate(fn: never): Promise<unknown> }[];
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(fn: never, arg?: never): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  touchscreen: { tap(x: number, y: number): Promise<void> };
  keyboard: { press(key: never): Promise<void> };
  screenshot(options: { path?: never; clip?: never }): Promise<Uint8Array>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverSpecifics {
  inCard: E2EPage['inCard'];
  /** Playwright and Puppeteer name it differently. */
  setViewport: E2EPage['setViewport'];
  /** Replaces the plain `goto`, for a driver whose navigation needs help. */
  goto?: E2EPage['goto'];
}

/** One `E2EPage` over either driver's page. */
export function wrapPage(page: DriverPage, specifics: DriverSpecifics): E2EPage {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return {
    errors: () => [...errors],
    inFrames: async (fn) => {
      const results = [];
      for (const frame of page.frames()) {
        try {
          results.push({ url: frame.url(), value: await frame.evaluate(fn as never) });
        } catch {
          // A frame that went away or that the driver cannot enter.
        }
      }
      return results as never;
    },
    goto:
      specifics.goto ??
      (async (url) => {
        await page.goto(url, { waitUntil: 'load' });
      }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    evaluateSource: (expression) => page.evaluate(expression as never),
    waitFor: async (fn, arg, timeoutMs) => {
      await poll(() => page.evaluate(fn as never, arg as never).catch(() => false), Boolean, timeoutMs);
    },
    reload() {
      return reloadFromInside(this);
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    tap: (x, y) => page.touchscreen.tap(x, y),
    press: (key) => page.keyboard.press(key as never),
    inCard: specifics.inCard,
    screenshot: async (path) => {
      await page.screenshot({ path: path as never });
    },
    screenshotClip: async (clip) => new Uint8Array(await page.screenshot({ clip: clip as never })),
    setViewport: specifics.setViewport,
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
