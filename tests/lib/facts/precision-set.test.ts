import { describe, expect, it } from 'vitest';
import factBase from '@/seeds/fact-base.json';
import data from '@/tests/fixtures/precision/passages.json';

/**
 * Shape and consistency of the labelled precision/recall set. A wrong label
 * here would make the set reward a wrong matcher, so the labels are checked
 * against the passages' own text and the fact base's aliases, independently
 * of the matcher's code.
 */

interface Expected {
  text: string;
  entity: string;
}
interface Passage {
  id: string;
  lang: string;
  style: string;
  lookalike: boolean;
  html: string;
  expected: Expected[];
}

const LANGS = ['en', 'fr'];
const STYLES = ['news', 'blog', 'forum', 'nav', 'table'];
const set = data as { version: number; passages: Passage[] };
const passages = set.passages;

const entities = new Map(factBase.entities.map((e) => [e.id, e]));

/** Markers in the reading text (private-use characters: none occurs in a passage's own text). */
const BR = '\ue000';
/** An element edge that may or may not render as a gap (inline markup, or items spaced by a stylesheet). */
const EDGE = '\ue001';
/** A box edge: a mention never runs across one. */
const BOX = '\ue002';

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER LI MAIN NAV OL P SECTION TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);
const FORBIDDEN_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME OBJECT EMBED IMG INPUT TEXTAREA SELECT OPTION BUTTON svg SVG math LINK META BASE FORM'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(['lang', 'class', 'style']);
/** Inline styles exist only to lay items out as boxes, which must part words as blocks do. */
const ALLOWED_STYLE = /^(display:\s*(inline-block|flex|inline-flex)|gap:\s*[\w.]+|(margin|padding)(-\w+)?:\s*[\w. ]+)$/;

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function declarations(element: Element): string[] {
  return (element.getAttribute('style') ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
}

function isFlex(element: Element): boolean {
  return declarations(element).some((d) => /^display:\s*(inline-)?flex$/.test(d));
}

function isInlineBlock(element: Element): boolean {
  return declarations(element).some((d) => /^display:\s*inline-block$/.test(d));
}

/**
 * The passage's text as a reader meets it: text nodes in order, with
 * markers where a `<br>`, an element edge or a box edge stands.
 */
function readingText(root: Node): string {
  let out = '';
  const visit = (node: Node, inFlex: boolean) => {
    if (node.nodeType === 3) {
      out += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      out += BR;
      return;
    }
    const mark = BLOCK_TAGS.has(element.tagName) || inFlex || isInlineBlock(element) ? BOX : EDGE;
    out += mark;
    const flex = isFlex(element);
    for (let c = element.firstChild; c; c = c.nextSibling) visit(c, flex);
    out += mark;
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c, false);
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/**
 * Finds `text` in the reading text from `from` on, as a whole word sequence
 * inside one box; line breaks and inline edges inside it are passed over
 * (a `<br>` is not in a Range's text). Returns the span and how it reads
 * (a line break reads as a space), or null.
 */
function findMention(
  reading: string,
  text: string,
  from: number,
): { start: number; end: number; reads: string } | null {
  for (let i = from; i < reading.length; i++) {
    if (reading[i] !== text[0] || isWordChar(reading[i - 1])) continue;
    let j = i;
    let k = 0;
    let reads = '';
    while (k < text.length && j < reading.length) {
      const ch = reading[j] as string;
      if (ch === text[k]) {
        reads += ch;
        j++;
        k++;
      } else if (ch === BR) {
        reads += ' ';
        j++;
      } else if (ch === EDGE) {
        j++;
      } else break;
    }
    if (k === text.length && !isWordChar(reading[j])) return { start: i, end: j, reads };
  }
  return null;
}

/** Case- and accent-folded, the way a reader compares names; `keepCase` folds accents only. */
function fold(text: string, keepCase = false): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  return keepCase ? folded : folded.toLowerCase();
}

/** The aliases of `entityId` that `reads` is a form of: same letters, and for `case` aliases the same capitals or all capitals. */
function aliasesRead(entityId: string, reads: string) {
  const entity = entities.get(entityId);
  if (!entity) return [];
  return entity.aliases.filter((alias) => {
    if (fold(reads) !== fold(alias.text)) return false;
    if (alias.match === 'fold') return true;
    return fold(reads, true) === fold(alias.text, true) || reads === reads.toUpperCase();
  });
}

describe('the precision set', () => {
  it('is version 1 with at least 72 passages of the expected shape', () => {
    expect(set.version).toBe(1);
    expect(passages.length).toBeGreaterThanOrEqual(72);
    for (const p of passages) {
      expect(Object.keys(p).sort(), p.id).toEqual(['expected', 'html', 'id', 'lang', 'lookalike', 'style']);
      expect(p.id, p.id).toMatch(/^(en|fr)-(news|blog|forum|nav|table)-\d{2}$/);
      expect(p.id.startsWith(`${p.lang}-${p.style}-`), p.id).toBe(true);
      expect(typeof p.lookalike, p.id).toBe('boolean');
      expect(Array.isArray(p.expected), p.id).toBe(true);
      for (const m of p.expected) expect(Object.keys(m).sort(), p.id).toEqual(['entity', 'text']);
    }
  });

  it('has unique ids', () => {
    const ids = passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is balanced: each language at least 40%, a third or more with lookalikes, every style in each language', () => {
    for (const lang of LANGS) {
      const share = passages.filter((p) => p.lang === lang).length / passages.length;
      expect(share, lang).toBeGreaterThanOrEqual(0.4);
      for (const style of STYLES) {
        expect(
          passages.some((p) => p.lang === lang && p.style === style),
          `${lang} ${style}`,
        ).toBe(true);
      }
    }
    expect(passages.filter((p) => p.lookalike).length / passages.length).toBeGreaterThanOrEqual(1 / 3);
  });

  it('keeps its HTML to body content without scripts, with only lang, class and layout styles', () => {
    for (const p of passages) {
      const fragment = parse(p.html);
      expect(fragment.textContent?.trim().length ?? 0, p.id).toBeGreaterThan(0);
      for (const element of fragment.querySelectorAll('*')) {
        expect(FORBIDDEN_TAGS.has(element.tagName), `${p.id}: <${element.tagName}>`).toBe(false);
        for (const attribute of element.getAttributeNames()) {
          expect(ALLOWED_ATTRIBUTES.has(attribute), `${p.id}: ${attribute}`).toBe(true);
        }
        for (const d of declarations(element)) expect(d, p.id).toMatch(ALLOWED_STYLE);
      }
    }
  });

  it('names only entities of the fact base', () => {
    for (const p of passages) {
      for (const m of p.expected) expect(entities.has(m.entity), `${p.id}: ${m.entity}`).toBe(true);
    }
  });

  it('labels text that is in the passage, in document order, as whole words within one box', () => {
    for (const p of passages) {
      const fragment = parse(p.html);
      const reading = readingText(fragment);
      // The markers stand only where the text has none of its own.
      expect(reading.replace(/[\ue000-\ue002]/g, ''), p.id).toBe(fragment.textContent);
      let from = 0;
      for (const m of p.expected) {
        const found = findMention(reading, m.text, from);
        expect(found, `${p.id}: "${m.text}" after offset ${from}`).not.toBeNull();
        from = found?.end ?? from;
      }
    }
  });

  it('labels only forms of the entity’s own aliases, with the case that case-sensitive aliases require', () => {
    for (const p of passages) {
      const reading = readingText(parse(p.html));
      let from = 0;
      for (const m of p.expected) {
        const found = findMention(reading, m.text, from);
        if (!found) continue;
        from = found.end;
        expect(aliasesRead(m.entity, found.reads).length, `${p.id}: "${m.text}" as ${m.entity}`).toBeGreaterThan(0);
      }
    }
  });

  it('labels a bare surname only after the entity’s full name in the same passage', () => {
    for (const p of passages) {
      const reading = readingText(parse(p.html));
      const named = new Set<string>();
      let from = 0;
      for (const m of p.expected) {
        const found = findMention(reading, m.text, from);
        if (!found) continue;
        from = found.end;
        const aliases = aliasesRead(m.entity, found.reads);
        const bare = aliases.length > 0 && aliases.every((a) => 'afterFullName' in a && a.afterFullName);
        if (bare) expect(named.has(m.entity), `${p.id}: "${m.text}" before any full name`).toBe(true);
        else named.add(m.entity);
      }
    }
  });
});
