// The pages under test: the corpus and the generated pages, served on
// 127.0.0.1 and nowhere else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join } from 'node:path';
import { CORPUS } from './paths.mjs';
import { syntheticPage } from './synth.mjs';

/**
 * Generates the synthetic pages of `config`, serves them with the corpus,
 * and resolves to `{ origin, synthetic, corpus, all, close() }`, the page
 * lists holding the specs sections iterate over (name, kind, url, loads…).
 */
export async function serveBenchPages(config, seed) {
  const generated = new Map();
  const synthetic = config.synthetic.map((s) => {
    const file = `${s.name.replace(/\W+/g, '-')}.html`;
    const page = syntheticPage(s.chars, seed ^ s.chars);
    generated.set(file, page.html);
    return { ...s, kind: 'synthetic', file, written: page.mentions, htmlBytes: page.html.length };
  });
  const server = await startServer(generated);
  const corpusFiles =
    config.corpus ??
    readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort();
  const corpus = corpusFiles.map((f) => ({
    name: f.replace('.html', ''),
    kind: 'corpus',
    url: `${server.origin}/corpus/${f}`,
    loads: config.corpusLoads,
    markLoads: config.corpusLoads,
  }));
  for (const s of synthetic) s.url = `${server.origin}/synth/${s.file}`;
  return { origin: server.origin, synthetic, corpus, all: [...synthetic, ...corpus], close: server.close };
}

async function startServer(generated) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (body) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path.startsWith('/corpus/')) {
      const file = join(CORPUS, basename(path));
      if (existsSync(file)) return send(readFileSync(file));
    }
    if (path.startsWith('/synth/')) {
      const page = generated.get(basename(path));
      if (page) return send(page);
    }
    if (path === '/blank.html') return send('<!doctype html><title>blank</title><p>blank</p>');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(() => ok())) };
}
