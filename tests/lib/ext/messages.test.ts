import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/ext/message-handlers';
import { validateInput } from '@/lib/ext/message-input';
import { InvalidMessageError, type PageSetup } from '@/lib/ext/messages';
import { UnknownEntityError } from '@/lib/facts/query';
import type { FactStore } from '@/lib/store/fact-store';
import { sampleBase } from '@/tests/helpers/sample-base';

describe('validateInput', () => {
  it('accepts well-formed input and returns it', () => {
    expect(validateInput('getCard', { entityId: 'craig-federighi' })).toEqual({ entityId: 'craig-federighi' });
    expect(validateInput('getFacts', { entityId: 'siri' })).toEqual({ entityId: 'siri' });
    expect(validateInput('getCard', { entityId: 'a'.repeat(48) })).toEqual({ entityId: 'a'.repeat(48) });
    // A reference scoped by its pack: two ids of at most 48 characters each.
    const scoped = `${'p'.repeat(48)}:${'e'.repeat(48)}`;
    expect(validateInput('getCard', { entityId: scoped })).toEqual({ entityId: scoped });
    expect(validateInput('reportMentions', { counts: { 'a-pack:a-person': 1 } })).toEqual({
      counts: { 'a-pack:a-person': 1 },
    });
    expect(validateInput('importPack', { text: '{}' })).toEqual({ text: '{}' });
    expect(validateInput('removePack', { id: 'a-pack' })).toEqual({ id: 'a-pack' });
    expect(validateInput('search', { query: 'Équipe modèles' })).toEqual({ query: 'Équipe modèles' });
    expect(validateInput('search', { query: '' })).toEqual({ query: '' });
    expect(validateInput('search', { query: 'x'.repeat(200) })).toEqual({ query: 'x'.repeat(200) });
    expect(validateInput('getSummary', undefined)).toBeUndefined();
    expect(validateInput('getSummary', null)).toBeNull();
    expect(validateInput('getPageSetup', { site: 'example.com' })).toEqual({ site: 'example.com' });
    expect(validateInput('getPageSetup', { site: null })).toEqual({ site: null });
    expect(validateInput('reportMentions', { counts: { siri: 2, 'craig-federighi': 0 } })).toEqual({
      counts: { siri: 2, 'craig-federighi': 0 },
    });
  });

  const bad: [Parameters<typeof validateInput>[0], unknown, string][] = [
    ['getCard', undefined, 'no data'],
    ['getCard', null, 'null'],
    ['getCard', {}, 'missing entityId'],
    ['getCard', 'siri', 'a bare string'],
    ['getCard', ['siri'], 'an array'],
    ['getCard', { entityId: 42 }, 'a number'],
    ['getCard', { entityId: null }, 'null id'],
    ['getCard', { entityId: '' }, 'an empty id'],
    ['getCard', { entityId: 'a'.repeat(49) }, 'a 49-character id'],
    ['getCard', { entityId: 'a'.repeat(101) }, 'a 101-character id'],
    ['getCard', { entityId: `pack:${'e'.repeat(49)}` }, 'a scoped id whose own part is too long'],
    ['getCard', { entityId: 'a:b:c' }, 'two colons'],
    ['getCard', { entityId: 'Pack:siri' }, 'an uppercase pack id'],
    ['getCard', { entityId: 'x'.repeat(1_000_000) }, 'a huge id'],
    ['getCard', { entityId: 'craig federighi' }, 'an id with a space'],
    ['getCard', { entityId: ' siri' }, 'an id with a leading space'],
    ['getCard', { entityId: 'siri\n' }, 'an id with a trailing newline'],
    ['getCard', { entityId: 'Siri' }, 'an id with uppercase'],
    ['getCard', { entityId: '<img src=x onerror=alert(1)>' }, 'HTML'],
    ['getCard', { entityId: '../siri' }, 'a path'],
    ['getCard', { entityId: 'siri', extra: true }, 'an extra key'],
    ['getCard', JSON.parse('{"entityId":"siri","__proto__":{"polluted":1}}'), 'an own __proto__ key'],
    ['getFacts', { entityId: 'SIRI' }, 'uppercase (getFacts)'],
    ['getFacts', { id: 'siri' }, 'the wrong key (getFacts)'],
    ['search', { query: 'x'.repeat(201) }, 'a 201-character query'],
    ['search', { query: 'x'.repeat(1_000_000) }, 'a huge query'],
    ['search', { query: 5 }, 'a numeric query'],
    ['search', {}, 'a missing query'],
    ['search', { query: 'siri', limit: 1000 }, 'an extra key (search)'],
    ['getSummary', {}, 'an object for getSummary'],
    ['getSummary', 'please', 'a string for getSummary'],
    ['getSummary', 0, 'a number for getSummary'],
  ];

  it.each(bad)('%s refuses %j (%s)', (type, data) => {
    expect(() => validateInput(type, data)).toThrow(InvalidMessageError);
  });

  it('names the message type in the error', () => {
    try {
      validateInput('getFacts', { entityId: 7 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMessageError);
      expect((error as Error).name).toBe('InvalidMessageError');
      expect((error as Error).message).toMatch(/^Invalid getFacts message: /);
    }
  });
});

describe('createHandlers', () => {
  const tab = { tabId: 7, frameId: 0 };

  /** A store double that records every call and answers with a marker. */
  function deps() {
    const calls: unknown[][] = [];
    const answer =
      (name: string, value: unknown = name) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        return { value, origin: 'indexeddb', version: 'v' };
      };
    const store = {
      summary: answer('summary'),
      card: answer('card'),
      facts: answer('facts'),
      search: answer('search'),
      entities: answer('entities', sampleBase().entities),
      info: answer('info'),
      rebuild: answer('rebuild'),
      ready: answer('ready'),
    };
    const onMentions = (...args: unknown[]) => {
      calls.push(['onMentions', ...args]);
    };
    const tabMentions = async (tabId: number) => {
      calls.push(['tabMentions', tabId]);
      return { counts: { 'craig-federighi': 2, siri: 1 }, limit: 'highlights' as const };
    };
    const pageSetup = async (site: string | null): Promise<PageSetup> => {
      calls.push(['pageSetup', site]);
      return {
        enabled: true,
        reason: null,
        snoozedUntil: null,
        mutedEntities: [],
        style: 'background',
        hoverDelayMs: 300,
        lang: 'en',
        matcher: null,
        matcherKey: 'k',
        factsKey: 'f',
      };
    };
    const onSnooze = async (...args: unknown[]) => {
      calls.push(['onSnooze', ...args]);
    };
    const onMute = async (...args: unknown[]) => {
      calls.push(['onMute', ...args]);
    };
    const entityIds = async () => new Set(sampleBase().entities.map((e) => e.id));
    const packs = {
      list: async () => ({ packs: [], storage: 'indexeddb' as const }),
      import: async (...args: unknown[]) => {
        calls.push(['import', ...args]);
        return { status: 'unavailable' as const };
      },
      remove: async (...args: unknown[]) => {
        calls.push(['remove', ...args]);
        return { status: 'removed' as const };
      },
      export: async (...args: unknown[]) => {
        calls.push(['export', ...args]);
        return null;
      },
    };
    return {
      deps: {
        store: store as unknown as FactStore,
        pageSetup,
        entityIds,
        onMentions,
        tabMentions,
        onSnooze,
        onMute,
        packs,
      },
      calls,
      store,
    };
  }

  it('passes valid input to the store and returns its answer', async () => {
    const { deps: d, calls } = deps();
    const handlers = createHandlers(d);
    expect(await handlers.getSummary(undefined, tab)).toEqual({ value: 'summary', origin: 'indexeddb', version: 'v' });
    expect((await handlers.getCard({ entityId: 'siri' }, tab)).value).toBe('card');
    expect((await handlers.getFacts({ entityId: 'apple' }, tab)).value).toBe('facts');
    expect((await handlers.search({ query: 'équipe' }, tab)).value).toBe('search');
    expect(calls).toEqual([['summary'], ['card', 'siri'], ['facts', 'apple'], ['search', 'équipe']]);
  });

  it('getPageSetup passes the frame’s site on and answers its setup', async () => {
    const { deps: d, calls } = deps();
    const setup = await createHandlers(d).getPageSetup({ site: 'example.com' }, tab);
    expect(setup.matcherKey).toBe('k');
    expect(calls).toEqual([['pageSetup', 'example.com']]);
  });

  it('getTabMentions lists the tab’s entities with names and counts, in the base’s order', async () => {
    const { deps: d, calls } = deps();
    const { mentions: list, limit } = await createHandlers(d).getTabMentions({ tabId: 9 }, {});
    expect(limit).toBe('highlights');
    expect(list.map((m) => [m.entityId, m.count])).toEqual(
      sampleBase()
        .entities.filter((e) => e.id === 'siri' || e.id === 'craig-federighi')
        .map((e) => [e.id, e.id === 'siri' ? 1 : 2]),
    );
    expect(list[0]?.name.en).toBeTruthy();
    expect(calls[0]).toEqual(['tabMentions', 9]);
  });

  it('reportMentions passes the tab, the frame and the counts on', async () => {
    const { deps: d, calls } = deps();
    const handlers = createHandlers(d);
    await handlers.reportMentions({ counts: { siri: 3, apple: 0 } }, { tabId: 4, frameId: 2, url: 'https://a.com/' });
    await handlers.reportMentions({ counts: {} }, { tabId: 4 });
    await handlers.reportMentions({ counts: { siri: 1 }, limit: 'counts' }, { tabId: 4 });
    expect(calls).toEqual([
      ['onMentions', 4, 2, { siri: 3, apple: 0 }, 'none', 'https://a.com/'],
      ['onMentions', 4, 0, {}, 'none', undefined],
      ['onMentions', 4, 0, { siri: 1 }, 'counts', undefined],
    ]);
    await expect(handlers.reportMentions({ counts: {}, limit: 'all' }, { tabId: 4 })).rejects.toThrow();
  });

  it('rejects malformed messages before touching the store', async () => {
    const { deps: d, calls } = deps();
    const handlers = createHandlers(d);
    const refused: Promise<unknown>[] = [
      handlers.getSummary({ evil: true }, tab),
      handlers.getCard({}, tab),
      handlers.getCard({ entityId: 'Siri' }, tab),
      handlers.getCard({ entityId: 'siri', x: 1 }, tab),
      handlers.getCard({ entityId: '<b>siri</b>' }, tab),
      handlers.getFacts({ entityId: 12 }, tab),
      handlers.getFacts(undefined, tab),
      handlers.search({ query: 'x'.repeat(201) }, tab),
      handlers.search('siri', tab),
      handlers.getPageSetup({ site: 42 }, tab),
      handlers.getPageSetup(undefined, tab),
      handlers.getTabMentions({ tabId: -3 }, tab),
      handlers.getTabMentions({ tabId: '3' }, tab),
      handlers.getFactBaseInfo({ x: 1 }, tab),
      handlers.rebuildCache('now', tab),
      handlers.reportMentions({ counts: { siri: -1 } }, tab),
      handlers.reportMentions({ counts: { siri: 1.5 } }, tab),
      handlers.reportMentions({ counts: { siri: '3' } }, tab),
      handlers.reportMentions({ counts: { ['x'.repeat(101)]: 1 } }, tab),
      handlers.reportMentions({ counts: { [`${'p'.repeat(49)}:siri`]: 1 } }, tab),
      handlers.reportMentions({ counts: { 'a:b:c': 1 } }, tab),
      handlers.getCard({ entityId: 'pack:' }, tab),
      handlers.getCard({ entityId: ':siri' }, tab),
      handlers.getCard({ entityId: `pack:${'e'.repeat(49)}` }, tab),
      handlers.importPack({ text: 'x'.repeat(5 * 1024 * 1024 + 1) }, tab),
      handlers.importPack({ text: '{}', replace: 'yes' }, tab),
      handlers.importPack({}, tab),
      handlers.removePack({ id: 'Not An Id' }, tab),
      handlers.removePack({ id: 'a:b' }, tab),
      handlers.exportPack({ id: 'x'.repeat(49) }, tab),
      handlers.listPacks({ all: true }, tab),
      handlers.reportMentions(
        { counts: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`e${i}`, 1])) },
        tab,
      ),
      handlers.reportMentions({ counts: { siri: 1 }, extra: 1 }, tab),
      handlers.reportMentions(undefined, tab),
      // Keys must be entities of the fact base: not an inherited method, not a made-up id.
      handlers.reportMentions({ counts: { toString: 1 } }, tab),
      handlers.reportMentions({ counts: { siri: 1, 'tim-cook': 2 } }, tab),
      handlers.snoozeSite({ site: 'not a site', until: null }, tab),
      handlers.snoozeSite({ site: 'WWW.Example.com', until: null }, tab),
      handlers.snoozeSite({ site: 'example.com', until: 1.5 }, tab),
      handlers.snoozeSite({ site: 'example.com' }, tab),
      handlers.snoozeSite({ site: 'example.com', until: Date.now() + 40 * 3_600_000 }, tab),
    ];
    for (const promise of refused) await expect(promise).rejects.toBeInstanceOf(InvalidMessageError);
    expect(calls).toEqual([]);
  });

  it('refuses mention reports that do not come from a tab', async () => {
    const { deps: d, calls } = deps();
    const handlers = createHandlers(d);
    await expect(handlers.reportMentions({ counts: { siri: 1 } }, {})).rejects.toThrow(/tab/);
    await expect(handlers.reportMentions({ counts: { siri: 1 } }, { tabId: -1 })).rejects.toThrow(/tab/);
    expect(calls).toEqual([]);
  });

  it('returns a rejected promise rather than throwing synchronously', () => {
    const { deps: d } = deps();
    const handlers = createHandlers(d);
    let result: Promise<unknown> | undefined;
    expect(() => {
      result = handlers.getCard({}, tab);
    }).not.toThrow();
    return expect(result).rejects.toBeInstanceOf(InvalidMessageError);
  });

  it('passes on the store’s own errors (such as an unknown entity)', async () => {
    const { deps: d, store } = deps();
    const failing = { ...store, card: async () => Promise.reject(new UnknownEntityError('tim-cook')) };
    const handlers = createHandlers({ ...d, store: failing as unknown as FactStore });
    await expect(handlers.getCard({ entityId: 'tim-cook' }, tab)).rejects.toBeInstanceOf(UnknownEntityError);
  });
});
