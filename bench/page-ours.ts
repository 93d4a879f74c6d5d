// Bundled into an IIFE and injected into benchmark pages: the exact pipeline
// the content script runs (Matcher → PageAnnotator → Highlighter), timed.
import { Highlighter } from '../entrypoints/annotate.content/highlighter';
import { aliasSpecs } from '../lib/alias-spec';
import type { Entity } from '../lib/fact-schema';
import type { AliasSpec } from '../lib/matcher';
import { Matcher } from '../lib/matcher';
import { PageAnnotator } from '../lib/page-annotator';
import seed from '../seeds/fact-base.json';

export interface OursRun {
  /** Wall time from compiling the matcher to `start()` resolving, ms. */
  wall: number;
  /** Wall time minus the time spent yielded to the page (the slices' busy time), ms. */
  busy: number;
  compile: number;
  yields: number;
  /** Longest stretch between two yields (or before the first / after the last), ms. */
  maxSlice: number;
  count: number;
  aliases: number;
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

const defaultSpecs: AliasSpec[] = aliasSpecs((seed as unknown as { entities: Entity[] }).entities);

/** Generated aliases take the shape the background would send for a subject entity. */
function specsFor(extra: readonly string[]): AliasSpec[] {
  return [
    ...defaultSpecs,
    ...extra.map((text, i) => ({
      text,
      match: 'fold' as const,
      afterFullName: false,
      entityId: `generated-${i}`,
      category: 'subject' as const,
    })),
  ];
}

async function run(extraAliases: readonly string[] = []): Promise<OursRun> {
  const specs = extraAliases.length > 0 ? specsFor(extraAliases) : defaultSpecs;
  // The annotator yields through scheduler.yield() when it exists: wrap it to time the gaps.
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  const realYield = scheduler?.yield;
  let yielded = 0;
  let yields = 0;
  let maxSlice = 0;
  let sliceStart = performance.now();
  if (scheduler && realYield) {
    scheduler.yield = () => {
      const before = performance.now();
      maxSlice = Math.max(maxSlice, before - sliceStart);
      yields++;
      return realYield.call(scheduler).then(() => {
        const after = performance.now();
        yielded += after - before;
        sliceStart = after;
      });
    };
  }
  try {
    const t0 = performance.now();
    sliceStart = t0;
    const matcher = Matcher.compile(specs);
    const t1 = performance.now();
    const annotator = new PageAnnotator(document, matcher, { painter: new Highlighter(), onCounts() {} });
    await annotator.start();
    const t2 = performance.now();
    maxSlice = Math.max(maxSlice, t2 - sliceStart);
    const count = annotator.current().length;
    annotator.stop();
    return { wall: t2 - t0, busy: t2 - t0 - yielded, compile: t1 - t0, yields, maxSlice, count, aliases: specs.length };
  } finally {
    if (scheduler && realYield) scheduler.yield = realYield;
  }
}

(globalThis as { __benchOurs?: unknown }).__benchOurs = {
  run,
  defaultAliasTexts: defaultSpecs.map((s) => s.text),
};
