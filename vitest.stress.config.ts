import { defineConfig } from 'vitest/config';
import e2e from './vitest.e2e.config';

/** `npm run test:stress`: the slow end-to-end cases (a million text nodes, a mutation storm). */
export default defineConfig({
  ...e2e,
  test: { ...e2e.test, include: ['tests/e2e/stress/*.e2e.test.ts'], testTimeout: 240_000 },
});
