import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnnotatorOptions, PageAnnotator, type Painter } from '@/lib/page/annotator';
import { countByEntity, MentionSet } from '@/lib/page/mention-set';
import { type Mention, scanSubtree } from '@/lib/page/scan';
import { TimeSlicer } from '@/lib/page/time-slice';
import { covered, firstTextNode } from '@/tests/helpers/dom';
import { everything, subjects } from '@/tests/helpers/seed-matchers';

const running: PageAnnotator[] = [];

/** A painter double that records what it is asked to paint. */
class RecordingPainter implements Painter {
  syncs: Mention[][] = [];
  clears = 0;
  registered = 0;
  sync(mentions: readonly Mention[]): void {
    this.syncs.push([...mentions]);
  }
  ensureRegistered(): void {
    this.registered++;
  }
  clear(): void {
    this.clears++;
  }
  get last(): Mention[] {
    return this.syncs[this.syncs.length - 1] ?? [];
  }
}

function setup(options: Partial<AnnotatorOptions> = {}, matcher = subjects) {
  const painter = new RecordingPainter();
  const counts: Record<string, number>[] = [];
  const annotator = new PageAnnotator(document, matcher, {
    painter,
    onCounts: (c) => counts.push(c),
    debounceMs: 5,
    slicer: () => new TimeSlicer(1e9),
    isHidden: () => false,
    ...options,
  });
  running.push(annotator);
  const lastCounts = () => counts[counts.length - 1];
  return { annotator, painter, counts, lastCounts };
}

/** Lets the MutationObserver deliver, then waits for the annotator's re-scans. */
async function settle(annotator: PageAnnotator): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  await annotator.idle();
}

function described(mentions: readonly Mention[]): string[] {
  return mentions.map((m) => `${m.alias.text}=${covered(m)}`);
}

/** What a fresh full scan of the page would count (light DOM and the open shadow roots given). */
async function freshCounts(shadows: ShadowRoot[] = [], matcher = subjects): Promise<Record<string, number>> {
  const set = new MentionSet();
  for (const root of [document.body, ...shadows]) {
    set.add((await scanSubtree(root, matcher, { isHidden: () => false })).mentions);
  }
  return countByEntity(set.visible());
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

afterEach(() => {
  for (const a of running.splice(0)) a.stop();
});

describe('start', () => {
  it('finds the mentions, paints them in document order and reports the counts', async () => {
    document.body.innerHTML =
      '<h1>Craig <b>Federighi</b> et Siri</h1><p>Federighi a dit non.</p><ul><li>Ruoming Pang</li><li>Siri</li></ul>';
    const { annotator, painter, counts } = setup();
    await annotator.start();
    expect(counts).toEqual([{ 'craig-federighi': 2, siri: 2, 'ruoming-pang': 1 }]);
    expect(painter.syncs).toHaveLength(1);
    expect(described(painter.last)).toEqual([
      'Craig Federighi=Craig Federighi',
      'Siri=Siri',
      'Federighi=Federighi',
      'Ruoming Pang=Ruoming Pang',
      'Siri=Siri',
    ]);
    expect(annotator.current()).toEqual(painter.last);
  });

  it('reports empty counts once for a page without mentions', async () => {
    document.body.innerHTML = '<p>Rien à signaler. Pang tout seul.</p>';
    const { annotator, counts, painter } = setup();
    await annotator.start();
    expect(counts).toEqual([{}]);
    expect(painter.last).toEqual([]);
  });

  it('scans open shadow roots present at start, nested too', async () => {
    document.body.innerHTML = '<p>Siri</p><div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Craig Federighi</p><span id="inner"></span>';
    const inner = (shadow.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<b>Apple Intelligence</b>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1, 'apple-intelligence': 1 });
  });

  it('uses the categories of its matcher', async () => {
    document.body.innerHTML = '<p>Apple, Google et OpenAI ; Siri sur l’iPhone.</p>';
    const { annotator, lastCounts } = setup({}, everything);
    await annotator.start();
    expect(lastCounts()).toEqual({ apple: 1, google: 1, openai: 1, siri: 1, iphone: 1 });
  });
});

describe('page changes after start', () => {
  it('counts a paragraph the page adds', async () => {
    document.body.innerHTML = '<p>Siri</p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    const p = document.createElement('p');
    p.innerHTML = 'Puis <i>Apple Intelligence</i> et Siri.';
    document.body.append(p);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 2, 'apple-intelligence': 1 });
    expect(annotator.current().map((m) => m.alias.text)).toEqual(['Siri', 'Apple Intelligence', 'Siri']);
  });

  it('re-reads a split name when new blocks and a script land inside it (found by the property test)', async () => {
    document.body.innerHTML = '<span><span>A</span>pple Intelligence </span>';
    const { annotator } = setup();
    await annotator.start();
    expect(annotator.current().map(covered)).toEqual(['Apple Intelligence']);
    const outer = document.body.firstChild as Element;
    const first = document.createElement('p');
    first.textContent = 'Apple ';
    const script = document.createElement('script');
    const second = document.createElement('p');
    second.textContent = 'Apple Intelligence ';
    outer.insertBefore(first, outer.childNodes[1] as Node);
    outer.insertBefore(script, outer.childNodes[2] as Node);
    outer.insertBefore(second, outer.childNodes[3] as Node);
    await settle(annotator);
    // The old mention is split by the new blocks: only the new paragraph names it now.
    expect(annotator.current().map(covered)).toEqual(['Apple Intelligence']);
    expect(annotator.current()[0]?.startNode.parentNode).toBe(second);
  });

  it('forgets the mentions of a paragraph the page removes', async () => {
    document.body.innerHTML = '<p>Siri</p><p id="gone">Craig Federighi et Siri</p><p>Apple Intelligence</p>';
    const { annotator, lastCounts, painter } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 2, 'craig-federighi': 1, 'apple-intelligence': 1 });
    document.getElementById('gone')?.remove();
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1, 'apple-intelligence': 1 });
    expect(painter.last.every((m) => m.startNode.isConnected && m.endNode.isConnected)).toBe(true);
  });

  it('re-scans a text node whose data changed', async () => {
    document.body.innerHTML = '<p>Le nouveau Siri</p><p>Craig <b>Federighi</b></p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1 });

    firstTextNode('Le nouveau Siri').data = 'Le nouveau Sira, puis Apple Intelligence';
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'apple-intelligence': 1, 'craig-federighi': 1 });

    // Same length, different text: offsets stay valid but the name is gone.
    firstTextNode('Federighi').data = 'Federicci';
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'apple-intelligence': 1 });
    expect(described(annotator.current())).toEqual(['Apple Intelligence=Apple Intelligence']);
  });

  it('finds a name completed by inline text the page appends', async () => {
    document.body.innerHTML = '<p id="p">Selon Craig </p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({});
    const b = document.createElement('b');
    b.textContent = 'Federighi';
    document.getElementById('p')?.append(b);
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'craig-federighi': 1 });
    expect(described(annotator.current())).toEqual(['Craig Federighi=Craig Federighi']);
    expect(annotator.current()[0]?.endNode).toBe(b.firstChild);
  });

  it('finds a name completed by a text node appended next to its first half', async () => {
    document.body.innerHTML = '<p id="p"><b>Ruoming</b></p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    document.getElementById('p')?.append(' Pang');
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'ruoming-pang': 1 });
  });

  it('splits a name when the page inserts a block inside it', async () => {
    document.body.innerHTML = '<div id="d">Craig <span id="s">Federighi</span></div>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({ 'craig-federighi': 1 });
    document.getElementById('s')?.before(document.createElement('div'));
    await settle(annotator);
    // "Craig" and "Federighi" are now in different blocks: a bare surname with no full name.
    expect(lastCounts()).toEqual({});
    expect(annotator.current()).toEqual([]);
  });

  it('joins a name when the page removes the block between its halves', async () => {
    document.body.innerHTML = '<div>Craig <div id="x">x</div><b>Federighi</b></div>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({});
    document.getElementById('x')?.remove();
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'craig-federighi': 1 });
  });

  it('reads again what is left of a mention when part of it is removed', async () => {
    document.body.innerHTML =
      '<p>Ruoming Pang</p><p><span id="first">Ruoming </span>Pang</p><p>Apple <i id="i">Intelligence</i></p>';
    const { annotator, lastCounts } = setup({}, everything);
    await annotator.start();
    expect(lastCounts()).toEqual({ 'ruoming-pang': 2, 'apple-intelligence': 1 });
    document.getElementById('first')?.remove();
    document.getElementById('i')?.remove();
    await settle(annotator);
    // The remaining "Pang" follows the full name above; the remaining "Apple" names the company.
    expect(lastCounts()).toEqual({ 'ruoming-pang': 2, apple: 1 });
    expect(described(annotator.current())).toEqual(['Ruoming Pang=Ruoming Pang', 'Pang=Pang', 'Apple=Apple']);
  });

  it('forgets mentions the page moves into content that is never scanned, and finds moved ones again', async () => {
    document.body.innerHTML =
      '<p id="a">Siri</p><p>Craig <b id="f">Federighi</b></p><template id="t"></template><div id="d"><p>x</p></div>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1 });
    const noscript = document.createElement('noscript');
    document.body.append(noscript);
    await settle(annotator);
    noscript.append(document.getElementById('f') as Element);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1 });
    (document.getElementById('d') as Element).append(document.getElementById('a') as Element);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1 });
    expect(annotator.current()[0]?.block).toBe(document.getElementById('a'));
  });

  it('applies the surname rule again when a full name is added before a bare surname', async () => {
    document.body.innerHTML = '<p id="first">Pang est parti.</p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    expect(lastCounts()).toEqual({});
    const p = document.createElement('p');
    p.textContent = 'Ruoming Pang dirigeait l’équipe.';
    document.body.prepend(p);
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'ruoming-pang': 2 });
    p.remove();
    await settle(annotator);
    expect(lastCounts()).toEqual({});
  });

  it('finds text added to an open shadow root created after start', async () => {
    document.body.innerHTML = '<p>Siri</p>';
    const { annotator, lastCounts } = setup();
    await annotator.start();

    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Craig Federighi</p>';
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1 });

    // The new shadow root is observed: later changes inside it are seen too.
    const p = document.createElement('p');
    p.innerHTML = '<b>Ruoming</b> Pang';
    shadow.append(p);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1, 'ruoming-pang': 1 });

    firstTextNode('Craig Federighi', shadow).data = 'personne';
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1, 'ruoming-pang': 1 });

    host.remove();
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1 });
  });

  it('handles a burst of changes, including changes made while it scans, and ends like a fresh scan', async () => {
    const html = Array.from(
      { length: 300 },
      (_, i) => `<p id="p${i}">Para ${i}: <b>Craig</b> Federighi, Siri</p>`,
    ).join('');
    document.body.innerHTML = html;
    let yields = 0;
    const { annotator, lastCounts } = setup({
      slicer: () =>
        new TimeSlicer(0, async () => {
          yields++;
          if (yields === 1) document.getElementById('p250')?.remove();
          if (yields === 2) document.getElementById('p10')?.append(' Apple Intelligence');
          if (yields === 3) document.body.insertAdjacentHTML('afterbegin', '<p>Ruoming Pang</p>');
        }),
    });
    await annotator.start();
    for (let i = 0; i < 20; i++) (document.getElementById(`p${i * 7}`) as Element).innerHTML = `Siri ${i}`;
    await settle(annotator);
    expect(yields).toBeGreaterThan(3);
    expect(lastCounts()).toEqual(await freshCounts());
    expect(lastCounts()).toEqual({ 'craig-federighi': 279, siri: 299, 'apple-intelligence': 1, 'ruoming-pang': 1 });
  });

  it('does not re-scan when only scripts, styles or the title change', async () => {
    document.head.innerHTML = '<title>Page</title><style>p {}</style>';
    document.body.innerHTML = '<p>Siri</p><script>1</script>';
    const { annotator, painter } = setup();
    await annotator.start();
    expect(painter.syncs).toHaveLength(1);

    const style = document.createElement('style');
    document.head.append(style);
    style.textContent = '.a { color: red }';
    (document.querySelector('style') as Element).append('.b {}');
    document.title = 'Siri (3)';
    const script = document.createElement('script');
    script.textContent = 'Siri()';
    document.body.append(script);
    (document.querySelector('script') as Element).remove();
    await settle(annotator);
    expect(painter.syncs).toHaveLength(1);
  });

  it('re-scans only what changed: removing one paragraph of many does not re-read the others', async () => {
    document.body.innerHTML = `<main id="m">${'<p>Siri <b>x</b></p>\n'.repeat(200)}</main>`;
    let visited = 0;
    const { annotator, lastCounts } = setup({
      isExcluded: () => {
        visited++;
        return false;
      },
    });
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 200 });
    expect(visited).toBeGreaterThan(400);

    visited = 0;
    (document.querySelector('p') as Element).remove();
    (document.querySelector('p:last-child') as Element).remove();
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 198 });
    expect(visited).toBeLessThan(20);

    visited = 0;
    const p = document.createElement('p');
    p.innerHTML = 'Siri <b>x</b>';
    document.getElementById('m')?.append(p);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 199 });
    expect(visited).toBeLessThan(20);
  });

  it('reads only a new inline element that no text around can join', async () => {
    document.body.innerHTML = `<div id="feed">${'<article><span>Siri</span></article>\n'.repeat(100)}</div>`;
    let visited = 0;
    const { annotator, lastCounts } = setup({
      isExcluded: () => {
        visited++;
        return false;
      },
    });
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 100 });
    visited = 0;
    const post = document.createElement('x-post');
    post.innerHTML = '<span>Craig</span> <span>Federighi</span>';
    document.getElementById('feed')?.append(post);
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 100, 'craig-federighi': 1 });
    expect(visited).toBeLessThan(20);
  });

  it('joins inline text added next to existing inline text', async () => {
    document.body.innerHTML = '<div id="d"><x-a>Craig</x-a></div>';
    const { annotator, lastCounts } = setup();
    await annotator.start();
    const b = document.createElement('x-b');
    b.textContent = ' Federighi';
    document.getElementById('d')?.append(b);
    await settle(annotator);
    expect(lastCounts()).toEqual({ 'craig-federighi': 1 });
  });

  it('ignores changes inside excluded elements', async () => {
    document.body.innerHTML = '<p>Siri</p><div id="ui"><p>Craig Federighi</p></div>';
    const { annotator, lastCounts } = setup({ isExcluded: (el) => el.id === 'ui' });
    await annotator.start();
    expect(lastCounts()).toEqual({ siri: 1 });
    const ui = document.getElementById('ui') as Element;
    ui.insertAdjacentHTML('beforeend', '<p>Apple Intelligence</p>');
    (ui.querySelector('p') as Element).append(' Siri');
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1 });
  });
});

describe('idle', () => {
  it('waits for queued and running work', async () => {
    document.body.innerHTML = '<p>Siri</p>';
    const { annotator, lastCounts } = setup({ debounceMs: 30 });
    await annotator.start();
    await annotator.idle();
    document.body.insertAdjacentHTML('beforeend', '<p>Siri</p>');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    await annotator.idle();
    expect(lastCounts()).toEqual({ siri: 2 });
  });
});

describe('stop', () => {
  it('clears the painter, reports empty counts, and ignores later changes', async () => {
    document.body.innerHTML = '<p>Siri et Craig Federighi</p>';
    const { annotator, painter, counts } = setup();
    await annotator.start();
    expect(counts).toEqual([{ siri: 1, 'craig-federighi': 1 }]);
    annotator.stop();
    expect(painter.clears).toBe(1);
    expect(counts).toEqual([{ siri: 1, 'craig-federighi': 1 }, {}]);
    expect(annotator.current()).toEqual([]);
    const syncs = painter.syncs.length;

    document.body.insertAdjacentHTML('beforeend', '<p>Apple Intelligence</p>');
    firstTextNode('Siri et Craig Federighi').data = 'Ruoming Pang';
    await settle(annotator);
    expect(painter.syncs).toHaveLength(syncs);
    expect(counts).toHaveLength(2);
    expect(annotator.current()).toEqual([]);
  });

  it('stops a scan in progress without painting it', async () => {
    document.body.innerHTML = '<p>Siri</p>'.repeat(2000);
    let annotator!: PageAnnotator;
    const harness = setup({ slicer: () => new TimeSlicer(0, async () => annotator.stop()) });
    annotator = harness.annotator;
    await annotator.start();
    await settle(annotator);
    expect(harness.painter.syncs).toEqual([]);
    expect(harness.painter.clears).toBe(1);
    expect(harness.counts).toEqual([{}]);
  });
});

describe('the page DOM is never touched', () => {
  it('records only the mutations the test itself made', async () => {
    document.body.innerHTML = '<p>Siri <b>Craig</b> Federighi</p><div id="host"></div><p id="x">Pang</p>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Apple Intelligence</p>';

    const foreign: MutationRecord[] = [];
    const observer = new MutationObserver((records) => foreign.push(...records));
    const all: MutationObserverInit = {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      characterDataOldValue: true,
    };
    observer.observe(document, all);
    observer.observe(shadow, all);
    let ours = 0;
    /** Runs a change of the test's own and takes its records before they are delivered. */
    const mutate = (change: () => void) => {
      change();
      ours += observer.takeRecords().length;
    };
    const htmlBefore = document.documentElement.outerHTML;

    const { annotator, lastCounts } = setup();
    await annotator.start();
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 1, 'craig-federighi': 1, 'apple-intelligence': 1 });
    expect(document.documentElement.outerHTML).toBe(htmlBefore);

    mutate(() => document.body.insertAdjacentHTML('beforeend', '<p>Ruoming <i>Pang</i></p>'));
    await settle(annotator);
    mutate(() => {
      firstTextNode('Pang').data = 'Pang, encore';
    });
    await settle(annotator);
    mutate(() => shadow.append('Siri'));
    await settle(annotator);
    mutate(() => document.getElementById('x')?.remove());
    await settle(annotator);
    expect(lastCounts()).toEqual({ siri: 2, 'craig-federighi': 1, 'apple-intelligence': 1, 'ruoming-pang': 1 });
    annotator.stop();
    await settle(annotator);
    mutate(() => document.body.append('Siri'));
    await new Promise((r) => setTimeout(r, 20));

    expect(ours).toBe(5);
    expect(foreign).toEqual([]);
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
  });
});
