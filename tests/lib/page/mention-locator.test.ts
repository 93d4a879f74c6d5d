import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightName } from '@/lib/page/highlight-names';
import { Highlighter } from '@/lib/page/highlighter';
import type { Mention } from '@/lib/page/mention';
import { MentionLocator } from '@/lib/page/mention-locator';
import { textNode } from '@/tests/helpers/dom';
import {
  type FakeHighlightRegistry,
  installHighlightApi,
  newHighlight,
  staticRange,
  uninstallHighlightApi,
} from '@/tests/helpers/highlight-api';
import { FakeLayout } from '@/tests/helpers/layout';
import { aliasOf, mentionOf } from '@/tests/helpers/mentions';

const SENTENCE = 'Siri met Craig Federighi.';

let registry: FakeHighlightRegistry;
let layout: FakeLayout;
let locator: MentionLocator;
let siri: Mention;
let craig: Mention;

/** The page as laid out: "Siri" at x 0–40, "met" at 50–80, "Craig Federighi" at 90–210, on one line (y 0–16). */
beforeEach(() => {
  registry = installHighlightApi();
  document.body.innerHTML = `<p>${SENTENCE}</p>`;
  const node = textNode(SENTENCE);
  siri = mentionOf(node, 'Siri', aliasOf('siri'));
  craig = mentionOf(node, 'Craig Federighi', aliasOf('craig-federighi'));
  layout = new FakeLayout();
  layout.placeMention(siri, 0, 0, 40);
  layout.place(node, 5, 8, 50, 0, 30);
  layout.placeMention(craig, 90, 0, 120);
  layout.install(registry);
  const highlighter = new Highlighter(registry.typed);
  highlighter.sync([siri, craig]);
  locator = new MentionLocator(() => highlighter.ownHighlights());
  locator.update([siri, craig]);
});

afterEach(() => {
  FakeLayout.uninstall();
  uninstallHighlightApi();
});

describe('MentionLocator.at', () => {
  it('finds the mention under the point', () => {
    expect(locator.at(20, 8)).toBe(siri);
    expect(locator.at(150, 8)).toBe(craig);
    expect(locator.at(65, 8)).toBeNull();
  });

  it('finds nothing once the mentions are gone, even over their text', () => {
    locator.update([]);
    expect(locator.at(20, 8)).toBeNull();
  });

  it('finds a mention split across elements from a point over either of its parts', () => {
    document.body.innerHTML = '<p>Craig <b>Federighi</b> said no.</p>';
    const first = textNode('Craig ');
    const split: Mention = {
      ...mentionOf(first, 'Craig', aliasOf('craig-federighi')),
      endNode: textNode('Federighi'),
      endOffset: 9,
    };
    layout.place(first, 0, 6, 0, 40, 40);
    layout.place(split.endNode, 0, 9, 40, 40, 60);
    const highlighter = new Highlighter(registry.typed);
    highlighter.sync([split]);
    const splitLocator = new MentionLocator(() => highlighter.ownHighlights());
    splitLocator.update([split]);

    // The caret names the second text node there, which only the mention's end lies in.
    expect(splitLocator.at(70, 48)).toBe(split);
  });

  it('ignores a point where only the page’s own highlight is painted, without reading the text', () => {
    const pageSearch = newHighlight(staticRange(textNode(SENTENCE), 0, 4));
    registry.set('page-search', pageSearch);
    const caret = vi.spyOn(document, 'caretPositionFromPoint');
    // Browsers that predate the spec answer bare highlights: both shapes are read.
    registry.highlightsFromPoint = () => [pageSearch];

    expect(locator.at(20, 8)).toBeNull();
    expect(caret).not.toHaveBeenCalled();

    const ours = registry.get(highlightName('subject'));
    if (!ours) throw new Error('fixture: nothing painted');
    registry.highlightsFromPoint = () => [
      { highlight: pageSearch, ranges: [] },
      { highlight: ours, ranges: [] },
    ];
    expect(locator.at(20, 8)).toBe(siri);
  });

  it('finds nothing where the caret snaps to a mention’s text from outside its rects', () => {
    // Without highlightsFromPoint (Firefox), the caret and the rects alone decide.
    delete registry.highlightsFromPoint;
    expect(document.caretPositionFromPoint(-30, 8)?.offsetNode).toBe(siri.startNode);
    expect(locator.at(-30, 8)).toBeNull();
    expect(locator.at(20, 40)).toBeNull();
    expect(locator.at(65, 8)).toBeNull();
    expect(locator.at(20, 8)).toBe(siri);
  });
});
