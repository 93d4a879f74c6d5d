import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH = join(ROOT, 'bench');
export const CORPUS = process.env.BENCH_CORPUS ?? resolve(ROOT, '../shared/corpus');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
