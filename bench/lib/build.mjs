// The built extension (sections 3, 4 and 6 load or weigh it) and the scripts
// injected into benchmark pages (sections 1 and 2).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { log } from './output.mjs';
import { CHROME_BUILD, ROOT } from './paths.mjs';

const SOURCES = [
  'lib',
  'entrypoints',
  'components',
  'public',
  'assets',
  'locales',
  'utils',
  'seeds',
  'wxt.config.ts',
  'package.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the Chrome extension with `npx wxt build` when it is missing or older than its sources. */
export function ensureBuild() {
  const manifest = join(CHROME_BUILD, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built > sources) {
    log(`Extension build is up to date (${CHROME_BUILD}).`);
    return { built: false };
  }
  log(built ? 'Extension build is stale: running `npx wxt build`…' : 'No extension build: running `npx wxt build`…');
  const t0 = Date.now();
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error(`npx wxt build failed (exit ${r.status})`);
  }
  log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  return { built: true, seconds: (Date.now() - t0) / 1000 };
}

async function bundleOurs() {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'page-ours.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: process.env.BENCH_NO_MINIFY !== '1',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** mark.js, our pipeline, the floor and mark.js runner, and our highlight styles, as injected into each page. */
export async function pageScripts() {
  const markjs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  return {
    ours: await bundleOurs(),
    // Wrapped so a page's AMD loader or CommonJS shim cannot capture mark.js's UMD export.
    markjs: `(function(){var define, module, exports;${markjs}
;window.__BenchMarkJs = this.Mark;}).call(window);`,
    helpers: readFileSync(join(import.meta.dirname, 'page-helpers.js'), 'utf8'),
    css: readFileSync(join(ROOT, 'components/highlights.css'), 'utf8'),
  };
}
