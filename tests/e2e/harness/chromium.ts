import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS } from './chromium-flags.mjs';
import { wrapPage } from './driver-page';
import { CHROME_BUILD, CHROMIUM_PATH } from './paths';
import { cardProbeSource, type E2EPage, type ExtensionSession } from './session';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The card's host (see CARD_HOST_SELECTOR): a div child of <html> that holds a shadow root. */
function findHost(node: CdpNode): CdpNode | undefined {
  const html = node.children?.find((c) => c.nodeName === 'HTML');
  if (!html) return undefined;
  return html.children?.find((c) => c.nodeName === 'DIV' && (c.shadowRoots?.length ?? 0) > 0);
}

/** CDP sees closed shadow roots (`pierce`), so the card can be read without any hook in the extension. */
async function inCard<R>(page: Page, fn: (dialog: HTMLElement) => R): Promise<R | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = findHost(root as CdpNode)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector: '[role="dialog"]' });
    if (!nodeId) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${cardProbeSource(fn as never)})(this); }`,
      returnByValue: true,
      awaitPromise: true,
    });
    return JSON.parse(result.value as string) as R | null;
  } catch (error) {
    // The card re-rendered or closed between two protocol calls: no card to read at this instant.
    if (/No node with given id|Could not find node/.test(String(error))) return null;
    throw error;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

function wrap(page: Page): E2EPage {
  return wrapPage(page, {
    inCard: (fn) => inCard(page, fn),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
  });
}

export interface ChromiumOptions {
  /** UI language of the browser (what `i18n.getUILanguage()` answers). */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  /** False for a plain browser, to compare pages with and without the extension. */
  withExtension?: boolean;
  /** Touch emulation, for taps. */
  hasTouch?: boolean;
  /** A profile folder to use and keep (a browser restart is a new launch on the same folder); else a fresh one, removed on close. */
  profileDir?: string;
}

export async function launchChromium(
  options: ChromiumOptions = {},
): Promise<ExtensionSession & { context: BrowserContext; extensionId: string }> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'cl-chromium-'));
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.hasTouch ?? false,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [
      ...FLAGS,
      `--lang=${lang}`,
      ...(options.withExtension === false
        ? ['--disable-extensions']
        : [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`]),
    ],
  });
  // Pages under test never reach beyond this machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  const worker =
    options.withExtension === false
      ? null
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 })));
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    name: 'chromium',
    context,
    extensionId,
    newPage: async (pageOptions = {}) => {
      const page = await context.newPage();
      if (pageOptions.initScript) await page.addInitScript(pageOptions.initScript);
      await page.bringToFront();
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return wrap(page);
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
