// Pages that stress the content script rather than read like articles: an
// infinite feed, one enormous text node, a long page dense with mentions.
// Plain ESM with types beside it: the stress tests serve the same pages.

/** The names posts mention: each is one highlight on its own, whatever comes before it. */
const NAMES = ['Siri', 'Apple Intelligence', 'Craig Federighi'];
// Lowercase filler no alias starts with or matches: a post holds exactly the mentions it was written with.
const FILLER = `the of and to in is it that was for on are with as they be at one have this from or had by word but
what some we can out other were all there when up use your how said each she which do their time if will way about many
then them write would like so these her long make thing see him two has look more day could go come did number sound
most people over know water than call first who may down side been now find any new work part take get place made live`
  .split(/\s+/)
  .filter(Boolean);

const words = (from, n) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(FILLER[(from * 7 + i * 13) % FILLER.length]);
  return out.join(' ');
};

/**
 * A feed: a header, then, when `window.__startFeed()` is called, `initial`
 * posts appended one by one in one task, then `batches` batches of
 * `batchSize` posts, one batch per animation frame. One post in
 * `mentionEvery` names one subject, once. `tag` is `article` (a block the
 * extension knows) or a custom element such as `x-post`, inline by tag name
 * and `display: block` by style. The page records in `window.__feed` when it
 * started, when each of its own tasks ran and ended, and when it was done.
 */
export function feedPage({ initial, batches, batchSize, tag = 'article', mentionEvery = 10 }) {
  const total = initial + batches * batchSize;
  // The header names Siri: its highlight says the content script is watching before the feed starts.
  const mentions = Math.floor((total - 1) / mentionEvery) + 2;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Infinite feed (${tag})</title>
<style>body{font:14px/1.4 sans-serif;margin:0 2em}${tag}{display:block;margin:0 0 6px;padding:4px 0;border-bottom:1px solid #ddd}</style>
</head><body><header><h1>Feed</h1><p>Latest posts on Siri, newest last.</p></header><main id="feed"></main>
<script>
(() => {
  const NAMES = ${JSON.stringify(NAMES)};
  const FILLER = ${JSON.stringify(FILLER)};
  const TAG = ${JSON.stringify(tag)};
  const BLOCK = TAG === 'article';
  const words = ${words.toString()};
  const feed = document.getElementById('feed');
  const post = (i) => {
    const el = document.createElement(TAG);
    const name = i % ${mentionEvery} === 0 ? ' ' + NAMES[(i / ${mentionEvery}) % NAMES.length] + ' ' : ' ';
    const text = words(i, 6) + name + words(i + 1, 10) + '.';
    if (BLOCK) {
      const h = document.createElement('h3');
      h.textContent = 'Post ' + i;
      const p = document.createElement('p');
      p.textContent = text;
      el.append(h, p);
    } else {
      const b = document.createElement('b');
      b.textContent = 'Post ' + i + ':';
      el.append(b, ' ' + text);
    }
    return el;
  };
  const state = { started: null, initialEnd: null, lastBatch: null, end: null, done: false, posts: 0,
    mentions: ${mentions}, tasks: [] };
  window.__feed = state;
  window.__startFeed = () => setTimeout(() => {
    state.started = performance.now();
    let n = 0;
    for (; n < ${initial}; n++) feed.append(post(n));
    state.initialEnd = performance.now();
    state.tasks.push([state.started, state.initialEnd]);
    let batch = 0;
    const step = () => {
      const t0 = performance.now();
      for (let j = 0; j < ${batchSize}; j++) feed.append(post(n++));
      const t1 = performance.now();
      state.tasks.push([t0, t1]);
      state.posts = n;
      if (++batch < ${batches}) return requestAnimationFrame(step);
      state.lastBatch = t0;
      state.end = t1;
      state.done = true;
    };
    if (${batches} > 0) requestAnimationFrame(step);
    else Object.assign(state, { posts: n, lastBatch: state.started, end: state.initialEnd, done: true });
  }, 0);
})();
</script></body></html>`;
  return { html, posts: total, mentions };
}

/**
 * One text node of `"Siri " × repeats`, added by a script at the end of the
 * body (the HTML parser would split it into nodes of 64 K), and the time it
 * was added in `window.__nodeAddedAt`.
 */
export function repeatedNodePage(repeats, tag = 'div') {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One enormous text node</title></head>
<body><h1>A log</h1><${tag} id="log"></${tag}><script>
document.getElementById('log').append(document.createTextNode('Siri '.repeat(${repeats})));
window.__nodeAddedAt = performance.now();
</script></body></html>`;
  return { html, mentions: repeats };
}

/**
 * A long page of `paragraphs` paragraphs, `mentions` of them (spread evenly)
 * naming a subject once: the same page length whatever the number of ranges.
 */
export function rangesPage({ paragraphs, mentions }) {
  const every = paragraphs / mentions;
  const parts = [];
  let written = 0;
  for (let i = 0; i < paragraphs; i++) {
    const named = Math.floor((i + 1) / every) > Math.floor(i / every);
    const name = named ? ` ${NAMES[written++ % NAMES.length]} ` : ' ';
    parts.push(`<p>${words(i, 8)}${name}${words(i + 3, 12)}.</p>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${mentions} mentions</title>
<style>body{font:16px/1.5 serif;max-width:50em;margin:auto}</style></head><body><main>${parts.join('\n')}</main></body></html>`;
  return { html, mentions: written };
}
