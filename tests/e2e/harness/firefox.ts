import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, FIREFOX_PATH } from './paths';
import { type E2EPage, type ExtensionSession, poll, reloadFromInside } from './session';

function wrap(page: Page): E2EPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs) => {
      await poll(() => page.evaluate(fn as never, arg).catch(() => false), Boolean, timeoutMs);
    },
    reload() {
      return reloadFromInside(this);
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
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
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionSession & { browser: Browser }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // A closed network: no update checks, telemetry or remote settings.
      'network.proxy.type': 0,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  let extensionTab: Page | undefined;
  return {
    name: 'firefox',
    browser,
    newPage: async () => wrap(await browser.newPage()),
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
          location.pathname === p &&
          document.readyState === 'complete',
        path,
      );
      return page;
    },
    close: () => browser.close(),
  };
}
