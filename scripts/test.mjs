#!/usr/bin/env node
// Runs every test suite (unit, end-to-end in real browsers) and ends with one
// line of totals, `N passed, N failed, N skipped`, summed over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const SUITES = [
  { name: 'unit', args: ['vitest', 'run'] },
  { name: 'e2e', args: ['vitest', 'run', '-c', 'vitest.e2e.config.ts'] },
  { name: 'stress', args: ['vitest', 'run', '-c', 'vitest.stress.config.ts'] },
];

const only = process.argv.slice(2);
mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

for (const suite of SUITES) {
  if (only.length && !only.includes(suite.name)) continue;
  const report = `test-results/${suite.name}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${suite.name} tests ===`);
  const run = spawnSync(
    'npx',
    [...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    console.error(`${suite.name}: no report was written (exit ${run.status}); counting the suite as failed.`);
    crashed = true;
    totals.failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${suite.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += skipped;
  // A suite can fail outside any test (an error in setup, an unhandled rejection).
  if (run.status !== 0 && r.numFailedTests === 0) {
    console.error(`${suite.name}: vitest exited with ${run.status} although no test failed.`);
    crashed = true;
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || crashed ? 1 : 0);
