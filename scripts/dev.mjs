#!/usr/bin/env node
// `npm run dev`: WXT's development mode, which opens a browser with the
// extension and reloads it on every change. Without a display there is no
// browser to open (WXT would die on the failed launch): say what to do instead.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { hasDisplay, loadByHand } from './load-by-hand.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

if (!hasDisplay()) {
  console.log(`No display found: development mode needs one to open a browser with the extension.

Instead:
  npm run build        builds both targets; run it again after a change
  npm test             runs every suite, end-to-end ones in headless browsers
  npm run dev          from a desktop session (or with DISPLAY set, e.g. under xvfb-run)
${loadByHand(root)}`);
  process.exit(0);
}

const child = spawn('npx', ['wxt', ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
