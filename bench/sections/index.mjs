// The sections, in the order they run and print. A section is a module whose
// default export is `{ id, key, title, run(ctx) }`: `id` is its number for
// `--only=`, `key` the field of the JSON results that holds what `run`
// resolves to (see bench/README.md for `ctx`).
import aliasScaling from './alias-scaling.mjs';
import annotationCost from './annotation-cost.mjs';
import cardLatency from './card-latency.mjs';
import feed from './feed.mjs';
import mainThreadHealth from './main-thread-health.mjs';
import overhead from './overhead.mjs';
import paintScroll from './paint-scroll.mjs';
import pathologicalNode from './pathological-node.mjs';
import sizes from './sizes.mjs';

export const SECTIONS = [
  annotationCost,
  aliasScaling,
  mainThreadHealth,
  overhead,
  cardLatency,
  sizes,
  feed,
  pathologicalNode,
  paintScroll,
];
