import { beforeEach, describe, expect, it } from 'vitest';
import { blockAround, blockOf, isBlock, type Separator, separatorBetween } from '@/lib/page/dom-blocks';
import { textNode, textNodes } from '@/tests/helpers/dom';

/** Separator between the text nodes `a` and `b` of a fresh body built from `html`. */
function sep(html: string, a: string, b: string): Separator {
  document.body.innerHTML = html;
  return separatorBetween(textNode(a), textNode(b));
}

/** Separators between every pair of consecutive non-empty text nodes. */
function allSeparators(html: string): Separator[] {
  document.body.innerHTML = html;
  const list = textNodes();
  return list.slice(1).map((t, i) => separatorBetween(list[i] as Text, t));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('isBlock', () => {
  it('is true for block-level tags', () => {
    for (const tag of [
      'p',
      'div',
      'li',
      'ul',
      'ol',
      'td',
      'th',
      'tr',
      'table',
      'h1',
      'h2',
      'h6',
      'section',
      'article',
      'blockquote',
      'pre',
      'body',
    ]) {
      expect(isBlock(document.createElement(tag)), tag).toBe(true);
    }
  });

  it('is false for inline tags', () => {
    for (const tag of [
      'b',
      'i',
      'span',
      'a',
      'em',
      'strong',
      'code',
      'br',
      'wbr',
      'small',
      'sup',
      'abbr',
      'mark',
      'u',
    ]) {
      expect(isBlock(document.createElement(tag)), tag).toBe(false);
    }
  });

  it('treats documents, shadow roots and fragments as blocks (roots of their own text)', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    expect(isBlock(document)).toBe(true);
    expect(isBlock(shadow)).toBe(true);
    expect(isBlock(document.createDocumentFragment())).toBe(true);
  });
});

describe('custom elements', () => {
  it('are blocks when laid out as blocks, and inline when laid out inline, whatever their name', () => {
    document.body.innerHTML =
      '<style>x-post { display: block } x-card { display: flex }</style>' +
      '<section><x-post><i>one</i></x-post><x-card>two</x-card><x-name>three</x-name></section>';
    const [post, card, name] = ['x-post', 'x-card', 'x-name'].map((t) => document.querySelector(t) as Element);
    expect([isBlock(post as Element), isBlock(card as Element), isBlock(name as Element)]).toEqual([true, true, false]);
    // A post of a feed is a block of its own: an append re-scans that post, not its whole container.
    expect(blockOf(textNode('one'))).toBe(post);
    expect(blockAround(post as Element)).toBe(post);
    expect(blockOf(textNode('three'))).toBe(document.querySelector('section'));
  });

  it('separate texts as blocks do, so that no mention is read across two posts', () => {
    expect(
      sep(
        '<style>x-post { display: block }</style><div><x-post>Craig</x-post><x-post>Federighi</x-post></div>',
        'Craig',
        'Federighi',
      ),
    ).toBe('block');
    expect(sep('<div><x-name>Craig</x-name> <x-name>Federighi</x-name></div>', 'Craig', 'Federighi')).toBe('none');
  });

  it('are not blocks before they are in a document, and are asked again once they are', () => {
    const style = document.createElement('style');
    style.textContent = 'x-late { display: block }';
    document.head.append(style);
    const late = document.createElement('x-late');
    expect(isBlock(late)).toBe(false);
    document.body.append(late);
    expect(isBlock(late)).toBe(true);
    style.remove();
  });
});

describe('blockOf and blockAround', () => {
  it('finds the paragraph around text nested in inline elements at any depth', () => {
    document.body.innerHTML = '<p id="p">a<b>b<i>c<span>d</span></i></b></p>';
    const p = document.getElementById('p');
    for (const t of ['a', 'b', 'c', 'd']) expect(blockOf(textNode(t))).toBe(p);
    const span = document.querySelector('span') as Element;
    expect(blockOf(span)).toBe(p);
    expect(blockAround(span)).toBe(p);
    expect(blockAround(textNode('d'))).toBe(p);
  });

  it('blockAround returns a block element itself; blockOf returns the block around it', () => {
    document.body.innerHTML = '<div id="d"><p id="p">x</p></div>';
    const p = document.getElementById('p') as Element;
    expect(blockAround(p)).toBe(p);
    expect(blockOf(p)).toBe(document.getElementById('d'));
  });

  it('finds list items and table cells', () => {
    document.body.innerHTML =
      '<ul><li id="l1">one <b>two</b></li><li id="l2">three</li></ul><table><tr><td id="c1">four</td><td id="c2"><span>five</span></td></tr></table>';
    expect(blockOf(textNode('two'))).toBe(document.getElementById('l1'));
    expect(blockOf(textNode('three'))).toBe(document.getElementById('l2'));
    expect(blockOf(textNode('four'))).toBe(document.getElementById('c1'));
    expect(blockOf(textNode('five'))).toBe(document.getElementById('c2'));
  });

  it('stops at the body for text outside any block', () => {
    document.body.innerHTML = '<span>loose</span>';
    expect(blockOf(textNode('loose'))).toBe(document.body);
  });

  it('returns the shadow root for text directly in a shadow tree, and the root of a detached tree', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>inside</span>';
    expect(blockOf(textNode('inside', shadow))).toBe(shadow);
    expect(blockAround(shadow)).toBe(shadow);

    const detached = document.createElement('span');
    detached.innerHTML = '<b>orphan</b>';
    expect(blockOf(textNode('orphan', detached))).toBe(detached);
  });
});

describe('separatorBetween', () => {
  it('is none between siblings inside one paragraph with inline markup', () => {
    expect(sep('<p>Craig <b>Federighi</b></p>', 'Craig ', 'Federighi')).toBe('none');
    expect(sep('<p><b>Craig</b> Federighi</p>', 'Craig', ' Federighi')).toBe('none');
    expect(sep('<p><i>Craig</i><span> Federighi</span></p>', 'Craig', ' Federighi')).toBe('none');
    expect(allSeparators('<p>a<b>b</b><i>c</i><span>d</span>e</p>')).toEqual(['none', 'none', 'none', 'none']);
  });

  it('is none between inline elements nested at different depths', () => {
    expect(sep('<p><b><i><span>Craig </span></i></b>Federighi</p>', 'Craig ', 'Federighi')).toBe('none');
    expect(sep('<p>Craig <b><i><span>Federighi</span></i></b></p>', 'Craig ', 'Federighi')).toBe('none');
    expect(sep('<p><b><i>Craig </i></b><span><a><em>Feder</em></a></span>ighi</p>', 'Craig ', 'Feder')).toBe('none');
    expect(sep('<p><b><i>Craig </i></b><span><a><em>Feder</em></a></span>ighi</p>', 'Feder', 'ighi')).toBe('none');
  });

  it('is a block boundary across </p><p>', () => {
    expect(sep('<p>Craig</p><p>Federighi</p>', 'Craig', 'Federighi')).toBe('block');
    expect(sep('<p><b>Craig</b></p><p><i>Federighi</i></p>', 'Craig', 'Federighi')).toBe('block');
    expect(sep('<div><p>Craig</p></div>Federighi', 'Craig', 'Federighi')).toBe('block');
    expect(sep('Craig<div><p>Federighi</p></div>', 'Craig', 'Federighi')).toBe('block');
  });

  it('is a block boundary when a block sits between two inline texts', () => {
    expect(sep('<div>Craig <span>x</span><div></div>Federighi</div>', 'x', 'Federighi')).toBe('block');
    expect(sep('<div>Craig <hr>Federighi</div>', 'Craig ', 'Federighi')).toBe('block');
  });

  it('is a space across <br>', () => {
    expect(sep('<p>Craig<br>Federighi</p>', 'Craig', 'Federighi')).toBe('space');
    expect(sep('<p><b>Craig</b><br><i>Federighi</i></p>', 'Craig', 'Federighi')).toBe('space');
  });

  it('is a space across a <br> nested inside an inline element', () => {
    expect(sep('<p><b>Craig<br></b>Federighi</p>', 'Craig', 'Federighi')).toBe('space');
    expect(sep('<p>Craig<span><br>Federighi</span></p>', 'Craig', 'Federighi')).toBe('space');
    expect(sep('<p>Craig<span><br></span>Federighi</p>', 'Craig', 'Federighi')).toBe('space');
  });

  it('is a block boundary across a block nested inside an inline element', () => {
    expect(sep('<div>Craig <span><div></div></span>Federighi</div>', 'Craig ', 'Federighi')).toBe('block');
    expect(sep('<div><b>Craig <hr></b>Federighi</div>', 'Craig ', 'Federighi')).toBe('block');
  });

  it('is none across <wbr>', () => {
    expect(sep('<p>Feder<wbr>ighi</p>', 'Feder', 'ighi')).toBe('none');
    expect(sep('<p><b>Feder</b><wbr><i>ighi</i></p>', 'Feder', 'ighi')).toBe('none');
  });

  it('is none across comments and empty inline elements', () => {
    expect(sep('<p>Feder<!-- c --><span></span>ighi</p>', 'Feder', 'ighi')).toBe('none');
  });

  it('is a block boundary between list items and between table cells', () => {
    expect(sep('<ul><li>Craig</li><li>Federighi</li></ul>', 'Craig', 'Federighi')).toBe('block');
    expect(sep('<ul><li><b>Craig</b></li><li><i>Federighi</i></li></ul>', 'Craig', 'Federighi')).toBe('block');
    expect(sep('<table><tr><td>Craig</td><td>Federighi</td></tr></table>', 'Craig', 'Federighi')).toBe('block');
    expect(sep('<table><tr><td>Craig</td></tr><tr><td>Federighi</td></tr></table>', 'Craig', 'Federighi')).toBe(
      'block',
    );
  });

  it('is none inside one list item or one cell', () => {
    expect(sep('<ul><li>Craig <b>Federighi</b></li></ul>', 'Craig ', 'Federighi')).toBe('none');
    expect(sep('<table><tr><td>Craig <b>Federighi</b></td></tr></table>', 'Craig ', 'Federighi')).toBe('none');
  });

  it('is a block boundary between nodes of different trees', () => {
    document.body.innerHTML = '<p>Craig</p>';
    const host = document.createElement('span');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Federighi';
    expect(separatorBetween(textNode('Craig'), shadow.firstChild as Text)).toBe('block');
  });
});
