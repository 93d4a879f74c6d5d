import { beforeEach, describe, expect, it } from 'vitest';
import type { AliasSpec } from '@/lib/facts/alias-spec';
import { compareMentions, countByEntity, MentionSet } from '@/lib/page/mention-set';
import { type Mention, scanSubtree } from '@/lib/page/scan';
import { firstTextNode } from '@/tests/helpers/dom';
import { everything, subjects } from '@/tests/helpers/seed-matchers';

async function scan(html: string, matcher = subjects): Promise<Mention[]> {
  document.body.innerHTML = html;
  const { mentions } = await scanSubtree(document.body, matcher, { isHidden: () => false });
  return mentions;
}

function setOf(mentions: Mention[]): MentionSet {
  const set = new MentionSet();
  set.add(mentions);
  return set;
}

/** Alias texts of mentions in document order. */
function aliases(mentions: readonly Mention[]): string[] {
  return [...mentions].sort(compareMentions).map((m) => m.alias.text);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('MentionSet.add and size', () => {
  it('counts each mention once, even when added twice', async () => {
    const mentions = await scan('<p>Siri et Siri</p>');
    const set = setOf(mentions);
    set.add(mentions);
    expect(set.size).toBe(2);
    set.clear();
    expect(set.size).toBe(0);
    expect(set.visible()).toEqual([]);
  });
});

describe('removeWithin', () => {
  it('removes the mentions of a block and of the blocks below it, and returns them', async () => {
    const mentions = await scan(
      '<div id="outer"><p id="p1">Siri</p><div id="inner"><p>Craig Federighi</p></div>Apple Intelligence</div><p id="p2">Ruoming Pang</p>',
    );
    const set = setOf(mentions);
    expect(set.size).toBe(4);

    const removed = set.removeWithin(document.getElementById('inner') as Element);
    expect(aliases(removed)).toEqual(['Craig Federighi']);
    expect(set.size).toBe(3);

    const rest = set.removeWithin(document.getElementById('outer') as Element);
    expect(aliases(rest)).toEqual(['Siri', 'Apple Intelligence']);
    expect(aliases(set.visible())).toEqual(['Ruoming Pang']);
  });

  it('removes a mention whose block lies above the root when the mention starts inside it', async () => {
    const mentions = await scan('<p>x <span id="s"><b>Siri</b></span> y Siri</p>');
    const set = setOf(mentions);
    const removed = set.removeWithin(document.getElementById('s') as Element);
    expect(removed).toHaveLength(1);
    expect(removed[0]?.startNode.data).toBe('Siri');
    expect(set.size).toBe(1);
  });

  it('removes nothing for an unrelated root', async () => {
    const mentions = await scan('<p>Siri</p><p id="other">rien</p>');
    const set = setOf(mentions);
    expect(set.removeWithin(document.getElementById('other') as Element)).toEqual([]);
    expect(set.size).toBe(1);
  });
});

describe('removeStale', () => {
  it('removes mentions whose start or end node left the document', async () => {
    const mentions = await scan('<p id="a">Siri</p><p>Craig <b id="f">Federighi</b></p><p>Ruoming Pang</p>');
    const set = setOf(mentions);
    expect(set.removeStale()).toEqual([]);

    document.getElementById('a')?.remove();
    expect(aliases(set.removeStale())).toEqual(['Siri']);

    // Only the end of "Craig Federighi" goes.
    document.getElementById('f')?.remove();
    expect(aliases(set.removeStale())).toEqual(['Craig Federighi']);
    expect(aliases(set.visible())).toEqual(['Ruoming Pang']);
  });

  it('removes a mention whose text was shortened under its end offset', async () => {
    const mentions = await scan('<p>Le nouveau Siri arrive.</p><p>Apple Intelligence</p>');
    const set = setOf(mentions);
    firstTextNode('Le nouveau Siri arrive.').data = 'Le nouveau Si';
    expect(aliases(set.removeStale())).toEqual(['Siri']);
    expect(set.size).toBe(1);
  });

  it('removes a split mention whose first node was shortened under its start offset', async () => {
    const mentions = await scan('<p>Hier, Craig <b>Federighi</b></p>');
    const set = setOf(mentions);
    expect(mentions[0]?.startOffset).toBe(6);
    firstTextNode('Hier, Craig ').data = 'Hier';
    expect(aliases(set.removeStale())).toEqual(['Craig Federighi']);
  });

  it('keeps a mention whose text grew or stayed as long', async () => {
    const mentions = await scan('<p>Siri</p>');
    const set = setOf(mentions);
    firstTextNode('Siri').data = 'Siri, plus long';
    expect(set.removeStale()).toEqual([]);
    expect(set.size).toBe(1);
  });
});

describe('removeUnder', () => {
  it('removes mentions that start or end inside a moved node, which removeStale cannot see', async () => {
    const mentions = await scan(
      '<p id="a">Siri</p><p>Craig <b id="f">Federighi</b></p><p>Ruoming Pang</p><textarea id="t"></textarea>',
    );
    const set = setOf(mentions);
    const textarea = document.getElementById('t') as Element;
    textarea.append(document.getElementById('a') as Element, document.getElementById('f') as Element);
    expect(set.removeStale()).toEqual([]);
    const removed = set.removeUnder(
      new Set([document.getElementById('a') as Node, document.getElementById('f') as Node]),
    );
    expect(removed.map((m) => m.alias.text).sort()).toEqual(['Craig Federighi', 'Siri']);
    expect(aliases(set.visible())).toEqual(['Ruoming Pang']);
    expect(set.removeUnder(new Set())).toEqual([]);
  });

  it('reaches mentions in the shadow tree of a removed host', async () => {
    document.body.innerHTML = '<div id="host"></div><p>Siri</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Craig Federighi</p>';
    const set = new MentionSet();
    set.add((await scanSubtree(shadow, subjects, { isHidden: () => false })).mentions);
    set.add((await scanSubtree(document.body, subjects, { isHidden: () => false })).mentions);
    expect(aliases(set.removeUnder(new Set([host])))).toEqual(['Craig Federighi']);
    expect(set.size).toBe(1);
  });
});

describe('visible: the surname rule', () => {
  it('drops a bare surname before the full name and keeps it after', async () => {
    const mentions = await scan(
      '<p>Pang a quitté Apple.</p><p>Ruoming Pang dirigeait l’équipe.</p><p>Pang est parti chez Meta.</p>',
    );
    expect(aliases(mentions)).toEqual(['Pang', 'Ruoming Pang', 'Pang']);
    const visible = setOf(mentions).visible();
    expect(aliases(visible)).toEqual(['Ruoming Pang', 'Pang']);
    const kept = visible.find((m) => m.alias.text === 'Pang') as Mention;
    expect(kept.startNode.data).toBe('Pang est parti chez Meta.');
  });

  it('drops a surname when the full name appears nowhere', async () => {
    const mentions = await scan('<p>Federighi a dit non.</p><p>Pang aussi. Siri</p>');
    expect(aliases(mentions)).toEqual(['Federighi', 'Pang', 'Siri']);
    expect(aliases(setOf(mentions).visible())).toEqual(['Siri']);
  });

  it('keeps a surname in the same text node after the full name, but not one in front of it', async () => {
    const mentions = await scan('<p>Federighi, Craig Federighi, puis Federighi.</p>');
    expect(aliases(mentions)).toEqual(['Federighi', 'Craig Federighi', 'Federighi']);
    const visible = setOf(mentions).visible();
    expect(aliases(visible)).toEqual(['Craig Federighi', 'Federighi']);
    expect(visible.find((m) => m.alias.afterFullName)?.startOffset).toBe(33);
  });

  it('accepts any full-name alias of the same entity, and not one of another entity', async () => {
    const mentions = await scan('<p>Pang Ruoming</p><p>Pang et Federighi</p><p>Craig Federighi</p>');
    expect(aliases(setOf(mentions).visible())).toEqual(['Pang Ruoming', 'Pang', 'Craig Federighi']);
  });

  it('is recomputed when the full name goes away', async () => {
    const mentions = await scan('<p id="full">Ruoming Pang</p><p>Pang</p>');
    const set = setOf(mentions);
    expect(aliases(set.visible())).toEqual(['Ruoming Pang', 'Pang']);
    document.getElementById('full')?.remove();
    set.removeStale();
    expect(set.visible()).toEqual([]);
  });

  it('does not depend on the order mentions were added in', async () => {
    const mentions = await scan('<p>Pang</p><p>Ruoming Pang</p><p>Pang</p><p>Ruoming Pang</p><p>Pang</p>');
    const forward = aliases(setOf(mentions).visible());
    const backward = aliases(setOf([...mentions].reverse()).visible());
    expect(forward).toEqual(['Ruoming Pang', 'Pang', 'Ruoming Pang', 'Pang']);
    expect(backward).toEqual(forward);
  });
});

describe('countByEntity', () => {
  it('counts mentions per entity id', async () => {
    const mentions = await scan(
      '<p>Apple et Siri, Apple Intelligence. Siri, Craig Federighi, Federighi. Google, OpenAI.</p>',
      everything,
    );
    const counts = countByEntity(new MentionSet().visible());
    expect(counts).toEqual({});
    expect(countByEntity(setOf(mentions).visible())).toEqual({
      apple: 1,
      siri: 2,
      'apple-intelligence': 1,
      'craig-federighi': 2,
      google: 1,
      openai: 1,
    });
  });
});

describe('compareMentions', () => {
  const alias: AliasSpec = { text: 'Siri', match: 'fold', afterFullName: false, entityId: 'siri', category: 'subject' };
  const at = (node: Text, offset: number): Mention => ({
    alias,
    startNode: node,
    startOffset: offset,
    endNode: node,
    endOffset: offset + 1,
    block: document.body,
  });

  it('orders by start offset in one text node and by document order across nodes', () => {
    document.body.innerHTML = '<div><p>one</p><b>two</b></div><p><i><span>three</span></i></p>';
    const [one, two, three] = ['one', 'two', 'three'].map((data) => firstTextNode(data)) as [Text, Text, Text];
    expect(compareMentions(at(one, 0), at(one, 2))).toBeLessThan(0);
    expect(compareMentions(at(one, 2), at(one, 0))).toBeGreaterThan(0);
    expect(compareMentions(at(one, 1), at(one, 1))).toBe(0);
    expect(compareMentions(at(one, 2), at(two, 0))).toBeLessThan(0);
    expect(compareMentions(at(three, 0), at(two, 2))).toBeGreaterThan(0);
    const shuffled = [at(three, 0), at(one, 2), at(two, 1), at(one, 0), at(two, 0)];
    expect(shuffled.sort(compareMentions).map((m) => `${m.startNode.data}:${m.startOffset}`)).toEqual([
      'one:0',
      'one:2',
      'two:0',
      'two:1',
      'three:0',
    ]);
  });

  it('sorts scanned mentions back into document order', async () => {
    const mentions = await scan(
      '<p>Siri <b>Craig Federighi</b></p><ul><li>Apple Intelligence</li><li>Ruoming Pang, Siri</li></ul>',
    );
    const order = aliases(mentions);
    expect(aliases([...mentions].reverse())).toEqual(order);
    expect(order).toEqual(['Siri', 'Craig Federighi', 'Apple Intelligence', 'Ruoming Pang', 'Siri']);
  });
});

describe('document order across shadow trees', () => {
  /** A page whose full name sits in a shadow tree and whose surnames sit before and after its host. */
  async function page(): Promise<Mention[]> {
    document.body.innerHTML = '<p>Pang avant</p><div id="host"></div><p>Pang après</p>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Ruoming Pang</p>';
    const options = { isHidden: () => false };
    const light = await scanSubtree(document.body, subjects, options);
    const inShadow = await scanSubtree(shadow, subjects, options);
    return [...light.mentions, ...inShadow.mentions];
  }

  it('orders a mention in a shadow tree where its host stands', async () => {
    const mentions = await page();
    const shuffled = [mentions[2], mentions[0], mentions[1]] as Mention[];
    expect(shuffled.sort(compareMentions).map((m) => m.startNode.data)).toEqual([
      'Pang avant',
      'Ruoming Pang',
      'Pang après',
    ]);
  });

  it('applies the surname rule across shadow trees in that order', async () => {
    const visible = setOf(await page())
      .visible()
      .sort(compareMentions);
    expect(visible.map((m) => m.startNode.data)).toEqual(['Ruoming Pang', 'Pang après']);
  });
});
