import { describe, expect, it } from 'vitest';
import type { FactStore } from '@/lib/fact-store';
import { createHandlers } from '@/lib/message-handlers';
import { InvalidMessageError, isOwnSender, validateInput } from '@/lib/messages';

describe('validateInput', () => {
  it('accepts well-formed input and returns it', () => {
    expect(validateInput('getCard', { entityId: 'craig-federighi' })).toEqual({ entityId: 'craig-federighi' });
    expect(validateInput('getFacts', { entityId: 'siri' })).toEqual({ entityId: 'siri' });
    expect(validateInput('getCard', { entityId: 'a'.repeat(100) })).toEqual({ entityId: 'a'.repeat(100) });
    expect(validateInput('search', { query: 'Équipe modèles' })).toEqual({ query: 'Équipe modèles' });
    expect(validateInput('search', { query: '' })).toEqual({ query: '' });
    expect(validateInput('search', { query: 'x'.repeat(200) })).toEqual({ query: 'x'.repeat(200) });
    expect(validateInput('getSummary', undefined)).toBeUndefined();
    expect(validateInput('getSummary', null)).toBeNull();
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
    ['getCard', { entityId: 'a'.repeat(101) }, 'a 101-character id'],
    ['getCard', { entityId: 'x'.repeat(1_000_000) }, 'a huge id'],
    ['getCard', { entityId: 'craig federighi' }, 'an id with a space'],
    ['getCard', { entityId: ' siri' }, 'an id with a leading space'],
    ['getCard', { entityId: 'siri\n' }, 'an id with a trailing newline'],
    ['getCard', { entityId: 'Siri' }, 'an id with uppercase'],
    ['getCard', { entityId: '<img src=x onerror=alert(1)>' }, 'HTML'],
    ['getCard', { entityId: '../siri' }, 'a path'],
    ['getCard', { entityId: 'siri', extra: true }, 'an extra key'],
    ['getCard', { entityId: 'siri', __proto__: { polluted: 1 } }, 'a __proto__ key'],
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

describe('isOwnSender', () => {
  it('accepts the extension itself', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
  });

  it('refuses other extensions, senders without an id, and no sender', () => {
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
    expect(isOwnSender(undefined, 'abc')).toBe(false);
    expect(isOwnSender({ id: 'ABC' }, 'abc')).toBe(false);
    expect(isOwnSender({ id: '' }, 'abc')).toBe(false);
  });
});

describe('createHandlers', () => {
  /** A store double that records every call and answers with a marker. */
  function storeDouble() {
    const calls: [string, ...unknown[]][] = [];
    const answer = (name: string) => async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return { value: name, origin: 'indexeddb', version: 'v' };
    };
    const store = {
      summary: answer('summary'),
      card: answer('card'),
      facts: answer('facts'),
      search: answer('search'),
      entities: answer('entities'),
      ready: answer('ready'),
    };
    return { store: store as unknown as FactStore, calls };
  }

  it('passes valid input to the store and returns its answer', async () => {
    const { store, calls } = storeDouble();
    const handlers = createHandlers(store);
    expect(await handlers.getSummary(undefined)).toEqual({ value: 'summary', origin: 'indexeddb', version: 'v' });
    expect((await handlers.getCard({ entityId: 'siri' })).value).toBe('card');
    expect((await handlers.getFacts({ entityId: 'apple' })).value).toBe('facts');
    expect((await handlers.search({ query: 'équipe' })).value).toBe('search');
    expect(calls).toEqual([['summary'], ['card', 'siri'], ['facts', 'apple'], ['search', 'équipe']]);
  });

  it('rejects malformed messages before touching the store', async () => {
    const { store, calls } = storeDouble();
    const handlers = createHandlers(store);
    await expect(handlers.getSummary({ evil: true })).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.getCard({})).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.getCard({ entityId: 'Siri' })).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.getCard({ entityId: 'siri', x: 1 })).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.getFacts({ entityId: 12 })).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.getFacts(undefined)).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.search({ query: 'x'.repeat(201) })).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(handlers.search('siri')).rejects.toBeInstanceOf(InvalidMessageError);
    expect(calls).toEqual([]);
  });

  it('returns a rejected promise rather than throwing synchronously', () => {
    const { store } = storeDouble();
    const handlers = createHandlers(store);
    let result: Promise<unknown> | undefined;
    expect(() => {
      result = handlers.getCard({});
    }).not.toThrow();
    return expect(result).rejects.toBeInstanceOf(InvalidMessageError);
  });

  it('passes on the store’s own errors (such as an unknown entity)', async () => {
    const { store } = storeDouble();
    const failing = { ...store, card: async () => Promise.reject(new Error('Unknown entity: tim-cook')) };
    const handlers = createHandlers(failing as unknown as FactStore);
    await expect(handlers.getCard({ entityId: 'tim-cook' })).rejects.toThrow('Unknown entity: tim-cook');
  });
});
