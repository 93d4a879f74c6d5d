// Section 6: what each built bundle weighs, raw and gzip.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PASS, table } from '../lib/output.mjs';
import { CHROME_BUILD } from '../lib/paths.mjs';

const CARD_UI = 'card-ui.js';

export default {
  id: 6,
  key: 'sizes',
  title: 'Size of the built extension',
  run(ctx) {
    const rows = measureSizes();
    printSizes(ctx, rows);
    return rows;
  },
};

function measureSizes() {
  const rows = [];
  const csDir = join(CHROME_BUILD, 'content-scripts');
  for (const f of readdirSync(csDir).filter((f) => f.endsWith('.js')))
    rows.push({ ...bundle(`content script ${f} (every frame)`, [`content-scripts/${f}`]), contentScript: true });
  for (const f of readdirSync(csDir).filter((f) => f.endsWith('.css')))
    rows.push(bundle(`content script style ${f} (every frame)`, [`content-scripts/${f}`]));
  // The card part: imported by the content script on a page's first mention, never before.
  if (existsSync(join(CHROME_BUILD, CARD_UI)))
    rows.push({ ...bundle(`card UI ${CARD_UI} (on the first mention)`, [CARD_UI]), cardUi: true });
  for (const html of readdirSync(CHROME_BUILD).filter((f) => f.endsWith('.html'))) {
    const files = scriptsOfPage(readFileSync(join(CHROME_BUILD, html), 'utf8'));
    rows.push(bundle(`${html.replace('.html', '')} page (${files.map((f) => basename(f)).join(' + ')})`, files));
  }
  if (existsSync(join(CHROME_BUILD, 'background.js')))
    rows.push(bundle('background service worker', ['background.js']));
  return rows;
}

function bundle(label, files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(CHROME_BUILD, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { label, files, raw, gzip: gz };
}

/** A page loads every script and modulepreload its HTML references. */
function scriptsOfPage(html) {
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) refs.add(m[1]);
  return [...refs].map((r) => r.replace(/^\//, ''));
}

function printSizes(ctx, rows) {
  const limitKB = ctx.targets.contentScriptGzipKB;
  const limit = limitKB * 1024;
  table(
    '6. Size of the built extension (.output/chrome-mv3, as built: minified)',
    ['bundle', 'bytes', 'gzip bytes', `always-on ≤${limitKB} KB gzip`],
    rows.map((r) => [
      r.label,
      r.raw.toLocaleString('en-US'),
      r.gzip.toLocaleString('en-US'),
      r.contentScript ? `${PASS(r.gzip <= limit)} (${(limit - r.gzip).toLocaleString('en-US')} bytes to spare)` : '',
    ]),
    [
      '',
      `gzip = zlib level 9; ${limitKB} KB = ${limit.toLocaleString('en-US')} bytes. The content script loads into every frame; the card UI`,
      'module only into frames that show a mention. A page counts every script and modulepreload its HTML references.',
    ],
  );
}
