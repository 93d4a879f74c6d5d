import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { wrapPage } from './driver-page';
import { FIREFOX_BUILD, FIREFOX_PATH } from './paths';
import { CARD_HOST_SELECTOR, cardProbeSource, type E2EPage, type ExtensionSession, poll } from './session';

interface BidiSession {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * WebDriver BiDi serialises closed shadow roots when asked
 * (`includeShadowTree: 'all'`), so the card can be read without any hook.
 */
async function inCard<R>(page: Page, fn: (dialog: HTMLElement) => R): Promise<R | null> {
  // Puppeteer exposes no public BiDi command API; its frame holds the browsing context and session.
  const context = (
    page.mainFrame() as unknown as {
      browsingContext: { id: string; userContext: { browser: { session: BidiSession } } };
    }
  ).browsingContext;
  const session = context.userContext.browser.session;
  const target = { context: context.id };
  const host = await session.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(CARD_HOST_SELECTOR)})`,
    awaitPromise: false,
    target,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    resultOwnership: 'none',
  });
  const shadow = (host.result.result as { value?: { shadowRoot?: { sharedId: string } } }).value?.shadowRoot;
  if (!shadow) return null;
  const located = await session.send('browsingContext.locateNodes', {
    context: context.id,
    locator: { type: 'css', value: '[role="dialog"]' },
    startNodes: [{ sharedId: shadow.sharedId }],
  });
  const dialog = (located.result.nodes as { sharedId: string }[])[0];
  if (!dialog) return null;
  const called = await session.send('script.callFunction', {
    functionDeclaration: cardProbeSource(fn as never),
    awaitPromise: true,
    target,
    arguments: [{ sharedId: dialog.sharedId }],
    resultOwnership: 'none',
  });
  const value = (called.result.result as { value?: string }).value;
  return value === undefined ? null : (JSON.parse(value) as R | null);
}

function wrap(page: Page): E2EPage {
  return wrapPage(page, {
    inCard: (fn) => inCard(page, fn),
    setViewport: (width, height) => page.setViewport({ width, height }),
    goto: async (url) => {
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (error) {
        // Firefox reports a navigation as failed when one of the page's frames is refused
        // (they point outside this machine). The page itself loaded: wait for it.
        if (!/Address rejected/.test(String(error))) throw error;
        await poll(
          () => page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']),
          ([href, state]) => href === url && state === 'complete',
        );
      }
    },
  });
}

async function hrefOf(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return '';
  }
}

/**
 * Over WebDriver BiDi, Firefox refuses `goto('moz-extension://…')`. The tab
 * the extension opens itself on install (its welcome page) can be driven,
 * and navigated within the extension's origin from inside.
 */
async function findWelcomeTab(browser: Browser): Promise<Page> {
  let found: Page | undefined;
  await poll(
    async () => {
      for (const page of await browser.pages()) {
        if ((await hrefOf(page)).startsWith('moz-extension://')) found = page;
      }
      return found;
    },
    (page) => page !== undefined,
    15_000,
  );
  return found as Page;
}

export interface FirefoxOptions {
  lang?: string;
  /** False for a plain browser, to compare pages with and without the extension. */
  withExtension?: boolean;
  /** A profile folder to use and keep, so that a new launch on it is a browser restart. */
  profileDir?: string;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionSession & { browser: Browser }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      // Everything but this machine goes to a proxy that does not exist: a page under test
      // cannot reach the network, and no name is ever looked up.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 59999,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 59999,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      // No update checks, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
      // A temporary add-on is removed when the browser closes, and its storage with it: kept for a restart.
      ...(options.profileDir
        ? {
            'extensions.webextensions.keepStorageOnUninstall': true,
            'extensions.webextensions.keepUuidOnUninstall': true,
          }
        : {}),
    },
  });
  let extensionTab: Page | undefined;
  if (options.withExtension !== false) {
    await browser.installExtension(FIREFOX_BUILD);
    // The welcome tab opens itself on install; wait for it, so that it cannot later take the
    // foreground from a test page (a hidden page gets no animation frames).
    extensionTab = await findWelcomeTab(browser);
  }
  return {
    name: 'firefox',
    browser,
    newPage: async (pageOptions = {}) => {
      const page = await browser.newPage();
      if (pageOptions.initScript) await page.evaluateOnNewDocument(pageOptions.initScript);
      await page.bringToFront();
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      extensionTab ??= await findWelcomeTab(browser);
      const page = { ...wrap(extensionTab), close: async () => {} };
      await page.evaluate((p) => {
        (window as unknown as { __beforeNavigation?: boolean }).__beforeNavigation = true;
        location.href = p;
      }, path);
      await page.waitFor(
        (p) =>
          !(window as unknown as { __beforeNavigation?: boolean }).__beforeNavigation &&
          location.pathname + location.search === p &&
          document.readyState === 'complete',
        path,
      );
      return page;
    },
    close: () => browser.close(),
  };
}
