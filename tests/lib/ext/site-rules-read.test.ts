import { describe, expect, it } from 'vitest';
import { readRule } from '@/lib/ext/site-rules';

describe('readRule', () => {
  it('says why an entry is not a site', () => {
    expect(readRule('Example.com')).toEqual({ key: 'example.com' });
    expect(readRule(null)).toEqual({ rejected: 'not-text' });
    expect(readRule(['a.com'])).toEqual({ rejected: 'not-text' });
    expect(readRule('')).toEqual({ rejected: 'not-a-site' });
    expect(readRule('exa mple.com')).toEqual({ rejected: 'not-a-site' });
  });

  it('takes DNS names up to 253 characters, labels up to 63, and no longer', () => {
    const label = (n: number) => 'a'.repeat(n);
    const host253 = [label(63), label(63), label(63), label(61)].join('.');
    expect(host253).toHaveLength(253);
    expect(readRule(host253)).toEqual({ key: host253 });
    expect(readRule(`${host253}a`)).toEqual({ rejected: 'too-long' });
    expect(readRule(`${label(64)}.com`)).toEqual({ rejected: 'too-long' });
    expect(readRule(`https://${label(2004)}/`)).toEqual({ rejected: 'too-long' });
    expect(readRule('x'.repeat(5000))).toEqual({ rejected: 'too-long' });
  });
});
