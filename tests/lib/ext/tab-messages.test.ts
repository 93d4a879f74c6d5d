import { describe, expect, it } from 'vitest';
import { InvalidMessageError } from '@/lib/ext/messages';
import { readDirection, readEntityId, readNothing } from '@/lib/ext/tab-messages';

/** Shapes no tab message has: each reader must refuse them all. */
const NOT_OBJECTS: unknown[] = [undefined, null, 'next', 3, true, [], ['next']];

describe('readDirection', () => {
  it('accepts the two directions', () => {
    expect(readDirection({ direction: 'next' })).toBe('next');
    expect(readDirection({ direction: 'previous' })).toBe('previous');
  });

  it.each([
    ...NOT_OBJECTS,
    {},
    { direction: 'up' },
    { direction: 'Next' },
    { direction: 1 },
    { direction: 'next', entityId: 'siri' },
  ])('refuses %j', (data) => {
    expect(() => readDirection(data)).toThrow(InvalidMessageError);
  });

  it('refuses an array, even one carrying the field', () => {
    expect(() => readDirection(Object.assign([], { direction: 'next' }))).toThrow(InvalidMessageError);
  });

  it('names the message in the error', () => {
    expect(() => readDirection({ direction: 'up' })).toThrow(/navigateMention/);
  });
});

describe('readEntityId', () => {
  it('accepts entity references, bare or scoped by their pack', () => {
    expect(readEntityId({ entityId: 'craig-federighi' })).toBe('craig-federighi');
    expect(readEntityId({ entityId: 'a' })).toBe('a');
    expect(readEntityId({ entityId: 'x'.repeat(48) })).toBe('x'.repeat(48));
    const scoped = `${'p'.repeat(48)}:${'x'.repeat(48)}`;
    expect(readEntityId({ entityId: scoped })).toBe(scoped);
  });

  it.each([
    ...NOT_OBJECTS,
    {},
    { entityId: '' },
    { entityId: 'x'.repeat(49) },
    { entityId: `${'p'.repeat(49)}:siri` },
    { entityId: 'pack:' },
    { entityId: 'a:b:c' },
    { entityId: 'Siri' },
    { entityId: 'craig federighi' },
    { entityId: '../siri' },
    { entityId: 'siri\n' },
    { entityId: 7 },
    { entityId: ['siri'] },
    { entityId: 'siri', direction: 'next' },
  ])('refuses %j', (data) => {
    expect(() => readEntityId(data)).toThrow(InvalidMessageError);
  });

  it('refuses an array, even one carrying the field', () => {
    expect(() => readEntityId(Object.assign([], { entityId: 'siri' }))).toThrow(InvalidMessageError);
  });

  it('names the message in the error', () => {
    expect(() => readEntityId({ entityId: 'Siri' })).toThrow(/revealEntity/);
  });
});

describe('readNothing', () => {
  it('accepts no data', () => {
    expect(() => readNothing('getPageInfo', undefined)).not.toThrow();
    expect(() => readNothing('getPageInfo', null)).not.toThrow();
  });

  it.each([{}, [], 0, '', false, { site: 'example.com' }])('refuses %j', (data) => {
    expect(() => readNothing('getPageInfo', data)).toThrow(InvalidMessageError);
    expect(() => readNothing('getPageInfo', data)).toThrow(/getPageInfo/);
  });
});
