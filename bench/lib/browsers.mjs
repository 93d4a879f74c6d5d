// Chromium as the sections use it: a plain browser to inject our pipeline
// and mark.js into pages, and persistent profiles with and without the
// built extension. Launched with the e2e suites' flags.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../tests/e2e/harness/chromium-flags.mjs';
import { CHROME_BUILD, CHROMIUM_PATH } from './paths.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Pages under test never reach beyond this machine. Only web addresses are
 * routed: the extension's own files (the card part a content script imports
 * from a chrome-extension:// address) must load as they would for a user.
 */
async function blockOutside(context) {
  await context.route(/^(https?|wss?):\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

export async function launchPlain() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // gc() between measurements keeps one run's garbage out of the next one's time.
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  await blockOutside(context);
  return { browser, context, close: () => browser.close() };
}

export async function launchPersistent(withExtension) {
  const profile = mkdtempSync(join(os.tmpdir(), 'cl-bench-'));
  const args = [...CHROMIUM_FLAGS];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  await blockOutside(context);
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // The welcome tab opened on install would compete for the CPU: close it.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !context.pages().some((p) => p.url().includes('welcome.html'))) await sleep(100);
    for (const p of context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
    context.__extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Key of the time taken to launch and warm up the extension pair in `sectionSeconds` (sections 3 and 4 share it). */
const EXTENSION_STARTUP = 'startup 3+4';

/**
 * The browsers sections share, launched on first use. Only one set is open
 * at a time: on two cores an idle browser still takes CPU from the one being
 * measured. `plain()` resolves to a plain browser, `extension()` to
 * `{ withExt, withoutExt }`, the same Chromium with and without the built
 * extension, each warmed up on `warmUpUrl`.
 */
export function browserPool({ warmUpUrl, lap }) {
  let open = null;
  const use = async (kind, launch) => {
    if (open?.kind !== kind) {
      await release();
      open = { kind, handles: [] };
      open.value = await launch(open.handles);
    }
    return open.value;
  };
  // On the way out after a crash, a browser that fails to close must not keep the others open.
  const release = async ({ ignoreErrors = false } = {}) => {
    const handles = open?.handles ?? [];
    open = null;
    for (const handle of handles.reverse()) {
      const closing = handle.close();
      await (ignoreErrors ? closing.catch(() => {}) : closing);
    }
  };
  return {
    plain: () => use('plain', launchPlainInto),
    extension: () => use('extension', (handles) => launchExtensionPair(handles, warmUpUrl, lap)),
    release,
  };
}

async function launchPlainInto(handles) {
  const plain = await launchPlain();
  handles.push(plain);
  return plain;
}

async function launchExtensionPair(handles, warmUpUrl, lap) {
  const withExt = await launchPersistent(true);
  handles.push(withExt);
  const withoutExt = await launchPersistent(false);
  handles.push(withoutExt);
  // Warm up both: the extension seeds its IndexedDB cache on install.
  for (const s of [withExt, withoutExt]) {
    const p = await s.context.newPage();
    await p.goto(warmUpUrl, { waitUntil: 'load' });
    await sleep(1500);
    await p.close();
  }
  lap(EXTENSION_STARTUP);
  return { withExt, withoutExt };
}
