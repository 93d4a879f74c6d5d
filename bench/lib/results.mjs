// The run's header and footer, and the JSON results: every figure, with its
// samples, in bench/results/.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadLine } from './output.mjs';
import { BENCH, CHROME_BUILD, CHROMIUM_PATH } from './paths.mjs';

export function newResults({ quick, seed, config, targets }) {
  return { quick, seed, startedAt: new Date().toISOString(), config, targets };
}

export function describeMachine(chromiumVersion) {
  const cpu = os.cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion,
  };
}

export function printHeader(results) {
  const { machine } = results;
  console.log(`# Context Lens benchmark${results.quick ? ' (--quick)' : ''}\n`);
  console.log(`Machine:  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM`);
  console.log(`OS:       ${machine.os}, Node ${process.version}`);
  console.log(`Browser:  Chromium ${machine.chromium} (headless, ${CHROMIUM_PATH})`);
  console.log(`Build:    ${CHROME_BUILD} (${results.build.built ? 'rebuilt now' : 'up to date'})`);
  console.log(`Seed:     ${results.seed} (synthetic pages, run order)`);
  console.log(`Load:     ${loadLine(results.loadAverageAtStart)}`);
}

/**
 * Times the sections: `lap(name)` records the seconds since the previous lap
 * (or since `start()`) in the map `start()` returns.
 */
export function lapTimer() {
  const seconds = {};
  let lapStart = Date.now();
  return {
    start() {
      lapStart = Date.now();
      return seconds;
    },
    lap(name) {
      const s = Math.round((Date.now() - lapStart) / 1000);
      // A section that takes no time (a table of file sizes, a missing hook) is not worth a figure.
      if (s > 0) seconds[name] = s;
      lapStart = Date.now();
    },
  };
}

/** Prints the footer and writes the JSON; a run of some sections only does not replace the latest complete figures. */
export function finishResults(results, { quick, only }, t0) {
  results.seconds = (Date.now() - t0) / 1000;
  results.loadAverageAtEnd = os.loadavg();
  console.log(`\nLoad at the end: ${loadLine(results.loadAverageAtEnd)}`);
  const laps = Object.entries(results.sectionSeconds ?? {}).map(([k, v]) => `${k}: ${v} s`);
  console.log(`Total time: ${results.seconds.toFixed(0)} s (${laps.join(', ')}).`);
  const dir = join(BENCH, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const kind = `${only ? 'partial-' : ''}${quick ? 'quick' : 'full'}`;
  const name = `${kind}-${stamp}.json`;
  const json = JSON.stringify({ ...results, sections: only ?? 'all' }, null, 1);
  writeFileSync(join(dir, name), json);
  if (!only) writeFileSync(join(dir, `latest${quick ? '-quick' : ''}.json`), json);
  console.log(`Results: bench/results/${name} (sha1 ${createHash('sha1').update(json).digest('hex').slice(0, 8)})`);
}
