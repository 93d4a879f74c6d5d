import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AliasSpec } from '@/lib/facts/alias-spec';
import { aliasSpecs } from '@/lib/facts/alias-spec';
import { CATEGORIES } from '@/lib/facts/schema';
import { defaultIsHidden, type Mention, type ScanOptions, scanSubtree } from '@/lib/page/scan';
import { TimeSlicer } from '@/lib/page/time-slice';
import type { Matcher } from '@/lib/text/matcher';
import { compileMatcher } from '@/lib/text/matcher-spec';
import { covered, textNode, textNodes } from '@/tests/helpers/dom';
import { seed as base, everything, subjects } from '@/tests/helpers/seed-matchers';

const visible: ScanOptions = { isHidden: () => false };

/** [alias, covered text] per mention. */
function described(mentions: readonly Mention[]): [string, string][] {
  return mentions.map((m) => [m.alias.text, covered(m)]);
}

async function scanBody(options: ScanOptions = visible, matcher = subjects) {
  return scanSubtree(document.body, matcher, options);
}

/** A matcher whose runs record the text of every segment they read. */
function recordingMatcher(fed: string[]): Matcher<AliasSpec> {
  const matcher = compileMatcher(aliasSpecs(base.entities, CATEGORIES));
  const run = matcher.run.bind(matcher);
  matcher.run = (segs, chunkUnits) => {
    const read = new Set<number>();
    return run(
      {
        text: (i) => {
          const text = segs.text(i);
          if (text !== undefined && !read.has(i)) {
            read.add(i);
            fed.push(text);
          }
          return text;
        },
        separatorBefore: (i) => segs.separatorBefore(i),
      },
      chunkUnits,
    );
  };
  return matcher;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('names across inline elements', () => {
  it('finds a name split across inline elements as one mention, with exact nodes and offsets', async () => {
    document.body.innerHTML = '<p>Selon <b>Craig</b> <i>Fede</i>righi a dit</p>';
    const { mentions, complete } = await scanBody();
    expect(complete).toBe(true);
    expect(mentions).toHaveLength(1);
    const m = mentions[0] as Mention;
    expect(m.alias.text).toBe('Craig Federighi');
    expect(m.alias.entityId).toBe('craig-federighi');
    expect(m.startNode).toBe(textNode('Craig'));
    expect(m.startOffset).toBe(0);
    expect(m.endNode).toBe(textNode('righi a dit'));
    expect(m.endOffset).toBe(5);
    expect(m.block).toBe(document.querySelector('p'));
    expect(covered(m)).toBe('Craig Federighi');
  });

  it('finds a name whose space is in its own text node, at several depths', async () => {
    document.body.innerHTML = '<p><span><b><i>Ruoming</i></b></span> <a href="#">Pang</a> est parti.</p>';
    const { mentions } = await scanBody();
    expect(described(mentions)).toEqual([['Ruoming Pang', 'Ruoming Pang']]);
    expect(mentions[0]?.startNode).toBe(textNode('Ruoming'));
    expect(mentions[0]?.endNode).toBe(textNode('Pang'));
    expect(mentions[0]?.endOffset).toBe(4);
  });

  it('starts a mention in the middle of a text node and ends it in the middle of another', async () => {
    document.body.innerHTML = '<p>Hier, Apple Intel<em>ligence et Siri</em>.</p>';
    const { mentions } = await scanBody();
    expect(described(mentions)).toEqual([
      ['Apple Intelligence', 'Apple Intelligence'],
      ['Siri', 'Siri'],
    ]);
    expect(mentions[0]?.startNode).toBe(textNode('Hier, Apple Intel'));
    expect(mentions[0]?.startOffset).toBe(6);
    expect(mentions[0]?.endNode).toBe(textNode('ligence et Siri'));
    expect(mentions[0]?.endOffset).toBe(7);
    expect(mentions[1]?.startNode).toBe(mentions[1]?.endNode);
    expect(mentions[1]?.startOffset).toBe(11);
  });

  it('does not join a word to the next one when inline markup glues them without space', async () => {
    document.body.innerHTML = '<p>Si<b>ri</b> et X<b>Siri</b></p>';
    const { mentions } = await scanBody();
    expect(described(mentions)).toEqual([['Siri', 'Siri']]);
    expect(mentions[0]?.startNode).toBe(textNode('Si'));
  });

  it('joins across a <wbr> and a comment, which add no space', async () => {
    document.body.innerHTML = '<p>Craig Feder<wbr>ig<!-- x -->hi</p>';
    const { mentions } = await scanBody();
    expect(described(mentions)).toEqual([['Craig Federighi', 'Craig Federighi']]);
  });

  it('joins across a <br> as a space', async () => {
    document.body.innerHTML = '<p>Craig<br>Federighi</p><p>Ruoming<b><br></b>Pang</p>';
    const { mentions } = await scanBody();
    expect(mentions.map((m) => m.alias.text)).toEqual(['Craig Federighi', 'Ruoming Pang']);
    expect(mentions[0]?.startNode).toBe(textNode('Craig'));
    expect(mentions[0]?.endNode).toBe(textNode('Federighi'));
    expect(mentions[0]?.endOffset).toBe(9);
    expect(mentions[1]?.startNode).toBe(textNode('Ruoming'));
    expect(mentions[1]?.endNode).toBe(textNode('Pang'));
  });

  it('sees a word start after a <br> or a block boundary even behind a zero-width or soft-hyphen unit', async () => {
    document.body.innerHTML =
      '<p>Intelligence<br>\u200BApple</p><p>Rien</p><p>\u00ADSiri</p><p>Fin<b><br></b>\uFEFFSiri</p>';
    const { mentions } = await scanBody(visible, everything);
    expect(described(mentions)).toEqual([
      ['Apple', 'Apple'],
      ['Siri', 'Siri'],
      ['Siri', 'Siri'],
    ]);
  });

  it('keeps the separator before a text node made only of skipped units', async () => {
    document.body.innerHTML =
      '<p>Fin</p><p>\u00AD<b>Siri</b></p><p>Fin<br>\u200B<i>Siri</i></p><p>Fin<b>\u00AD</b>Siri</p>';
    const { mentions } = await scanBody();
    expect(mentions.map((m) => m.startNode.parentElement?.tagName)).toEqual(['B', 'I']);
  });

  it('still joins inline text behind a zero-width unit as one word', async () => {
    document.body.innerHTML = '<p>XSi<b>\u200Bri</b> Siri<i>\u00ADus</i></p>';
    const { mentions } = await scanBody();
    expect(mentions).toEqual([]);
  });

  it('reads an element boundary with a <br> and no space as one space, not two', async () => {
    document.body.innerHTML = '<p>Craig <br> Federighi</p>';
    const { mentions } = await scanBody();
    expect(mentions.map((m) => m.alias.text)).toEqual(['Craig Federighi']);
  });
});

describe('block boundaries', () => {
  it('splits a name across paragraphs, list items, cells and headings', async () => {
    document.body.innerHTML = [
      '<p>Craig</p><p>Federighi</p>',
      '<ul><li>Ruoming</li><li>Pang</li></ul>',
      '<table><tr><td>Apple</td><td>Intelligence</td></tr></table>',
      '<h2>Craig</h2>Federighi',
      '<div>Ruoming <div></div>Pang</div>',
      '<div>Craig <span><hr></span>Federighi</div>',
    ].join('');
    const { mentions } = await scanBody();
    // Only the bare surnames are left (the page-level rule decides later whether they count).
    expect(mentions.map((m) => m.alias.text)).toEqual(['Federighi', 'Pang', 'Federighi', 'Pang', 'Federighi']);
  });

  it('gives each mention the block it starts in', async () => {
    document.body.innerHTML =
      '<div id="d"><p id="p">Siri</p><span>Siri</span></div><ul><li id="li"><b>Siri</b></li></ul>';
    const { mentions } = await scanBody();
    expect(mentions.map((m) => (m.block as Element).id)).toEqual(['p', 'd', 'li']);
  });

  it('does not let a name run on from the end of one block into the next', async () => {
    document.body.innerHTML = '<p>Le nouveau Siri</p><p>Siri</p><div>Apple</div><div>Intelligence</div>';
    const { mentions } = await scanBody(visible, everything);
    expect(described(mentions)).toEqual([
      ['Siri', 'Siri'],
      ['Siri', 'Siri'],
      ['Apple', 'Apple'],
    ]);
  });
});

describe('content that is never scanned', () => {
  const SKIPPED_HTML = [
    '<script>var a = "Siri Apple Intelligence";</script>',
    '<style>.Siri::after { content: "Siri" }</style>',
    '<noscript><p>Siri</p></noscript>',
    '<template><p>Siri</p></template>',
    '<textarea>Siri et Craig Federighi</textarea>',
    '<title>Siri</title>',
    '<svg><text>Siri</text><title>Siri</title></svg>',
    '<select><option>Siri</option><optgroup label="x"><option>Craig Federighi</option></optgroup></select>',
    '<object>Siri</object>',
  ].join('');

  it('finds nothing in scripts, styles, noscript, templates, fields, titles, SVG or select options', async () => {
    document.body.innerHTML = `<p>Siri</p>${SKIPPED_HTML}<p>Apple Intelligence</p>`;
    const { mentions, complete } = await scanBody();
    expect(complete).toBe(true);
    expect(described(mentions)).toEqual([
      ['Siri', 'Siri'],
      ['Apple Intelligence', 'Apple Intelligence'],
    ]);
  });

  it('never feeds their text to the matcher', async () => {
    document.body.innerHTML = `<p>visible</p>${SKIPPED_HTML}<p>end</p>`;
    const fed: string[] = [];
    await scanSubtree(document.body, recordingMatcher(fed), visible);
    expect(fed).toEqual(['visible', 'end']);
  });

  it('scans nothing when the root itself is skipped or lies inside skipped content', async () => {
    document.body.innerHTML =
      '<noscript><p id="in-noscript">Siri</p></noscript><select id="s"><option id="o">Siri</option></select>';
    for (const id of ['in-noscript', 's', 'o']) {
      const root = document.getElementById(id) as Element;
      const { mentions } = await scanSubtree(root, subjects, visible);
      expect(mentions, id).toEqual([]);
    }
    const { mentions } = await scanSubtree(document.head, subjects, visible);
    expect(mentions).toEqual([]);
  });

  it('joins a name around a script, which renders nothing', async () => {
    document.body.innerHTML = '<p>Craig <script>1</script>Federighi</p>';
    const { mentions } = await scanBody();
    expect(mentions.map((m) => m.alias.text)).toEqual(['Craig Federighi']);
  });

  it('skips an excluded element and everything in it', async () => {
    document.body.innerHTML =
      '<p>Siri</p><div id="ui"><p>Siri</p><span>Craig Federighi</span><div id="inner"><p>Siri</p></div></div><p>Ruoming Pang</p>';
    const isExcluded = (el: Element) => el.id === 'ui';
    const { mentions } = await scanBody({ ...visible, isExcluded });
    expect(described(mentions)).toEqual([
      ['Siri', 'Siri'],
      ['Ruoming Pang', 'Ruoming Pang'],
    ]);
    // Scanning the excluded element, or a part of it, finds nothing either.
    for (const id of ['ui', 'inner']) {
      const root = document.getElementById(id) as Element;
      expect((await scanSubtree(root, subjects, { ...visible, isExcluded })).mentions, id).toEqual([]);
    }
  });
});

describe('open shadow roots', () => {
  it('reports each open shadow root met, and scanning it finds its mentions', async () => {
    document.body.innerHTML = '<p>Siri</p><div id="host"></div><p id="after">Craig Federighi</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Apple Intelligence</p><span>Ruoming</span> <b>Pang</b><section id="inner-host"></section>';
    const innerShadow = (shadow.getElementById('inner-host') as HTMLElement).attachShadow({ mode: 'open' });
    innerShadow.innerHTML = '<p>Siri au fond</p>';
    const closedHost = document.createElement('div');
    document.body.append(closedHost);
    closedHost.attachShadow({ mode: 'closed' }).innerHTML = '<p>Siri secret</p>';

    const roots: ShadowRoot[] = [];
    const onShadowRoot = (root: ShadowRoot) => roots.push(root);
    const light = await scanBody({ ...visible, onShadowRoot });
    expect(described(light.mentions)).toEqual([
      ['Siri', 'Siri'],
      ['Craig Federighi', 'Craig Federighi'],
    ]);
    expect(roots).toEqual([shadow]);

    const inShadow = await scanSubtree(shadow, subjects, { ...visible, onShadowRoot });
    expect(inShadow.complete).toBe(true);
    expect(inShadow.mentions.map((m) => m.alias.text)).toEqual(['Apple Intelligence', 'Ruoming Pang']);
    expect(inShadow.mentions[1]?.block).toBe(shadow);
    expect(roots).toEqual([shadow, innerShadow]);

    const inner = await scanSubtree(innerShadow, subjects, visible);
    expect(inner.mentions.map((m) => m.alias.text)).toEqual(['Siri']);
  });

  it('reports the shadow root of the scanned root itself', async () => {
    document.body.innerHTML = '<section id="host"><p>Siri</p></section>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<slot></slot>';
    const roots: ShadowRoot[] = [];
    await scanSubtree(host, subjects, { ...visible, onShadowRoot: (r) => roots.push(r) });
    expect(roots).toEqual([shadow]);
  });

  it('finds text that sits directly in a shadow root, and checks its host for visibility', async () => {
    document.body.innerHTML = '<p>x</p><span id="host"></span><span id="hidden-host"></span>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Apple Intelligence</p>';
    shadow.append('Siri, ', 'Craig ');
    shadow.append(document.createElement('b'));
    (shadow.lastChild as Element).textContent = 'Federighi';
    const hiddenShadow = (document.getElementById('hidden-host') as HTMLElement).attachShadow({ mode: 'open' });
    hiddenShadow.innerHTML = 'Siri';

    const checked: Element[] = [];
    const isHidden = (el: Element) => {
      checked.push(el);
      return el.id === 'hidden-host';
    };
    const { mentions } = await scanSubtree(shadow, subjects, { isHidden });
    expect(mentions.map((m) => m.alias.text)).toEqual(['Apple Intelligence', 'Siri', 'Craig Federighi']);
    expect(mentions[1]?.startNode.parentNode).toBe(shadow);
    expect(mentions[1]?.block).toBe(shadow);
    expect(checked).toContain(document.getElementById('host'));
    expect((await scanSubtree(hiddenShadow, subjects, { isHidden })).mentions).toEqual([]);
  });

  it('does not join text of the light tree with text of a shadow tree', async () => {
    document.body.innerHTML = '<p>Craig <span id="host"></span></p>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Federighi';
    const shadows: ShadowRoot[] = [];
    const { mentions } = await scanBody({ ...visible, onShadowRoot: (r) => shadows.push(r) });
    expect(mentions).toEqual([]);
    expect(shadows).toEqual([shadow]);
  });
});

describe('text the reader cannot see or may edit', () => {
  it('happy-dom supports isContentEditable', () => {
    document.body.innerHTML =
      '<div id="e" contenteditable="true"><p id="in">x</p></div><div id="f" contenteditable="false"><p id="nf">x</p></div>';
    expect((document.getElementById('e') as HTMLElement).isContentEditable).toBe(true);
    expect((document.getElementById('in') as HTMLElement).isContentEditable).toBe(true);
    expect((document.getElementById('nf') as HTMLElement).isContentEditable).toBe(false);
  });

  it('defaultIsHidden hides editable text and [hidden] text', () => {
    // happy-dom has no layout: the layout part (checkVisibility) is pinned to "visible".
    vi.spyOn(HTMLElement.prototype, 'checkVisibility').mockReturnValue(true);
    document.body.innerHTML = [
      '<div contenteditable="true"><p id="a">x<b id="a2">y</b></p></div>',
      '<div contenteditable=""><span id="b">x</span></div>',
      '<div contenteditable="plaintext-only"><span id="c">x</span></div>',
      '<div hidden><p id="d">x</p></div>',
      '<div contenteditable="false"><p id="e">x</p></div>',
      '<p id="f">x</p>',
    ].join('');
    const hidden = (id: string) => defaultIsHidden(document.getElementById(id) as Element);
    expect(['a', 'a2', 'b', 'c', 'd'].map(hidden)).toEqual([true, true, true, true, true]);
    expect(['e', 'f'].map(hidden)).toEqual([false, false]);
  });

  it('the scan drops mentions in contenteditable or [hidden] text by default', async () => {
    vi.spyOn(HTMLElement.prototype, 'checkVisibility').mockReturnValue(true);
    document.body.innerHTML = [
      '<p>Siri</p>',
      '<div contenteditable="true"><p>Siri <b>Craig</b> Federighi</p></div>',
      '<p hidden>Ruoming Pang</p>',
      '<div contenteditable="false"><p>Apple Intelligence</p></div>',
    ].join('');
    const { mentions } = await scanSubtree(document.body, subjects);
    expect(described(mentions)).toEqual([
      ['Siri', 'Siri'],
      ['Apple Intelligence', 'Apple Intelligence'],
    ]);
  });

  it('calls isHidden only where a mention was found', async () => {
    document.body.innerHTML = `<p>Siri</p>${'<p>rien à voir <b>ici</b></p>'.repeat(20)}`;
    const seen: Element[] = [];
    const isHidden = (el: Element) => {
      seen.push(el);
      return false;
    };
    const { mentions } = await scanBody({ isHidden });
    expect(mentions).toHaveLength(1);
    expect(seen).toEqual([document.querySelector('p')]);
  });
});

/** `count` paragraphs with names, some split over inline elements so slices can end inside a name. */
function bigBody(count: number): void {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 5) {
      case 0:
        parts.push(`<p>Paragraphe ${i} : <b>Craig</b> <i>Fede</i>righi et Siri.</p>`);
        break;
      case 1:
        parts.push(`<p>Rien ici ${i}, <span>vraiment</span> rien.</p>`);
        break;
      case 2:
        parts.push(`<p><a href="#">Ruoming</a><br>Pang, puis Apple <em>Intel</em>ligence ${i}.</p>`);
        break;
      case 3:
        parts.push(`<ul><li>Pang</li><li>Si<b>ri</b></li></ul>`);
        break;
      default:
        parts.push(`<p>${'mot '.repeat(i % 7)}<span><b><i>Craig</i></b></span> <b>Federighi</b></p>`);
    }
  }
  document.body.innerHTML = parts.join('');
}

/** A mention as plain data: text node indexes, offsets and alias. */
function fingerprint(mentions: readonly Mention[]): string[] {
  const index = new Map(textNodes().map((t, i) => [t, i]));
  return mentions.map(
    (m) => `${index.get(m.startNode)}:${m.startOffset}-${index.get(m.endNode)}:${m.endOffset}=${m.alias.text}`,
  );
}

describe('cancelling and time slicing', () => {
  it('stops when cancelled and reports the scan incomplete', async () => {
    bigBody(1000);
    const full = await scanBody();
    expect(full.complete).toBe(true);
    let calls = 0;
    const partial = await scanBody({ ...visible, cancelled: () => ++calls > 2 });
    expect(partial.complete).toBe(false);
    expect(partial.mentions.length).toBeLessThan(full.mentions.length / 10);
    expect(fingerprint(partial.mentions)).toEqual(fingerprint(full.mentions).slice(0, partial.mentions.length));
  });

  it('stops at once when cancelled while yielding', async () => {
    bigBody(200);
    let cancelled = false;
    const slicer = new TimeSlicer(0, async () => {
      cancelled = true;
    });
    const result = await scanBody({ ...visible, slicer, cancelled: () => cancelled });
    expect(result.complete).toBe(false);
    expect(slicer.yields).toBe(1);
  });

  it('yields with a zero budget and still finds exactly the same mentions, on 5,000 paragraphs', async () => {
    bigBody(5000);
    const plain = await scanBody();
    expect(plain.complete).toBe(true);
    expect(plain.mentions.length).toBe(7000);

    let yields = 0;
    const slicer = new TimeSlicer(0, async () => {
      yields++;
    });
    const sliced = await scanBody({ ...visible, slicer });
    expect(sliced.complete).toBe(true);
    expect(yields).toBeGreaterThan(100);
    expect(slicer.yields).toBe(yields);
    expect(fingerprint(sliced.mentions)).toEqual(fingerprint(plain.mentions));
  });

  it('yields to the real event loop (macrotask) and stays correct', async () => {
    bigBody(300);
    const plain = await scanBody();
    const slicer = new TimeSlicer(0, () => new Promise((r) => setTimeout(r, 0)));
    const sliced = await scanBody({ ...visible, slicer });
    expect(slicer.yields).toBeGreaterThan(0);
    expect(fingerprint(sliced.mentions)).toEqual(fingerprint(plain.mentions));
  });

  /** The node a scan of the body stands on at its first yield: the CHECK_EVERY-th node walked. */
  function nodeAtFirstYield(): Node {
    const walker = document.createTreeWalker(document.body, 1 | 4);
    let node: Node | null = null;
    for (let i = 0; i < 128; i++) node = walker.nextNode();
    return node as Node;
  }

  it('reports incomplete, without throwing, when the page removes the node being walked during a yield', async () => {
    bigBody(500);
    let removed: Node | null = null;
    const slicer = new TimeSlicer(0, async () => {
      if (removed) return;
      const node = nodeAtFirstYield();
      removed = node;
      (node.parentNode as Node).removeChild(node);
    });
    const result = await scanBody({ ...visible, slicer });
    expect(removed).not.toBeNull();
    expect((removed as unknown as Node).isConnected).toBe(false);
    expect(result.complete).toBe(false);
    expect(slicer.yields).toBe(1);
  });

  it('reports incomplete when the page removes the paragraph around the walker, or empties the root', async () => {
    bigBody(500);
    let slicer = new TimeSlicer(0, async () => {
      if (slicer.yields === 1) (nodeAtFirstYield().parentNode as Element).closest('p, ul')?.remove();
    });
    expect((await scanBody({ ...visible, slicer })).complete).toBe(false);

    bigBody(500);
    slicer = new TimeSlicer(0, async () => {
      document.body.replaceChildren();
    });
    expect((await scanBody({ ...visible, slicer })).complete).toBe(false);

    bigBody(500);
    const root = document.createElement('div');
    root.append(...document.body.childNodes);
    document.body.append(root);
    slicer = new TimeSlicer(0, async () => {
      root.remove();
    });
    expect((await scanSubtree(root, subjects, { ...visible, slicer })).complete).toBe(false);
  });

  it('does not walk out of its root when the page moves the current node elsewhere during a yield', async () => {
    bigBody(300);
    const root = document.createElement('div');
    root.append(...document.body.childNodes);
    const outside = document.createElement('div');
    outside.innerHTML = '<p>Siri dehors</p>'.repeat(50);
    document.body.append(root, outside);
    const slicer = new TimeSlicer(0, async () => {
      if (slicer.yields !== 1) return;
      const walker = document.createTreeWalker(root, 1 | 4);
      let node: Node | null = null;
      for (let i = 0; i < 128; i++) node = walker.nextNode();
      const paragraph = (node as Node).parentElement?.closest('p, ul') as Element;
      outside.prepend(paragraph);
    });
    const result = await scanSubtree(root, subjects, { ...visible, slicer });
    expect(result.complete).toBe(false);
    const outsideMentions = result.mentions.filter((m) => outside.contains(m.startNode));
    expect(outsideMentions).toEqual([]);
  });
});
