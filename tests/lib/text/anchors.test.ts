import { describe, expect, it } from 'vitest';
import { ANCHOR_UNITS, anchorOf, anchorSource } from '@/lib/text/anchors';
import { aliasKey } from '@/lib/text/fold';

describe('anchors', () => {
  it('are the first letters or digits of a key, up to the anchor length', () => {
    expect(anchorOf(aliasKey('Craig Federighi'))).toBe('cra');
    expect(anchorOf(aliasKey('Fédérighi'))).toBe('fed');
    expect(anchorOf(aliasKey('AI'))).toBe('ai');
    expect(anchorOf(aliasKey('Jo Smith'))).toBe('jo');
    expect(anchorOf(aliasKey("O'Neil"))).toBe('o');
    expect(anchorOf(aliasKey('4K'))).toBe('4k');
    expect(anchorOf(aliasKey('-x'))).toBe('');
    expect(ANCHOR_UNITS).toBe(3);
  });

  it('leave out an anchor that a shorter one begins, and escape what a RegExp would read', () => {
    expect(anchorSource(['siri', 'sirius', 'si', 'apple'])).toBe('app|si');
    expect(anchorSource(['a.b', 'c+d'])).toBe('a|c');
    expect(anchorSource(['', '-x'])).toBeNull();
    const re = new RegExp(anchorSource(['x(y', '[z]'].map((k) => k)) ?? '', 'g');
    expect('x(y'.match(re)).toEqual(['x']);
  });

  it('stay a short pattern for ten thousand names', () => {
    const first = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Élodie'];
    const keys: string[] = [];
    for (let i = 0; i < 10_000; i++) keys.push(aliasKey(`${first[i % first.length]} Name${i}`));
    const source = anchorSource(keys) as string;
    expect(source.split('|').length).toBeLessThanOrEqual(first.length);
  });
});
