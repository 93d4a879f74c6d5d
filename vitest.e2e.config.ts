import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
  test: {
    environment: 'node',
    include: ['tests/e2e/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Two cores: one browser at a time keeps timings and flakiness sane.
    fileParallelism: false,
  },
});
