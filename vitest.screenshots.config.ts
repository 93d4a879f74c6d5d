import { defineConfig } from 'vitest/config';
import e2e from './vitest.e2e.config';

/** `npm run screenshots`: the README's pictures, taken from the built extension in Chromium. */
export default defineConfig({
  ...e2e,
  test: { ...e2e.test, include: ['tests/e2e/screenshots/*.shots.ts'] },
});
