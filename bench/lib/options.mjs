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
  overheadLoads: 5,
  // Corpus pages without mentions (section 1's counts), six of them spread over the range of sizes.
  overheadPages: null,
  overheadMaxPages: 6,
  feed: { initial: 20_000, batches: 100, batchSize: 100, loads: 2, stableMs: 2000 },
  node: { repeats: 1_000_000, oneLineRepeats: 20_000, loads: 2, stableMs: 1500 },
  paint: { paragraphs: 10_000, mentions: [1000, 10_000], seconds: 3, loads: 3 },
  card: { hovers: 50, firstLoads: 5 },
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
  // mark.js with 1,000 aliases always passes the quick run's 10 s cap: the full run measures it.
  aliasMarkRuns: { 10: 1, 1000: 0 },
  healthPage: 'synthetic 1 MB',
  healthLoads: 1,
  overheadLoads: 2,
  // Section 1 of a quick run sees one corpus page without mentions: the second is counted in section 4.
  overheadPages: ['lemonde-1', 'heise'],
  overheadMaxPages: 2,
  feed: { initial: 2000, batches: 10, batchSize: 100, loads: 1, stableMs: 1000 },
  node: { repeats: 100_000, oneLineRepeats: 2000, loads: 1, stableMs: 1000 },
  // Ranges registered from the page itself only tell something beside a second count of them: full run only.
  paint: { paragraphs: 10_000, mentions: [1000], seconds: 1.5, loads: 1, registered: false },
  card: { hovers: 10, firstLoads: 1 },
};

export const TARGETS = {
  oursOverFloor: 2.0,
  markOverOurs: 10,
  aliasSlowdown: 2.0,
  extensionLongTasks: 0,
  addedScriptMs: 5,
  contentScriptGzipKB: 15,
  // The feed: completion within this factor of the page alone, and no ≥50 ms task from the extension.
  feedSlowdown: 1.25,
  nodeSettleMs: 10_000,
  maxHighlighted: 5000,
  maxTracked: 50_000,
  // Scroll: the 95th percentile frame time with the extension within this factor of the page alone.
  scrollP95Slowdown: 1.25,
  cardWarmP95Ms: 16,
  cardFirstMs: 50,
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
