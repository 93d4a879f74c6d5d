// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { migrateFactBase, packId, sourceLabel } from '@/lib/facts/migrate';
import { parseFactBase } from '@/lib/facts/schema';
import seed from '@/seeds/fact-base.json';
import v1 from '@/tests/fixtures/fact-base-v1.json';

const fresh = () => structuredClone(v1) as unknown as Record<string, unknown> & typeof v1;

describe('migrateFactBase from format 1 (the seed as it was before format 2)', () => {
  const migrated = migrateFactBase(v1);

  it('returns a base the current schema accepts', () => {
    expect(parseFactBase(migrated)).toEqual(migrated);
    expect(migrated.formatVersion).toBe(2);
    expect(migrated.version).toBe(v1.version);
  });

  it('derives the pack id from the old title, and names the pack with it', () => {
    // Ids are at most 48 characters (lib/facts/ids.ts): cut at a word boundary.
    expect(migrated.id).toBe('tensions-in-apples-ai-team-over-open-sourcing');
    expect(migrated.name).toEqual(v1.source.title);
  });

  it('keeps what was known of the source, claims no title for it, and labels it from the old fields', () => {
    expect(migrated.source).toEqual({
      language: 'fr',
      date: '2025-07',
      relays: 'The Information',
      label: {
        en: 'French-language article, July 2025, relaying The Information',
        fr: 'Article en français, juillet 2025, relayant The Information',
      },
      paragraphs: 9,
      sections: [],
    });
  });

  it('keeps every paragraph number of the claims, and drops the citation of background facts', () => {
    expect(migrated.facts.map((f) => f.id)).toEqual(v1.facts.map((f) => f.id));
    v1.facts.forEach((old, i) => {
      const now = migrated.facts[i];
      if (old.background) {
        expect(now?.background, old.id).toBe(true);
        expect(now?.paragraph, old.id).toBeUndefined();
      } else {
        expect(now?.paragraph, old.id).toBe(old.paragraph);
      }
      expect(now?.text, old.id).toEqual(old.text);
      expect(now?.entities, old.id).toEqual(old.entities);
    });
  });

  it('keeps entities and summary as they were, descriptions not marked as background', () => {
    expect(migrated.summary).toEqual(v1.summary);
    expect(migrated.entities.map((e) => e.id)).toEqual(v1.entities.map((e) => e.id));
    for (const e of migrated.entities) expect(e.descriptionBackground, e.id).toBe(false);
  });

  it('uses the fallback id when the title yields none', () => {
    const base = fresh();
    base.source.title = { en: '苹果', fr: '苹果' };
    expect(migrateFactBase(base, { fallbackId: 'my-pack' }).id).toBe('my-pack');
    expect(migrateFactBase(base).id).toBe('imported-fact-pack');
  });

  it('refuses a broken format-1 file, saying where', () => {
    const base = fresh();
    delete (base.source as Partial<typeof base.source>).reporting;
    expect(() => migrateFactBase(base)).toThrow(/Invalid fact base \(format 1\):\nsource\.reporting/);
    const facts = fresh();
    (facts.facts[0] as { paragraph: unknown }).paragraph = 99;
    expect(() => migrateFactBase(facts)).toThrow(/facts\.0\.paragraph: past the source's last paragraph \(9\)/);
  });
});

describe('migrateFactBase with other formats', () => {
  it('only validates a current base', () => {
    expect(migrateFactBase(seed)).toEqual(parseFactBase(seed));
  });

  it('refuses an unknown format, or no format at all', () => {
    for (const data of [{ ...v1, formatVersion: 3 }, { ...v1, formatVersion: undefined }, null, 'text']) {
      expect(() => migrateFactBase(data)).toThrow(/formatVersion: .* is not a format this version can read/);
    }
  });
});

describe('packId', () => {
  it('makes a kebab-case id of a title, accents, apostrophes and punctuation aside', () => {
    expect(packId('Tensions dans l’équipe IA d’Apple !')).toBe('tensions-dans-lequipe-ia-dapple');
    expect(packId("  Apple's AI team — 2025  ")).toBe('apples-ai-team-2025');
  });

  it('cuts a long title at a word boundary', () => {
    const id = packId('word '.repeat(40)) ?? '';
    expect(id.length).toBeLessThanOrEqual(48);
    expect(id.endsWith('word')).toBe(true);
  });

  it('returns null when nothing usable is left', () => {
    expect(packId('—!?')).toBeNull();
    expect(packId('')).toBeNull();
  });
});

describe('sourceLabel', () => {
  it('names the language in each language, and leaves out what is not known', () => {
    expect(sourceLabel({ language: 'en', date: '2024-12-03' })).toEqual({
      en: 'English-language article, December 3, 2024',
      fr: 'Article en anglais, 3 décembre 2024',
    });
  });
});
