// Reads a Chrome trace taken over CDP and finds, on the page's main thread,
// the long tasks and how much of each ran the extension's code (from the
// CPU profiler samples recorded in the same trace).
import { basename } from 'node:path';

const isExtensionUrl = (url) => typeof url === 'string' && url.startsWith('chrome-extension://');

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

export async function readTrace(cdp) {
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  const parts = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join(''));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Long tasks of the page's main thread from a Chrome trace, each with the
 * time the CPU profiler's samples spent in the extension's scripts
 * (a stack with a chrome-extension:// frame) and its busiest functions.
 */
export function analyseTrace(events, pageUrl, minTaskMs = 50) {
  const threadNames = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's renderer main thread is the one that parsed the page.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) return null;
  const main = `${parse.pid}:${parse.tid}`;
  const onMain = (e) => `${e.pid}:${e.tid}` === main;
  let tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e));
  if (tasks.length === 0)
    tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && onMain(e));
  const long = tasks.filter((e) => e.dur >= minTaskMs * 1000).sort((a, b) => a.ts - b.ts);
  // Injections of the extension's scripts: their compile time shows in samples as "(program)", not as its code.
  const injections = events.filter(
    (e) => e.ph === 'X' && e.name === 'EvaluateScript' && onMain(e) && isExtensionUrl(e.args?.data?.url),
  );

  // CPU profile samples of the main thread.
  const profiles = new Map();
  for (const e of events) {
    if (e.ph !== 'P' || !e.id) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      const p = profiles.get(key) ?? { chunks: [] };
      p.thread = `${e.pid}:${e.tid}`;
      p.start = e.args.data.startTime;
      profiles.set(key, p);
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(key) ?? { chunks: [] };
      p.chunks.push(e);
      profiles.set(key, p);
    }
  }
  const samples = []; // [ts, nodeKey]
  const nodes = new Map();
  for (const [key, p] of profiles) {
    if (p.thread !== main || p.start === undefined) continue;
    let t = p.start;
    for (const c of p.chunks) {
      const data = c.args.data;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(`${key}:${n.id}`, { ...n, key: `${key}:${n.id}` });
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        t += deltas[i] ?? 0;
        samples.push([t, `${key}:${ids[i]}`]);
      }
    }
  }
  samples.sort((a, b) => a[0] - b[0]);
  const fromExtension = new Map();
  const isExtension = (nodeKey) => {
    if (fromExtension.has(nodeKey)) return fromExtension.get(nodeKey);
    const n = nodes.get(nodeKey);
    let value = false;
    if (n) {
      if ((n.callFrame?.url ?? '').startsWith('chrome-extension://')) value = true;
      else if (n.parent !== undefined) value = isExtension(`${nodeKey.slice(0, nodeKey.lastIndexOf(':'))}:${n.parent}`);
    }
    fromExtension.set(nodeKey, value);
    return value;
  };
  // Minified names say little: those of the extension's own files carry their position, resolved by the caller.
  const minified = {};
  const frameName = (nodeKey) => {
    const f = nodes.get(nodeKey)?.callFrame;
    if (!f) return '?';
    const name = f.functionName || '(anonymous)';
    if (!f.url) return name;
    if (f.url.startsWith('chrome-extension://') && /^[\w$]{1,2}$/.test(name)) {
      const label = `${name}@${basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      minified[label] = { path: new URL(f.url).pathname, line: f.lineNumber, column: f.columnNumber };
      return label;
    }
    return `${name} (${basename(f.url)})`;
  };

  let s = 0;
  const result = long.map((task) => {
    const start = task.ts;
    const end = task.ts + task.dur;
    while (s < samples.length && samples[s][0] < start) s++;
    let extensionUs = 0;
    let sampled = 0;
    const leaves = new Map();
    const others = new Map();
    for (let i = s; i < samples.length && samples[i][0] < end; i++) {
      const next = i + 1 < samples.length ? Math.min(samples[i + 1][0], end) : end;
      const span = Math.max(0, next - samples[i][0]);
      sampled += span;
      const name = frameName(samples[i][1]);
      const into = isExtension(samples[i][1]) ? leaves : others;
      if (into === leaves) extensionUs += span;
      into.set(name, (into.get(name) ?? 0) + span);
    }
    const top = (m) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`);
    const injected = injections.filter((e) => e.ts >= start && e.ts < end);
    return {
      start: (start - parse.ts) / 1000,
      duration: task.dur / 1000,
      injectsExtensionScript: injected.length > 0,
      injectionMs: injected.reduce((sum, e) => sum + e.dur, 0) / 1000,
      extensionMs: extensionUs / 1000,
      sampledMs: sampled / 1000,
      top: top(leaves),
      otherTop: extensionUs > 0 ? top(others) : [],
    };
  });
  // All of the main thread's samples in extension code, long tasks or not: slices of a few ms add up too.
  let extensionTotalUs = 0;
  for (let i = 0; i + 1 < samples.length; i++)
    if (isExtension(samples[i][1])) extensionTotalUs += samples[i + 1][0] - samples[i][0];
  return {
    thread: threadNames.get(main) ?? main,
    samples: samples.length,
    extensionMs: extensionTotalUs / 1000,
    longTasks: result,
    minified,
  };
}
