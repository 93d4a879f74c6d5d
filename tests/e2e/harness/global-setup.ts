import { execSync } from 'node:child_process';
import { ROOT } from './paths';

/** Builds both targets once per run, so every suite tests the same, current build. */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execSync('npx wxt build && npx wxt build -b firefox', { cwd: ROOT, stdio: 'inherit' });
}
