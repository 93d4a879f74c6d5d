// What to run: the command line (`--quick`, `--only=1,3`), BENCH_SEED, and
// the sizes, load counts and targets of a full or a quick run.
import { KB, MB } from './output.mjs';

const FULL = {
  corpus: null, // every page of the corpus
  corpusLoads: 3,
  synthetic: [
    { name: 'synthetic 100 KB', chars: 100 * KB, loads: 5, markLoads: 5 },
    { name: 'synthetic 1 MB', chars: 1 * MB, loads: 5, markLoads: 3 },
    // Loading 10 MB of HTML takes Chromium 15–25 s here: fewer loads, and one capped mark.js run.
    { name: 'synthetic 10 MB', chars: 10 * MB, loads: 2, markLoads: 1, markLast: true },
  ],
  // mark.js makes one pass over the page per alias: past 100 aliases on 1 MB, or on 10 MB, it runs for minutes.
  markCapMs: 30_000,
  aliasCounts: [10, 100, 1000, 10000],
  aliasLoads: 3,
  aliasMarkRuns: { 10: 2, 100: 1, 1000: 1, 10000: 1 },
  healthPage: 'synthetic 10 MB',
  healthLoads: 2,
  overheadLoads: 3,
};

const QUICK = {
  corpus: ['theverge.html', 'lemonde-1.html'],
  corpusLoads: 3,
  synthetic: [
    { name: 'synthetic 100 KB', chars: 100 * KB, loads: 3, markLoads: 2 },
    { name: 'synthetic 1 MB', chars: 1 * MB, loads: 3, markLoads: 1 },
  ],
  markCapMs: 10_000,
  aliasCounts: [10, 1000],
  aliasLoads: 2,
  aliasMarkRuns: { 10: 1, 1000: 1 },
  healthPage: 'synthetic 1 MB',
  healthLoads: 1,
  overheadLoads: 3,
};

export const TARGETS = {
  oursOverFloor: 2.0,
  markOverOurs: 10,
  aliasSlowdown: 2.0,
  extensionLongTasks: 0,
  addedScriptMs: 5,
  contentScriptGzipKB: 35,
};

export function readOptions(argv = process.argv, env = process.env) {
  const quick = argv.includes('--quick');
  const only =
    argv
      .find((a) => a.startsWith('--only='))
      ?.slice(7)
      .split(',')
      .map(Number) ?? null;
  return {
    quick,
    only,
    wanted: (id) => !only || only.includes(id),
    seed: Number(env.BENCH_SEED ?? 20251126),
    config: quick ? QUICK : FULL,
    targets: TARGETS,
  };
}
