// The pages under test: the corpus and the generated pages, served on
// 127.0.0.1 and nowhere else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join } from 'node:path';
import { CORPUS, ROOT } from './paths.mjs';
import { feedPage, rangesPage, repeatedNodePage } from './stress-pages.mjs';
import { syntheticPage } from './synth.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * Generates the synthetic pages of `config`, serves them with the corpus,
 * the stress pages and the test fixtures, and resolves to
 * `{ origin, synthetic, corpus, all, stress, corpusPage(name), fixture(file), close() }`, the page
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
  const stress = stressPages(config, generated);
  const server = await startServer(generated);
  for (const spec of Object.values(stress).flat()) spec.url = `${server.origin}/synth/${spec.file}`;
  const corpusFiles =
    config.corpus ??
    readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort();
  const corpusPage = (f) => ({
    name: f.replace('.html', ''),
    kind: 'corpus',
    url: `${server.origin}/corpus/${f}`,
    loads: config.corpusLoads,
    markLoads: config.corpusLoads,
  });
  const corpus = corpusFiles.map(corpusPage);
  for (const s of synthetic) s.url = `${server.origin}/synth/${s.file}`;
  return {
    origin: server.origin,
    synthetic,
    corpus,
    all: [...synthetic, ...corpus],
    stress,
    /** Any page of the corpus folder, in this run's lists or not (`name` without `.html`). */
    corpusPage: (name) => corpusPage(`${name}.html`),
    fixture: (file) => `${server.origin}/fixtures/${file}`,
    close: server.close,
  };
}

/** The pages of sections 7–9 (feeds, enormous text nodes, pages of many ranges), added to `generated`. */
function stressPages(config, generated) {
  const add = (file, page, spec) => {
    generated.set(file, page.html);
    const { html: _, ...meta } = page;
    return { ...spec, ...meta, file };
  };
  const { feed, node, paint } = config;
  return {
    feed: ['article', 'x-post'].map((tag) =>
      add(`feed-${tag}.html`, feedPage({ ...feed, tag }), { name: `<${tag}>`, tag }),
    ),
    node: [
      add('node-wrapped.html', repeatedNodePage(node.repeats, 'div'), { name: 'wrapped (div)', repeats: node.repeats }),
      add('node-one-line.html', repeatedNodePage(node.oneLineRepeats, 'pre'), {
        name: 'one line (pre)',
        repeats: node.oneLineRepeats,
      }),
    ],
    ranges: paint.mentions.map((n) =>
      add(`ranges-${n}.html`, rangesPage({ paragraphs: paint.paragraphs, mentions: n }), { name: `${n} mentions` }),
    ),
  };
}

async function startServer(generated) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (body, type = 'text/html') => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
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
    if (path.startsWith('/fixtures/')) {
      const file = join(FIXTURES, basename(path));
      if (existsSync(file)) return send(readFileSync(file), path.endsWith('.js') ? 'text/javascript' : undefined);
    }
    if (path === '/blank.html') return send('<!doctype html><title>blank</title><p>blank</p>');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(() => ok())) };
}
