// Bundled into an IIFE and injected into benchmark pages: the exact pipeline
// the content script runs (Matcher → PageAnnotator → Highlighter), timed. The
// matcher spec is prepared first, outside the timing, as the background does.

import { type AliasSpec, aliasSpecs, DEFAULT_CATEGORIES } from '../../lib/facts/alias-spec';
import { EntityGroups, packAliasSpecs } from '../../lib/facts/pack-groups';
import type { Entity } from '../../lib/facts/schema';
import { PageAnnotator } from '../../lib/page/annotator';
import { Highlighter } from '../../lib/page/highlighter';
import { Matcher } from '../../lib/text/matcher';
import { compileMatcherSpec } from '../../lib/text/matcher-spec';
import seed from '../../seeds/fact-base.json';

export interface OursRun {
  /** Wall time from compiling the matcher to `start()` resolving, ms. */
  wall: number;
  /** Wall time minus the time spent yielded to the page (the slices' busy time), ms. */
  busy: number;
  /** Building the matcher in the page from its spec, ms (part of `wall`). */
  compile: number;
  /** Preparing the spec, which the extension does once in its background, ms (not part of `wall`). */
  spec: number;
  yields: number;
  /** Longest stretch between two yields (or before the first / after the last), ms. */
  maxSlice: number;
  /** Stretches without a yield of 50 ms or more: long tasks. */
  slicesOver50: number;
  /** The five longest stretches, longest first, ms. */
  longestSlices: number[];
  /** The stretch after the last yield: the end of the scan and publishing the mentions (sort, paint), ms. */
  finalSlice: number;
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

/** An imported pack as the benchmark needs it: its id and entities (local ids). */
interface BenchPack {
  id: string;
  entities: Entity[];
}

/**
 * The aliases the background sends with the bundled pack and `pack` both
 * enabled (default categories): ids scoped, entities the two packs share
 * merged, each alias once (lib/facts/pack-groups.ts).
 */
function specsWithPack(pack: BenchPack): AliasSpec[] {
  const ref = (id: string) => `${pack.id}:${id}`;
  const packs = [
    { pack: 'bundled', scope: '', entities: (seed as unknown as { entities: Entity[] }).entities },
    {
      pack: pack.id,
      scope: `${pack.id}:`,
      entities: pack.entities.map((e) => ({ ...e, id: ref(e.id), related: e.related.map(ref) })),
    },
  ];
  return packAliasSpecs(packs, new EntityGroups(packs), DEFAULT_CATEGORIES, new Set());
}

async function run(extraAliases: readonly string[] | { pack: BenchPack } = []): Promise<OursRun> {
  const specs =
    'pack' in extraAliases
      ? specsWithPack(extraAliases.pack)
      : extraAliases.length > 0
        ? specsFor(extraAliases)
        : defaultSpecs;
  // The annotator yields through scheduler.yield() when it exists: wrap it to time the gaps.
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  const realYield = scheduler?.yield;
  let yielded = 0;
  let yields = 0;
  const slices: number[] = [];
  let sliceStart = performance.now();
  if (scheduler && realYield) {
    scheduler.yield = () => {
      const before = performance.now();
      slices.push(before - sliceStart);
      yields++;
      return realYield.call(scheduler).then(() => {
        const after = performance.now();
        yielded += after - before;
        sliceStart = after;
      });
    };
  }
  try {
    const s0 = performance.now();
    const spec = compileMatcherSpec(specs);
    const t0 = performance.now();
    sliceStart = t0;
    const matcher = Matcher.fromSpec(spec);
    const t1 = performance.now();
    const annotator = new PageAnnotator(document, matcher, { painter: new Highlighter(), onCounts() {} });
    await annotator.start();
    const t2 = performance.now();
    const finalSlice = t2 - sliceStart;
    slices.push(finalSlice);
    const count = annotator.current().length;
    annotator.stop();
    slices.sort((a, b) => b - a);
    return {
      wall: t2 - t0,
      busy: t2 - t0 - yielded,
      compile: t1 - t0,
      spec: t0 - s0,
      yields,
      maxSlice: slices[0] ?? 0,
      slicesOver50: slices.filter((d) => d >= 50).length,
      longestSlices: slices.slice(0, 5),
      finalSlice,
      count,
      aliases: specs.length,
    };
  } finally {
    if (scheduler && realYield) scheduler.yield = realYield;
  }
}

(globalThis as { __benchOurs?: unknown }).__benchOurs = {
  run,
  defaultAliasTexts: defaultSpecs.map((s) => s.text),
};
