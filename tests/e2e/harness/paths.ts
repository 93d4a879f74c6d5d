import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv2`;
export const FIXTURES = `${ROOT}tests/fixtures`;
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const requireBrowsers = process.env.REQUIRE_BROWSERS === '1';

/**
 * A missing browser skips its suite with a loud message, unless
 * REQUIRE_BROWSERS=1 (CI), where it is an error.
 */
export function browserAvailable(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  const message = `${name} not found at ${path} (set ${name.toUpperCase()}_PATH).`;
  if (requireBrowsers) throw new Error(`${message} REQUIRE_BROWSERS=1 forbids skipping.`);
  console.warn(`\n!!!!!!!! ${message} Its end-to-end suite is SKIPPED. !!!!!!!!\n`);
  return false;
}
