// Writes public/fact-pack.schema.json, the JSON Schema of the fact-pack
// format, from the valibot schema (scripts/pack-schema-source.ts). Run it
// after changing lib/facts/schema.ts: tests/lib/facts/json-schema.test.ts
// fails while the shipped file is out of date.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules/.cache/pack-schema.mjs');
await build({
  entryPoints: [join(root, 'scripts/pack-schema-source.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  alias: { '@': root },
  logLevel: 'warning',
});
const { packJsonSchema } = await import(pathToFileURL(out).href);
const target = join(root, 'public/fact-pack.schema.json');
writeFileSync(target, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
