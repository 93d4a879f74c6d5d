import { describe, expect, it } from 'vitest';
import {
  addRules,
  DEFAULT_SITE_RULES,
  FILE_SITE,
  isEnabledOn,
  isListed,
  ruleKey,
  ruleMatches,
  type SiteRules,
  setSiteEnabled,
  siteOf,
} from '@/lib/ext/site-rules';

const allExcept = (...sites: string[]): SiteRules => ({ mode: 'all-except-listed', sites });
const onlyListed = (...sites: string[]): SiteRules => ({ mode: 'only-listed', sites });

describe('siteOf', () => {
  it('answers the host in lower case, without port, trailing dot or www.', () => {
    expect(siteOf('https://example.com/a?b#c')).toBe('example.com');
    expect(siteOf('http://WWW.Example.COM:8080/x')).toBe('example.com');
    expect(siteOf('https://www.example.com./')).toBe('example.com');
    expect(siteOf('https://news.example.com/')).toBe('news.example.com');
    expect(siteOf('https://www.news.example.com/')).toBe('news.example.com');
    expect(siteOf('http://localhost:5173/')).toBe('localhost');
  });

  it('keeps www. when no domain would remain', () => {
    expect(siteOf('http://www.com/')).toBe('www.com');
    expect(siteOf('http://www/')).toBe('www');
  });

  it('converts international domain names to punycode', () => {
    expect(siteOf('https://bücher.de/x')).toBe('xn--bcher-kva.de');
    expect(siteOf('https://BÜCHER.de/x')).toBe('xn--bcher-kva.de');
    expect(siteOf('https://xn--bcher-kva.de/')).toBe('xn--bcher-kva.de');
    expect(siteOf('https://www.例え.jp/')).toBe('xn--r8jz45g.jp');
  });

  it('keeps IP addresses whole, IPv4 and IPv6, without port', () => {
    expect(siteOf('http://127.0.0.1:3000/')).toBe('127.0.0.1');
    expect(siteOf('http://192.168.1.20/admin')).toBe('192.168.1.20');
    expect(siteOf('http://[::1]:8080/')).toBe('[::1]');
    expect(siteOf('http://[2001:DB8::1]/')).toBe('[2001:db8::1]');
  });

  it('gives every local file the one file rule', () => {
    expect(siteOf('file:///home/me/page.html')).toBe(FILE_SITE);
    expect(siteOf('FILE:///C:/Users/me/page.html')).toBe(FILE_SITE);
  });

  it('answers null where the extension does not run', () => {
    for (const url of [
      'chrome://extensions/',
      'about:blank',
      'about:addons',
      'moz-extension://0123-4567/popup.html',
      'chrome-extension://abcdefghijklmnop/popup.html',
      'data:text/html,<p>hi</p>',
      'blob:https://example.com/1234',
      'javascript:alert(1)',
      'view-source:https://example.com/',
      'ftp://example.com/',
      '',
      'not a url',
      undefined,
      null,
    ]) {
      expect(siteOf(url), String(url)).toBeNull();
    }
  });
});

describe('ruleKey', () => {
  it('normalises hosts and addresses the way siteOf does', () => {
    expect(ruleKey('example.com')).toBe('example.com');
    expect(ruleKey('  Example.COM  ')).toBe('example.com');
    expect(ruleKey('www.example.com')).toBe('example.com');
    expect(ruleKey('WWW.EXAMPLE.COM.')).toBe('example.com');
    expect(ruleKey('https://www.Example.com:8080/some/page?q=1#top')).toBe('example.com');
    expect(ruleKey('example.com:8080')).toBe('example.com');
    expect(ruleKey('example.com/path')).toBe('example.com');
    expect(ruleKey('news.example.co.uk')).toBe('news.example.co.uk');
  });

  it('reads "*.example.com" as the domain with its subdomains', () => {
    expect(ruleKey('*.example.com')).toBe('example.com');
    expect(ruleKey('*.Example.com')).toBe('example.com');
  });

  it('converts international domain names to punycode', () => {
    expect(ruleKey('bücher.de')).toBe('xn--bcher-kva.de');
    expect(ruleKey('https://BÜCHER.de/x')).toBe('xn--bcher-kva.de');
    expect(ruleKey('xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
    expect(ruleKey('例え.jp')).toBe('xn--r8jz45g.jp');
  });

  it('accepts localhost and IP addresses, dropping the port', () => {
    expect(ruleKey('localhost')).toBe('localhost');
    expect(ruleKey('localhost:3000')).toBe('localhost');
    expect(ruleKey('127.0.0.1')).toBe('127.0.0.1');
    expect(ruleKey('http://192.168.0.1:8080/')).toBe('192.168.0.1');
    expect(ruleKey('[::1]')).toBe('[::1]');
    expect(ruleKey('http://[::1]:8080/')).toBe('[::1]');
    expect(ruleKey('[2001:DB8::1]')).toBe('[2001:db8::1]');
  });

  it('accepts local files as one rule', () => {
    expect(ruleKey('file://')).toBe(FILE_SITE);
    expect(ruleKey('file:///home/me/notes.html')).toBe(FILE_SITE);
    expect(ruleKey('FILE://')).toBe(FILE_SITE);
  });

  it('is idempotent on what it answers', () => {
    for (const input of ['Example.com', 'bücher.de', '[::1]', '10.0.0.1', 'file:///x', 'www.com', 'localhost']) {
      const key = ruleKey(input);
      expect(key, input).not.toBeNull();
      expect(ruleKey(key as string), input).toBe(key);
    }
  });

  it('accepts single-label hosts, as siteOf names them (intranet, localhost)', () => {
    expect(ruleKey('intranet')).toBe('intranet');
    expect(ruleKey('http://Intranet:8080/wiki')).toBe('intranet');
    expect(ruleKey(siteOf('http://intranet/') as string)).toBe(siteOf('http://intranet/'));
  });

  it('rejects what is not a site', () => {
    for (const input of [
      '',
      '   ',
      'exa_mple',
      '-intranet',
      'not a host',
      'exa mple.com',
      'exa_mple.com',
      '*example.com',
      '*.',
      'http://',
      'https:///',
      '256.1.1.1',
      '::1',
      'chrome://extensions',
      'about:blank',
      'moz-extension://abc/popup.html',
      'data:text/html,hi',
      'javascript:alert(1)',
      'ftp://example.com',
      '<script>',
    ]) {
      expect(ruleKey(input), JSON.stringify(input)).toBeNull();
    }
  });
});

describe('ruleMatches', () => {
  it('matches the same host and its subdomains', () => {
    expect(ruleMatches('example.com', 'example.com')).toBe(true);
    expect(ruleMatches('example.com', 'news.example.com')).toBe(true);
    expect(ruleMatches('example.com', 'a.b.example.com')).toBe(true);
    expect(ruleMatches('xn--bcher-kva.de', 'shop.xn--bcher-kva.de')).toBe(true);
  });

  it('does not match look-alikes, parents or siblings', () => {
    expect(ruleMatches('example.com', 'notexample.com')).toBe(false);
    expect(ruleMatches('example.com', 'example.com.evil.org')).toBe(false);
    expect(ruleMatches('example.com', 'example.org')).toBe(false);
    expect(ruleMatches('news.example.com', 'example.com')).toBe(false);
    expect(ruleMatches('news.example.com', 'blog.example.com')).toBe(false);
  });

  it('matches IP addresses and local files only exactly', () => {
    expect(ruleMatches('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(ruleMatches('0.0.1', '127.0.0.1')).toBe(false);
    expect(ruleMatches('[::1]', '[::1]')).toBe(true);
    expect(ruleMatches(FILE_SITE, FILE_SITE)).toBe(true);
    expect(ruleMatches(FILE_SITE, 'example.com')).toBe(false);
    expect(ruleMatches('example.com', FILE_SITE)).toBe(false);
  });

  it('works on what siteOf answers for real addresses', () => {
    const rule = ruleKey('*.Example.com') as string;
    expect(ruleMatches(rule, siteOf('https://WWW.EXAMPLE.COM:443/') as string)).toBe(true);
    expect(ruleMatches(rule, siteOf('https://docs.example.com/') as string)).toBe(true);
    expect(ruleMatches(rule, siteOf('https://notexample.com/') as string)).toBe(false);
    expect(ruleMatches(ruleKey('bücher.de') as string, siteOf('https://www.BÜCHER.de/') as string)).toBe(true);
  });
});

describe('isEnabledOn', () => {
  it('is on everywhere by default', () => {
    expect(isEnabledOn('example.com', DEFAULT_SITE_RULES, false)).toBe(true);
    expect(isEnabledOn(FILE_SITE, DEFAULT_SITE_RULES, false)).toBe(true);
  });

  it('is off on listed sites and their subdomains in all-except mode', () => {
    const rules = allExcept('example.com');
    expect(isEnabledOn('example.com', rules, false)).toBe(false);
    expect(isEnabledOn('news.example.com', rules, false)).toBe(false);
    expect(isEnabledOn('notexample.com', rules, false)).toBe(true);
    expect(isEnabledOn('other.org', rules, false)).toBe(true);
  });

  it('is on only on listed sites and their subdomains in only-listed mode', () => {
    const rules = onlyListed('example.com', '127.0.0.1');
    expect(isEnabledOn('example.com', rules, false)).toBe(true);
    expect(isEnabledOn('news.example.com', rules, false)).toBe(true);
    expect(isEnabledOn('127.0.0.1', rules, false)).toBe(true);
    expect(isEnabledOn('notexample.com', rules, false)).toBe(false);
    expect(isEnabledOn('127.0.0.2', rules, false)).toBe(false);
    expect(isEnabledOn('example.com', onlyListed(), false)).toBe(false);
  });

  it('is off everywhere when paused, and where there is no site', () => {
    expect(isEnabledOn('example.com', DEFAULT_SITE_RULES, true)).toBe(false);
    expect(isEnabledOn('example.com', onlyListed('example.com'), true)).toBe(false);
    expect(isEnabledOn(null, DEFAULT_SITE_RULES, false)).toBe(false);
  });
});

describe('setSiteEnabled', () => {
  it('lists a site turned off in all-except mode, keeping the list sorted', () => {
    expect(setSiteEnabled(allExcept('zeta.org'), 'example.com', false)).toEqual(allExcept('example.com', 'zeta.org'));
  });

  it('does not list a site twice, nor one a parent rule already covers', () => {
    const rules = allExcept('example.com');
    expect(setSiteEnabled(rules, 'example.com', false)).toBe(rules);
    expect(setSiteEnabled(rules, 'news.example.com', false)).toBe(rules);
  });

  it('turning a site on in all-except mode removes its rule and any parent rule', () => {
    const rules = allExcept('example.com', 'news.example.com', 'other.org');
    const next = setSiteEnabled(rules, 'news.example.com', true);
    expect(next).toEqual(allExcept('other.org'));
    expect(isEnabledOn('news.example.com', next, false)).toBe(true);
  });

  it('turning a site on removes no look-alike or sibling rule', () => {
    const rules = allExcept('blog.example.com', 'notexample.com');
    expect(setSiteEnabled(rules, 'example.com', true)).toEqual(rules);
  });

  it('works the other way round in only-listed mode', () => {
    const on = setSiteEnabled(onlyListed(), 'example.com', true);
    expect(on).toEqual(onlyListed('example.com'));
    expect(isEnabledOn('example.com', on, false)).toBe(true);
    const off = setSiteEnabled(onlyListed('example.com', 'other.org'), 'news.example.com', false);
    expect(off).toEqual(onlyListed('other.org'));
    expect(isEnabledOn('news.example.com', off, false)).toBe(false);
  });

  it('does not change the rules it is given', () => {
    const rules = allExcept('example.com');
    setSiteEnabled(rules, 'other.org', false);
    setSiteEnabled(rules, 'example.com', true);
    expect(rules).toEqual(allExcept('example.com'));
  });
});

describe('addRules', () => {
  it('adds normalised, unique, sorted keys and answers what it could not read', () => {
    const { rules, rejected } = addRules(allExcept('example.com'), [
      'WWW.Foo.org',
      'https://example.com/x',
      '*.bar.net',
      'bücher.de',
      'not a host',
      '   ',
      'chrome://settings',
      'foo.org',
      42,
      `${'a'.repeat(250)}.com`,
    ]);
    expect(rules).toEqual(allExcept('bar.net', 'example.com', 'foo.org', 'xn--bcher-kva.de'));
    expect(rejected).toEqual([
      { entry: 'not a host', reason: 'not-a-site' },
      { entry: 'chrome://settings', reason: 'not-a-site' },
      { entry: 42, reason: 'not-text' },
      { entry: `${'a'.repeat(250)}.com`, reason: 'too-long' },
    ]);
  });

  it('keeps the mode and leaves the rules it was given alone', () => {
    const before = onlyListed('a.com');
    const { rules } = addRules(before, ['b.com']);
    expect(rules).toEqual(onlyListed('a.com', 'b.com'));
    expect(before).toEqual(onlyListed('a.com'));
  });

  it('makes every key it adds a valid rule', () => {
    const { rules } = addRules(DEFAULT_SITE_RULES, ['Example.com:8080', '[::1]', 'file:///x', '例え.jp']);
    for (const site of rules.sites) expect(ruleKey(site)).toBe(site);
    expect(isListed(rules, 'news.example.com')).toBe(true);
  });
});
