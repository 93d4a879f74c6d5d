import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outermost, PageAnnotator, type Painter } from '@/lib/page/annotator';
import { MAX_HIGHLIGHTED, MAX_TRACKED, type PageLimit } from '@/lib/page/limits';
import type { Mention } from '@/lib/page/scan';
import { SiblingRun } from '@/lib/page/scan-root';
import { TimeSlicer } from '@/lib/page/time-slice';
import { covered } from '@/tests/helpers/dom';
import { subjects } from '@/tests/helpers/seed-matchers';

const running: PageAnnotator[] = [];

class CountingPainter implements Painter {
  last: readonly Mention[] = [];
  sync(mentions: readonly Mention[]): void {
    this.last = mentions;
  }
  ensureRegistered(): void {}
  clear(): void {
    this.last = [];
  }
}

function setup() {
  const painter = new CountingPainter();
  let counts: Record<string, number> = {};
  let limit: PageLimit = 'none';
  const annotator = new PageAnnotator(document, subjects, {
    painter,
    onCounts: (c, reached) => {
      counts = c;
      limit = reached;
    },
    debounceMs: 5,
    slicer: () => new TimeSlicer(8),
    isHidden: () => false,
  });
  running.push(annotator);
  return { annotator, painter, counts: () => counts, limit: () => limit };
}

async function settle(annotator: PageAnnotator): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  await annotator.idle();
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  for (const a of running.splice(0)) a.stop();
});

/** Appends `n` posts one by one in one task, the way an infinite feed does, and times until the annotator settles. */
async function feed(n: number, tag = 'article'): Promise<{ ms: number; counts: Record<string, number> }> {
  document.body.innerHTML = '<main id="feed"><p>Craig Federighi</p></main>';
  const { annotator, counts } = setup();
  await annotator.start();
  const main = document.getElementById('feed') as HTMLElement;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const post = document.createElement(tag);
    post.textContent = i % 10 === 0 ? `Post ${i} about Siri` : `Post ${i} about nothing`;
    main.append(post);
  }
  await settle(annotator);
  const ms = performance.now() - t0;
  const found = counts();
  annotator.stop();
  return { ms, counts: found };
}

describe('work grows linearly with the page’s changes', () => {
  it('handles a feed of appended posts in time linear in their number', async () => {
    await feed(200); // warm up
    // The quicker of two runs of each size: a busy machine slows single runs, not both.
    const best = async (n: number) => {
      const [a, b] = [await feed(n), await feed(n)];
      return a.ms <= b.ms ? a : b;
    };
    const small = await best(1_500);
    const large = await best(6_000);
    expect(small.counts.siri).toBe(150);
    expect(large.counts.siri).toBe(600);
    // Four times the posts: a linear pass takes about four times as long, a pairwise one sixteen.
    expect(large.ms / small.ms).toBeLessThan(9);
  });

  it('reads a run of new inline elements (a feed with a custom tag) on its own, names split over two included', async () => {
    document.body.innerHTML = '<main><p>Intro.</p></main>';
    const { annotator, painter } = setup();
    await annotator.start();
    const main = document.querySelector('main') as HTMLElement;
    const a = document.createElement('x-post');
    a.textContent = 'Craig';
    const b = document.createElement('x-post');
    b.textContent = ' Federighi';
    const c = document.createElement('x-post');
    c.textContent = ' and Siri';
    main.append(a, b, c);
    await settle(annotator);
    expect(painter.last.map(covered)).toEqual(['Craig Federighi', 'Siri']);
  });

  it('keeps only outermost roots, a run’s members and what lies inside them included', () => {
    document.body.innerHTML = '<main><div id="a"><p id="b">x</p></div><i id="c">y</i><i id="d">z</i></main>';
    const el = (id: string) => document.getElementById(id) as HTMLElement;
    const run = new SiblingRun(el('c'), el('d'));
    const inner = el('d').firstChild as Node;
    expect(outermost(new Set([el('b'), el('a'), run, el('c'), inner]))).toEqual([el('a'), run]);
  });
});

describe('bounded work on pathological pages', () => {
  it('stops counting at the cap, highlights the first ones only, and says so', async () => {
    document.body.innerHTML = `<pre>${'Siri '.repeat(MAX_TRACKED + 5_000)}</pre>`;
    const { annotator, painter, counts, limit } = setup();
    await annotator.start();
    expect(counts().siri).toBe(MAX_TRACKED);
    expect(limit()).toBe('counts');
    expect(painter.last).toHaveLength(MAX_HIGHLIGHTED);
    expect(annotator.current()).toHaveLength(MAX_HIGHLIGHTED);
  });

  it('counts again below the cap once the page drops the text', async () => {
    document.body.innerHTML = `<pre id="big">${'Siri '.repeat(MAX_TRACKED)}</pre><p>Siri</p>`;
    const { annotator, counts, limit } = setup();
    await annotator.start();
    expect(limit()).toBe('counts');
    document.getElementById('big')?.remove();
    await settle(annotator);
    expect(counts()).toEqual({ siri: 1 });
    expect(limit()).toBe('none');
  });

  it('counts every mention past the highlight cap, and says that only highlighting stopped', async () => {
    document.body.innerHTML = `<pre>${'Siri '.repeat(MAX_HIGHLIGHTED + 10)}</pre>`;
    const { annotator, painter, counts, limit } = setup();
    await annotator.start();
    expect(counts().siri).toBe(MAX_HIGHLIGHTED + 10);
    expect(limit()).toBe('highlights');
    expect(painter.last).toHaveLength(MAX_HIGHLIGHTED);
  });
});
