/**
 * Which elements split text into separate blocks, and what stands between
 * two text nodes. Decided by tag name, not computed style: reading styles
 * for every element would cost more than the whole scan. Custom elements are
 * the exception: their names say nothing of their layout, and a feed of
 * thousands of block-styled ones read as inline would make their container one
 * block, scanned again whole on every append.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BUTTON',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'IFRAME',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'SELECT',
  'OPTION',
]);

/**
 * Subtrees whose text is never a reader's prose, or must never be marked:
 * code and styles, fields the user types in, SVG drawings.
 */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TITLE',
  'HEAD',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'svg',
  'math',
  'SVG',
]);

/**
 * Whether `node` is, or lies inside, an element that is never scanned: a
 * skipped tag or one `isExcluded` names (up to the root of its tree).
 */
export function isInsideSkipped(node: Node, isExcluded?: (element: Element) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && (SKIPPED_TAGS.has((n as Element).tagName) || isExcluded?.(n as Element))) return true;
  }
  return false;
}

export function isBlock(node: Node): boolean {
  return node.nodeType !== 1 || isBlockElement(node as Element);
}

function isBlockElement(element: Element): boolean {
  const tag = element.tagName;
  return BLOCK_TAGS.has(tag) || (tag.includes('-') && isCustomBlock(element));
}

/** Custom elements' computed layout, read once each (one style read per batch of new ones). */
const customBlocks = new WeakMap<Element, boolean>();

function isCustomBlock(element: Element): boolean {
  const known = customBlocks.get(element);
  if (known !== undefined) return known;
  // Not in a document yet, it has no style: asked again once it is.
  if (!element.isConnected) return false;
  const block = !INLINE_DISPLAYS.has(displayOf(element));
  customBlocks.set(element, block);
  return block;
}

/** `node` itself when it is a block element, else the nearest block around it. */
export function blockAround(node: Node): Node {
  return node.nodeType === 1 && isBlockElement(node as Element) ? node : blockOf(node);
}

/** The nearest block element holding `node` (or the root it lives in: document, shadow root, fragment). */
export function blockOf(node: Node): Node {
  let current: Node = node;
  for (let parent = current.parentNode; parent; parent = current.parentNode) {
    current = parent;
    if (isBlock(current)) return current;
  }
  return current;
}

export type Separator = 'none' | 'space' | 'block';

/**
 * What separates text node `b` from the text node `a` that precedes it in
 * document order: nothing (inline markup only), a line break that reads as
 * a space (`<br>`), or a block boundary. Every node between the two counts,
 * however deep: `<b>Craig<br></b>Federighi` holds a line break, and
 * `Craig <span><div></div></span>Federighi` a block.
 */
export function separatorBetween(a: Node, b: Node): Separator {
  const aboveB = new Set<Node>();
  for (let n = b.parentNode; n; n = n.parentNode) aboveB.add(n);
  let separator: Separator = 'none';
  const crossedA: Element[] = [];
  let x: Node = a;
  while (x.parentNode && !aboveB.has(x.parentNode)) {
    const parent: Node = x.parentNode;
    if (isBlock(parent)) return 'block';
    if (parent.nodeType === 1) crossedA.push(parent as Element);
    for (let s = x.nextSibling; s; s = s.nextSibling) {
      const found = separatorIn(s);
      if (found === 'block') return 'block';
      if (found === 'space') separator = 'space';
    }
    x = parent;
  }
  const common = x.parentNode;
  if (!common) return 'block';
  const crossedB: Element[] = [];
  let y: Node = b;
  while (y.parentNode && y.parentNode !== common) {
    const parent: Node = y.parentNode;
    if (isBlock(parent)) return 'block';
    if (parent.nodeType === 1) crossedB.push(parent as Element);
    for (let s = y.previousSibling; s; s = s.previousSibling) {
      const found = separatorIn(s);
      if (found === 'block') return 'block';
      if (found === 'space') separator = 'space';
    }
    y = parent;
  }
  for (let s = x.nextSibling; s && s !== y; s = s.nextSibling) {
    const found = separatorIn(s);
    if (found === 'block') return 'block';
    if (found === 'space') separator = 'space';
  }
  if (rendersApart(crossedA, crossedB)) return 'block';
  return separator;
}

const INLINE_DISPLAYS = new Set(['inline', 'contents', 'none', '']);
const displayOf = (element: Element) => element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';

/**
 * Whether inline markup that tag names call inline still renders the two
 * texts apart: two links side by side (menus, tag lists), or an element laid
 * out as a box of its own (inline-block, a flex or grid item). Computed
 * styles are read only here, for the few elements around a candidate.
 */
function rendersApart(leaving: readonly Element[], entering: readonly Element[]): boolean {
  if (leaving.length === 0 && entering.length === 0) return false;
  if (leaving.some((e) => e.tagName === 'A') && entering.some((e) => e.tagName === 'A')) return true;
  for (const element of [...leaving, ...entering]) {
    if (!INLINE_DISPLAYS.has(displayOf(element))) return true;
    const parent = element.parentElement;
    if (parent && /flex|grid/.test(displayOf(parent))) return true;
  }
  return false;
}

/** The strongest separator a node between two text nodes stands for: itself or anything inside it. */
function separatorIn(node: Node): Separator {
  if (node.nodeType !== 1) return 'none';
  const element = node as Element;
  if (isBlockElement(element)) return 'block';
  if (element.tagName === 'BR') return 'space';
  // Skipped content (scripts, styles, fields) renders no line of its own here.
  if (SKIPPED_TAGS.has(element.tagName)) return 'none';
  let separator: Separator = 'none';
  for (let c = element.firstChild; c; c = c.nextSibling) {
    const found = separatorIn(c);
    if (found === 'block') return 'block';
    if (found === 'space') separator = 'space';
  }
  return separator;
}
