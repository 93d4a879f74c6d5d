import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, highlightName, OUR_NAMES } from '@/lib/page/highlight-names';
import { Highlighter } from '@/lib/page/highlighter';
import type { Mention } from '@/lib/page/mention';
import { textNode } from '@/tests/helpers/dom';
import {
  type FakeHighlightRegistry,
  installHighlightApi,
  newHighlight,
  staticRange,
  uninstallHighlightApi,
} from '@/tests/helpers/highlight-api';
import { aliasOf, mentionOf } from '@/tests/helpers/mentions';

const SENTENCE = 'Siri met Craig Federighi at Apple.';
const SUBJECT = highlightName('subject');
const ORGANISATION = highlightName('organisation');

let registry: FakeHighlightRegistry;
let siri: Mention;
let craig: Mention;
let apple: Mention;

beforeEach(() => {
  registry = installHighlightApi();
  document.body.innerHTML = `<p>${SENTENCE}</p>`;
  const node = textNode(SENTENCE);
  siri = mentionOf(node, 'Siri', aliasOf('siri'));
  craig = mentionOf(node, 'Craig Federighi', aliasOf('craig-federighi'));
  apple = mentionOf(node, 'Apple', aliasOf('apple', 'organisation'));
});

afterEach(uninstallHighlightApi);

/** The text each range of a registered highlight covers, in the order they were added. */
function paintedUnder(name: string): string[] {
  const highlight = registry.get(name);
  if (!highlight) return [];
  return [...highlight].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
}

describe('Highlighter.sync', () => {
  it('paints each mention once, under the name of its category', () => {
    new Highlighter(registry.typed).sync([siri, craig, apple]);
    expect([...registry.keys()].sort()).toEqual([ORGANISATION, SUBJECT]);
    expect(paintedUnder(SUBJECT)).toEqual(['Siri', 'Craig Federighi']);
    expect(paintedUnder(ORGANISATION)).toEqual(['Apple']);
  });

  it('adds and removes exactly the ranges that changed, keeping the others', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, apple]);
    const [siriRange] = registry.get(SUBJECT) ?? [];

    highlighter.sync([siri, craig]);
    expect(paintedUnder(SUBJECT)).toEqual(['Siri', 'Craig Federighi']);
    // An unchanged mention keeps its range, so that a change costs only what changed.
    expect([...(registry.get(SUBJECT) ?? [])][0]).toBe(siriRange);
    expect(registry.has(ORGANISATION)).toBe(false);

    highlighter.sync([]);
    expect(registry.size).toBe(0);
  });
});

describe('Highlighter.setStyle', () => {
  it('moves the same highlights to the names of the other style, and back', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, apple]);
    const subject = registry.get(SUBJECT);

    highlighter.setStyle('underline');
    expect([...registry.keys()].sort()).toEqual([
      highlightName('organisation', 'underline'),
      highlightName('subject', 'underline'),
    ]);
    expect(registry.get(highlightName('subject', 'underline'))).toBe(subject);

    // Mentions painted after the switch go under the new names too.
    highlighter.sync([siri, craig, apple]);
    expect(paintedUnder(highlightName('subject', 'underline'))).toEqual(['Siri', 'Craig Federighi']);

    highlighter.setStyle('background');
    expect([...registry.keys()].sort()).toEqual([ORGANISATION, SUBJECT]);
    expect(paintedUnder(SUBJECT)).toEqual(['Siri', 'Craig Federighi']);
  });
});

describe('Highlighter.setCurrent', () => {
  it('marks one painted mention, above the categories, and moves or drops the mark', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig]);

    highlighter.setCurrent(craig);
    const current = registry.get(CURRENT_HIGHLIGHT);
    expect(paintedUnder(CURRENT_HIGHLIGHT)).toEqual(['Craig Federighi']);
    expect(current?.priority).toBeGreaterThan(registry.get(SUBJECT)?.priority ?? 0);

    highlighter.setCurrent(siri);
    expect(paintedUnder(CURRENT_HIGHLIGHT)).toEqual(['Siri']);

    highlighter.setCurrent(null);
    expect(registry.has(CURRENT_HIGHLIGHT)).toBe(false);

    // A mention that is not painted has nothing to mark.
    highlighter.setCurrent(apple);
    expect(registry.has(CURRENT_HIGHLIGHT)).toBe(false);
  });
});

describe('Highlighter.ensureRegistered', () => {
  it('puts our highlights back into a registry the page cleared', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig, apple]);
    const before = new Map(registry);

    registry.clear();
    highlighter.ensureRegistered();
    expect(new Map(registry)).toEqual(before);
    expect(registry.get(SUBJECT)).toBe(before.get(SUBJECT));
  });

  it('puts the keyboard’s current mark back into a registry the page cleared', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig]);
    highlighter.setCurrent(craig);
    const current = registry.get(CURRENT_HIGHLIGHT);
    registry.clear();
    highlighter.ensureRegistered();
    expect(registry.get(CURRENT_HIGHLIGHT)).toBe(current);
    expect(paintedUnder(CURRENT_HIGHLIGHT)).toEqual(['Craig Federighi']);
  });

  it('refills a highlight the page emptied, and takes out ranges the page added to it', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig]);

    registry.get(SUBJECT)?.clear();
    highlighter.ensureRegistered();
    expect(paintedUnder(SUBJECT)).toEqual(['Siri', 'Craig Federighi']);

    registry.get(SUBJECT)?.add(staticRange(textNode(SENTENCE), 25, 27));
    highlighter.ensureRegistered();
    expect(paintedUnder(SUBJECT)).toEqual(['Siri', 'Craig Federighi']);
  });

  it('finds a range the page swapped for its own only when thorough', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig]);
    const subject = registry.get(SUBJECT);
    const [first] = subject ?? [];
    if (!subject || !first) throw new Error('fixture: nothing painted');

    subject.delete(first);
    subject.add(staticRange(textNode(SENTENCE), 25, 27));
    // The cheap check (on scroll) only compares sizes: the swap keeps the size.
    highlighter.ensureRegistered();
    expect(paintedUnder(SUBJECT)).toEqual(['Craig Federighi', 'at']);

    highlighter.ensureRegistered(true);
    expect(paintedUnder(SUBJECT).sort()).toEqual(['Craig Federighi', 'Siri']);
  });

  it('drops a highlight of the page registered under any of our names, and leaves the page’s own names alone', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri]);
    const ours = registry.get(SUBJECT);
    const pageSearch = newHighlight(staticRange(textNode(SENTENCE), 9, 14));
    registry.set('page-search', pageSearch);

    for (const name of OUR_NAMES) {
      const impostor = newHighlight(staticRange(textNode(SENTENCE), 25, 27));
      registry.set(name, impostor);
      highlighter.ensureRegistered();
      expect(registry.get(name), name).not.toBe(impostor);
    }
    expect(registry.get(SUBJECT)).toBe(ours);
    expect(paintedUnder(SUBJECT)).toEqual(['Siri']);
    expect(registry.get('page-search')).toBe(pageSearch);
  });
});

describe('Highlighter.clear', () => {
  it('removes every highlight of ours, the current mark included, and paints afresh afterwards', () => {
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([siri, craig, apple]);
    highlighter.setCurrent(siri);
    const pageSearch = newHighlight(staticRange(textNode(SENTENCE), 9, 14));
    registry.set('page-search', pageSearch);

    highlighter.clear();
    expect([...registry.keys()]).toEqual(['page-search']);
    expect(highlighter.ownHighlights()).toSatisfy((hs: Iterable<Highlight>) => [...hs].every((h) => h.size === 0));

    highlighter.sync([apple]);
    expect(paintedUnder(ORGANISATION)).toEqual(['Apple']);
    expect(registry.has(SUBJECT)).toBe(false);
  });
});
