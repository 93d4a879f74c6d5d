#!/usr/bin/env node
// `npm start`: builds both targets, then opens Chromium with the extension
// loaded on a demo page when a display exists; otherwise says how to load it.
import { execSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasDisplay, loadByHand } from './load-by-hand.mjs';

const root = resolve(import.meta.dirname, '..');
execSync('npx wxt build && npx wxt build -b firefox', { cwd: root, stdio: 'inherit' });

const chrome = join(root, '.output/chrome-mv3');
const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const howTo = loadByHand(root);

if (!hasDisplay() || !existsSync(browserPath)) {
  console.log(
    hasDisplay() ? `No browser at ${browserPath} (set CHROMIUM_PATH).` : 'No display found, so no browser is opened.',
  );
  console.log(howTo);
  process.exit(0);
}

// Serve the demo page on loopback only.
const demo = join(root, 'tests/fixtures/demo.html');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  createReadStream(demo).pipe(res);
}).listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/demo.html`;
  console.log(`${howTo}\nOpening ${url} in Chromium with the extension loaded. Close the browser to stop.`);
  const child = spawn(
    browserPath,
    [
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'context-lens-'))}`,
      `--disable-extensions-except=${chrome}`,
      `--load-extension=${chrome}`,
      '--no-first-run',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: 'inherit' },
  );
  child.on('exit', () => server.close());
});
