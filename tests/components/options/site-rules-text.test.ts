import { describe, expect, it } from 'vitest';
import { importReport, readSiteInput, SITE_MODES } from '@/components/options/site-rules-text';
import type { RejectedEntry } from '@/lib/ext/site-rules';

const notSites = (...entries: unknown[]): RejectedEntry[] =>
  entries.map((entry) => ({ entry, reason: typeof entry === 'string' ? 'not-a-site' : 'not-text' }));

describe('readSiteInput', () => {
  it('answers the rule key of a site typed in any form', () => {
    expect(readSiteInput('en', '  https://WWW.News.org:8080/page ')).toEqual({ key: 'news.org' });
    expect(readSiteInput('en', 'bücher.de')).toEqual({ key: 'xn--bcher-kva.de' });
  });

  it('asks for a site when nothing but spaces was typed', () => {
    expect(readSiteInput('en', '   ')).toEqual({ error: 'Type a site to add.' });
    expect(readSiteInput('fr', '')).toEqual({ error: 'Saisissez un site à ajouter.' });
  });

  it('quotes what is not a site, trimmed, in the language of the page', () => {
    expect(readSiteInput('en', ' not a host ')).toEqual({
      error: '“not a host” is not a site. Type a domain such as example.com, a page address, an IP address or file://.',
    });
    expect(readSiteInput('fr', 'pas un site')).toEqual({
      error:
        '« pas un site » n’est pas un site. Saisissez un domaine comme example.com, l’adresse d’une page, une adresse IP ou file://.',
    });
  });

  it('cuts a long paste to 80 characters', () => {
    const read = readSiteInput('en', `${'word '.repeat(16)}and more`);
    expect(read).toEqual({ error: expect.stringMatching(/^“(word ){16}…” is not a site\./) });
    expect(readSiteInput('en', `${'x y '.repeat(20)}`)).toEqual({
      error: expect.stringMatching(/^“(x y ){19}x y” is not a site\./),
    });
  });
});

describe('importReport', () => {
  const outcome = {
    fileName: 'sites.json',
    added: 2,
    rejected: [] as RejectedEntry[],
    fileMode: undefined,
    currentMode: 'all-except-listed',
  } as const;

  it('counts the sites added, in the language’s plural and number format', () => {
    expect(importReport('en', outcome)).toBe('sites.json: 2 new sites added.');
    expect(importReport('en', { ...outcome, added: 1 })).toBe('sites.json: 1 new site added.');
    expect(importReport('en', { ...outcome, added: 0 })).toBe('sites.json: 0 new sites added.');
    expect(importReport('en', { ...outcome, added: 1234 })).toBe('sites.json: 1,234 new sites added.');
    expect(importReport('fr', { ...outcome, added: 0 })).toBe('sites.json : 0 nouveau site ajouté.');
    expect(importReport('fr', { ...outcome, added: 1234 })).toMatch(/^sites\.json : 1\s234 nouveaux sites ajoutés\.$/);
  });

  it('names the entries skipped, quoted as each language quotes', () => {
    const rejected = [...notSites('not a host', 42), { entry: 'a'.repeat(300), reason: 'too-long' as const }];
    expect(importReport('en', { ...outcome, rejected })).toBe(
      `sites.json: 2 new sites added. Skipped: “not a host” (not a site), “42” (not text), and “${'a'.repeat(60)}…” (longer than 253 characters).`,
    );
    expect(importReport('fr', { ...outcome, rejected: rejected.slice(0, 2) })).toBe(
      'sites.json : 2 nouveaux sites ajoutés. Ignorés : « not a host » (pas un site) et « 42 » (pas du texte).',
    );
  });

  it('names five skipped entries at most, counts the rest, and cuts long ones to 60 characters', () => {
    const rejected = notSites('a b', 'c d', 'e f', 'g h', `${'x'.repeat(61)} y`, 'i j', 'k l');
    const reason = ' (not a site)';
    expect(importReport('en', { ...outcome, rejected })).toBe(
      `sites.json: 2 new sites added. Skipped: “a b”${reason}, “c d”${reason}, “e f”${reason}, “g h”${reason}, “${'x'.repeat(60)}…”${reason}, and 2 more.`,
    );
  });

  it('says the file’s mode was not applied, only when it differs from the current one', () => {
    expect(importReport('en', { ...outcome, fileMode: 'only-listed' })).toBe(
      'sites.json: 2 new sites added. ' +
        'The file was exported with “Only on the sites listed”; your own choice above is unchanged.',
    );
    expect(importReport('en', { ...outcome, fileMode: 'all-except-listed' })).toBe('sites.json: 2 new sites added.');
    expect(importReport('fr', { ...outcome, currentMode: 'only-listed', fileMode: 'all-except-listed' })).toBe(
      'sites.json : 2 nouveaux sites ajoutés. ' +
        'Le fichier a été exporté avec « Partout, sauf sur les sites de la liste » ; votre choix ci-dessus ne change pas.',
    );
  });
});

describe('importReport with muted names', () => {
  it('counts the muted names added, in each language’s plural', () => {
    const outcome = { fileName: 'f.json', added: 0, rejected: [], fileMode: undefined, currentMode: null };
    expect(importReport('en', { ...outcome, mutedAdded: 1 })).toBe('f.json: 0 new sites added. 1 muted name added.');
    expect(importReport('fr', { ...outcome, mutedAdded: 2 })).toBe(
      'f.json : 0 nouveau site ajouté. 2 noms masqués ajoutés.',
    );
  });
});

describe('SITE_MODES', () => {
  it('lists both modes, everywhere-except first', () => {
    expect(SITE_MODES.map((m) => m.value)).toEqual(['all-except-listed', 'only-listed']);
  });
});
