import { type ChromiumOptions, launchChromium } from './chromium';
import { type FirefoxOptions, launchFirefox } from './firefox';
import { browserAvailable, CHROMIUM_PATH, FIREFOX_PATH } from './paths';

export type BrowserName = 'chromium' | 'firefox';

/** What each browser's launch accepts and gives back; the driver's own handle comes with the session. */
export interface LaunchOptionsOf {
  chromium: ChromiumOptions;
  firefox: FirefoxOptions;
}
export interface SessionOf {
  chromium: Awaited<ReturnType<typeof launchChromium>>;
  firefox: Awaited<ReturnType<typeof launchFirefox>>;
}

export interface BrowserTarget<N extends BrowserName = BrowserName> {
  name: N;
  /** Whether the browser is installed; a missing one is reported (or refused) on the first question. */
  available(): boolean;
  launch(options?: LaunchOptionsOf[N]): Promise<SessionOf[N]>;
}

/** Asks once per browser, so that a missing one is reported once, and only by suites that want it. */
function availability(name: BrowserName, path: string): () => boolean {
  let known: boolean | undefined;
  return () => {
    known ??= browserAvailable(name, path);
    return known;
  };
}

/** Both target browsers; `describeInBrowsers` runs a suite once in each of those it is given. */
export const TARGETS: { [N in BrowserName]: BrowserTarget<N> } = {
  chromium: { name: 'chromium', available: availability('chromium', CHROMIUM_PATH), launch: (o) => launchChromium(o) },
  firefox: { name: 'firefox', available: availability('firefox', FIREFOX_PATH), launch: (o) => launchFirefox(o) },
};
