import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasSpecs } from '@/lib/facts/alias-spec';
import { CATEGORIES } from '@/lib/facts/schema';
import { PageAnnotator } from '@/lib/page/annotator';
import { compareMentions, countByEntity, MentionSet } from '@/lib/page/mention-set';
import { type Mention, scanSubtree } from '@/lib/page/scan';
import { TimeSlicer } from '@/lib/page/time-slice';
import { aliasKey } from '@/lib/text/fold';
import { findAll } from '@/tests/helpers/matching';
import { seed as base, plainEverything as everything, plainSubjects as subjects } from '@/tests/helpers/seed-matchers';

const ALL_SPECS = aliasSpecs(base.entities, CATEGORIES);

/* ---------- random DOM trees ---------- */

type Tree = { text: string } | { tag: string; children: Tree[] };

const ALIAS_WORDS = [...new Set(ALL_SPECS.flatMap((a) => a.text.split(' ')))];
/** Pieces of names, so that names split across elements are common. */
const FRAGMENTS = [
  'Cra',
  'ig',
  'Feder',
  'ighi',
  'Ruo',
  'ming',
  'Pa',
  'ng',
  'Si',
  'ri',
  'Ap',
  'ple',
  'Intel',
  'ligence',
  'Goo',
  'gle',
  'Open',
  'AI',
  'équ',
  'ipe',
];
const PHRASES = ALL_SPECS.map((a) => a.text).concat([
  'Craig\u00A0Federighi',
  'Ruoming  Pang',
  'Apple\nIntelligence',
  'Fe\u00ADde\u00ADrighi',
]);
const OTHER_WORDS = [
  'le',
  'la',
  'de',
  'et',
  'the',
  'of',
  'Siriusly',
  'Applet',
  'Pangolin',
  'XSiri',
  'Москва',
  '東京',
  '🍎',
  '2025',
  'x',
  'É',
  'pang',
  'PANG',
  'SIRI',
];
const SEPARATORS = [
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00A0',
  '\u202F',
  '\u00AD',
  ' \u00AD',
  '\u200B',
  '\uFEFF',
  "'",
  '’',
  "d'",
  'l’',
  "'s",
  '’s',
  ', ',
  '. ',
  '-',
  '',
];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ALIAS_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
/** Mostly plain spaces, so that words join into names; sometimes nothing, so that halves of names join across nodes. */
const separator = fc.oneof(
  { weight: 4, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
);
const textLeaf: fc.Arbitrary<Tree> = fc
  .tuple(
    fc.constantFrom('', '', ' ', '\u00AD', '\u200B', "'"),
    fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([lead, parts, trimmed]) => {
    const text = lead + parts.map(([w, s]) => w + s).join('');
    return { text: trimmed ? text.trimEnd() : text };
  });

/** A whole name cut in two, each half in its own text node, the first wrapped in inline markup. */
const splitName: fc.Arbitrary<Tree> = fc
  .tuple(
    fc.constantFrom(...PHRASES),
    fc.nat(),
    fc.constantFrom('span', 'b', 'i', 'a'),
    fc.constantFrom('span', 'b', 'i'),
    fc.boolean(),
  )
  .map(([name, at, outer, inner, nested]) => {
    const cut = 1 + (at % Math.max(1, name.length - 1));
    const left: Tree = { tag: inner, children: [{ text: name.slice(0, cut) }] };
    const right: Tree = nested
      ? { tag: 'b', children: [{ text: `${name.slice(cut)} ` }] }
      : { text: `${name.slice(cut)} ` };
    return { tag: outer, children: [left, right] };
  });

// Inline markup that never renders apart (two links side by side do: see dom-blocks.test.ts).
const INLINE_TAGS = ['span', 'b', 'i', 'em'];
const ALL_TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'li', 'ul', 'h2', 'script', 'style', 'textarea', 'template'];

const br = fc.constant<Tree>({ tag: 'br', children: [] });

/** Forests of 1 to 4 nodes a level, `depth` levels of elements at most. */
function treeOf(tags: string[], depth: number): fc.Arbitrary<Tree[]> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: textLeaf },
    { weight: 1, arbitrary: splitName },
    { weight: 2, arbitrary: br },
  );
  if (depth === 0) return fc.array(leaf, { minLength: 1, maxLength: 3 });
  const element = fc.record({ tag: fc.constantFrom(...tags), children: treeOf(tags, depth - 1) });
  return fc.array(fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 3, arbitrary: element }), {
    minLength: 1,
    maxLength: 4,
  });
}

function render(trees: Tree[], parent: Node): void {
  for (const t of trees) {
    if ('text' in t) {
      parent.appendChild(document.createTextNode(t.text));
      continue;
    }
    const element = document.createElement(t.tag);
    parent.appendChild(element);
    render(t.children, element instanceof HTMLTemplateElement ? element.content : element);
  }
}

/** Every node, its kind and its text, including template contents (innerHTML alone would miss some changes). */
function fingerprint(node: Node): string {
  if (node.nodeType === 3) return `#${JSON.stringify((node as Text).data)}`;
  const element = node as Element;
  const attributes = element.attributes ? [...element.attributes].map((a) => `${a.name}=${a.value}`).join(',') : '';
  const children = [...node.childNodes].map(fingerprint).join('');
  const content =
    node instanceof HTMLTemplateElement ? `{${[...node.content.childNodes].map(fingerprint).join('')}}` : '';
  return `<${node.nodeName}[${attributes}]${content}${children}>`;
}

const SKIPPED_SELECTOR = 'script, style, textarea, template, noscript, title, select, option';

/**
 * The text a mention covers as the reader sees it: skipped content left out.
 * Read through a Range when nothing is skipped in between (happy-dom's Range
 * reads "" across a <template>), else by walking the text nodes.
 */
function readerText(m: Mention): string {
  const walker = document.createTreeWalker(document.body, 1 | 4);
  walker.currentNode = m.startNode;
  let text =
    m.startNode === m.endNode
      ? m.startNode.data.slice(m.startOffset, m.endOffset)
      : m.startNode.data.slice(m.startOffset);
  let skipped = false;
  let node: Node | null = walker.nextNode();
  while (m.startNode !== m.endNode && node) {
    if (node === m.endNode) {
      text += m.endNode.data.slice(0, m.endOffset);
      break;
    }
    if (node.nodeType === 1 && (node as Element).matches(SKIPPED_SELECTOR)) {
      skipped = true;
      let next: Node | null = null;
      for (let n: Node | null = node; n && !next; n = n.parentNode) next = n.nextSibling;
      walker.currentNode = next ?? document.body;
      node = next;
      continue;
    }
    if (node.nodeType === 3) text += (node as Text).data;
    node = walker.nextNode();
  }
  if (!skipped) {
    const range = document.createRange();
    range.setStart(m.startNode, m.startOffset);
    range.setEnd(m.endNode, m.endOffset);
    expect(range.toString()).toBe(text);
  }
  return text.replace(/\s+/g, ' ');
}

/** Folded, with spaces removed: a <br> separates words, yet Range#toString() leaves it out. */
const squeeze = (text: string) => aliasKey(text).replace(/ /g, '');

function checkMention(m: Mention): void {
  expect(m.startNode.nodeType).toBe(3);
  expect(m.endNode.nodeType).toBe(3);
  expect(document.body.contains(m.startNode)).toBe(true);
  expect(document.body.contains(m.endNode)).toBe(true);
  expect(m.startNode.parentElement?.closest(SKIPPED_SELECTOR)).toBeNull();
  expect(m.endNode.parentElement?.closest(SKIPPED_SELECTOR)).toBeNull();
  expect(m.startOffset).toBeGreaterThanOrEqual(0);
  expect(m.startOffset).toBeLessThan(m.startNode.length);
  expect(m.endOffset).toBeGreaterThan(0);
  expect(m.endOffset).toBeLessThanOrEqual(m.endNode.length);
  if (m.startNode === m.endNode) expect(m.startOffset).toBeLessThan(m.endOffset);
  else expect(m.startNode.compareDocumentPosition(m.endNode) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(squeeze(readerText(m))).toBe(squeeze(m.alias.text));
  expect(m.block.contains(m.startNode)).toBe(true);
}

function freshBody(trees: Tree[]): void {
  document.body.replaceChildren();
  render(trees, document.body);
}

afterEach(() => {
  document.body.replaceChildren();
});

/* ---------- properties ---------- */

describe('scanning random DOM trees', () => {
  it('never changes the DOM, and every mention is well placed and reads as its alias', async () => {
    await fc.assert(
      fc.asyncProperty(treeOf(ALL_TAGS, 4), fc.boolean(), async (trees, all) => {
        freshBody(trees);
        const html = document.body.innerHTML;
        const shape = fingerprint(document.body);
        const matcher = all ? everything : subjects;
        const { mentions, complete } = await scanSubtree(document.body, matcher, { isHidden: () => false });
        expect(complete).toBe(true);
        expect(document.body.innerHTML).toBe(html);
        expect(fingerprint(document.body)).toBe(shape);
        for (const m of mentions) checkMention(m);
        // In document order, and never overlapping.
        for (let i = 1; i < mentions.length; i++) {
          const a = mentions[i - 1] as Mention;
          const b = mentions[i] as Mention;
          const endsBefore =
            a.endNode === b.startNode
              ? a.endOffset <= b.startOffset
              : Boolean(a.endNode.compareDocumentPosition(b.startNode) & 4);
          expect(endsBefore).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same mentions with a zero time budget as without slicing', async () => {
    await fc.assert(
      fc.asyncProperty(treeOf(ALL_TAGS, 4), async (trees) => {
        freshBody(trees);
        const plain = await scanSubtree(document.body, everything, { isHidden: () => false });
        const slicer = new TimeSlicer(0, async () => {});
        const sliced = await scanSubtree(document.body, everything, { isHidden: () => false, slicer });
        const key = (m: Mention) => [m.alias.text, m.startNode, m.startOffset, m.endNode, m.endOffset];
        expect(sliced.mentions.map(key)).toEqual(plain.mentions.map(key));
      }),
      { numRuns: 300 },
    );
  });

  it('an annotator start() and stop() leave the DOM unchanged and count what a scan finds', async () => {
    await fc.assert(
      fc.asyncProperty(treeOf(ALL_TAGS, 3), async (trees) => {
        freshBody(trees);
        const html = document.body.innerHTML;
        const shape = fingerprint(document.body);
        const counts: Record<string, number>[] = [];
        let synced: readonly Mention[] = [];
        const annotator = new PageAnnotator(document, subjects, {
          painter: { sync: (m) => (synced = m), clear: () => {}, ensureRegistered: () => {} },
          onCounts: (c) => counts.push(c),
          isHidden: () => false,
          slicer: () => new TimeSlicer(1e9),
        });
        await annotator.start();
        for (const m of synced) checkMention(m);
        const expected = new MentionSet();
        expected.add((await scanSubtree(document.body, subjects, { isHidden: () => false })).mentions);
        expect(counts).toEqual([countByEntity(expected.visible())]);
        annotator.stop();
        expect(document.body.innerHTML).toBe(html);
        expect(fingerprint(document.body)).toBe(shape);
      }),
      { numRuns: 400 },
    );
  });
});

describe('inline-only paragraphs', () => {
  /** The paragraph's text as the matcher should see it, with each text node's offset in it; a <br> reads as a space. */
  function flatten(node: Node, out: { text: string; starts: Map<Text, number> }): void {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        out.starts.set(child as Text, out.text.length);
        out.text += (child as Text).data;
      } else if ((child as Element).tagName === 'BR') out.text += ' ';
      else flatten(child, out);
    }
  }

  it('finds exactly what Matcher.findAll finds in the concatenated text of the block', async () => {
    await fc.assert(
      fc.asyncProperty(treeOf(INLINE_TAGS, 4), fc.boolean(), async (trees, all) => {
        document.body.replaceChildren();
        const p = document.createElement('p');
        document.body.append(p);
        render(trees, p);
        const matcher = all ? everything : subjects;
        const flat = { text: '', starts: new Map<Text, number>() };
        flatten(p, flat);
        const expected = findAll(matcher, flat.text).map(
          (f) => `${matcher.aliases[f.alias]?.text}@${f.start}-${f.end}`,
        );
        const { mentions } = await scanSubtree(document.body, matcher, { isHidden: () => false });
        const found = mentions.map(
          (m) =>
            `${m.alias.text}@${(flat.starts.get(m.startNode) as number) + m.startOffset}-${(flat.starts.get(m.endNode) as number) + m.endOffset}`,
        );
        expect(found).toEqual(expected);
        for (const m of mentions) expect(m.block).toBe(p);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('incremental re-scans', () => {
  type Change =
    | { kind: 'remove'; at: number }
    | { kind: 'insert'; at: number; trees: Tree[]; inside: boolean }
    | { kind: 'text'; at: number; text: string }
    | { kind: 'move'; at: number; to: number };

  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      trees: fc.oneof(
        treeOf(ALL_TAGS, 1),
        // Lone separators: they split a name when put inside it.
        fc.constantFrom<Tree[]>(
          [{ tag: 'div', children: [] }],
          [{ tag: 'p', children: [{ text: 'x' }] }],
          [{ tag: 'br', children: [] }],
          [{ text: ' ' }],
          [
            { tag: 'h2', children: [] },
            { tag: 'li', children: [] },
          ],
        ),
      ),
      inside: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('text' as const),
      at: fc.nat(),
      text: textLeaf.map((t) => ('text' in t ? t.text : '')),
    }),
    fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  );

  /** The nodes a change may touch: everything under the body, outside template contents. */
  function nodes(): Node[] {
    const walker = document.createTreeWalker(document.body, 1 | 4);
    const out: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  }

  function apply(c: Change): void {
    const all = nodes();
    const pick = (i: number) => all[i % all.length] as Node;
    if (c.kind === 'insert') {
      const fragment = document.createDocumentFragment();
      render(c.trees, fragment);
      const where = all.length === 0 ? document.body : pick(c.at);
      if (where === document.body || (c.inside && where.nodeType === 1 && (where as Element).tagName !== 'BR'))
        where.appendChild(fragment);
      else (where.parentNode as Node).insertBefore(fragment, where);
      return;
    }
    if (all.length === 0) return;
    const node = pick(c.at);
    if (c.kind === 'remove') (node.parentNode as Node).removeChild(node);
    else if (c.kind === 'text') {
      const texts = all.filter((n) => n.nodeType === 3) as Text[];
      if (texts.length > 0) (texts[c.at % texts.length] as Text).data = c.text;
    } else {
      const target = pick(c.to);
      if (node === target || node.contains(target)) return;
      (target.parentNode as Node).insertBefore(node, target);
    }
  }

  const key = (m: Mention) => [m.alias.text, m.startNode, m.startOffset, m.endNode, m.endOffset];

  it('after any series of page changes, paints exactly what a fresh scan of the page finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeOf(ALL_TAGS, 3),
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (trees, batches, all) => {
          freshBody(trees);
          const matcher = all ? everything : subjects;
          let painted: readonly Mention[] = [];
          const counts: Record<string, number>[] = [];
          const annotator = new PageAnnotator(document, matcher, {
            painter: { sync: (m) => (painted = m), clear: () => {}, ensureRegistered: () => {} },
            onCounts: (c) => counts.push(c),
            isHidden: () => false,
            debounceMs: 0,
            slicer: () => new TimeSlicer(1e9),
          });
          try {
            await annotator.start();
            for (const batch of batches) {
              for (const c of batch) apply(c);
              await new Promise((r) => setTimeout(r, 0));
              await annotator.idle();
            }
            const fresh = new MentionSet();
            fresh.add((await scanSubtree(document.body, matcher, { isHidden: () => false })).mentions);
            const expected = fresh.visible().sort(compareMentions);
            for (const m of painted) checkMention(m);
            expect(painted.map(key)).toEqual(expected.map(key));
            expect(counts[counts.length - 1] ?? {}).toEqual(countByEntity(expected));
          } finally {
            annotator.stop();
          }
        },
      ),
      { numRuns: Number(process.env.INC_RUNS ?? 300) },
    );
  }, 60_000);
});
