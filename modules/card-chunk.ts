import { resolve } from 'node:path';
import { build, type InlineConfig, mergeConfig } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** The card part's entry, and the file it becomes (web-accessible; see docs/architecture.md). */
const ENTRY = 'annotate.content/card-ui.ts';
export const CARD_CHUNK = 'card-ui.js';

/**
 * Builds the card UI (Preact, Floating UI, strings, card CSS) as one ES
 * module beside the extension's other files, so that the content script
 * loaded into every frame stays small and imports it on the first mention.
 * WXT bundles each content script into a single classic script and has no
 * such split of its own; this follows its ESM content-script example.
 */
export default defineWxtModule((wxt) => {
  let base: InlineConfig | undefined;
  wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (entrypoints.some((e) => e.name === 'annotate')) base = config;
  });
  wxt.hooks.hook('build:done', async () => {
    const own: InlineConfig = {
      configFile: false,
      logLevel: 'warn',
      build: {
        emptyOutDir: false,
        outDir: wxt.config.outDir,
        // One file: a chunk imported through a dynamic extension URL cannot import siblings in Chrome.
        lib: { entry: resolve(wxt.config.entrypointsDir, ENTRY), formats: ['es'], fileName: () => CARD_CHUNK },
        rollupOptions: {
          // Vite leaves whitespace in ES libraries; this file is the extension's own, shipped as is.
          output: {
            format: 'es',
            entryFileNames: CARD_CHUNK,
            codeSplitting: false,
            minify: wxt.config.mode === 'production',
          },
        },
        sourcemap: false,
      },
    };
    await build(base ? mergeConfig(base, own) : own);
  });
  wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
    paths.push(CARD_CHUNK);
  });
});
