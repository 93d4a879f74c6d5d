import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEntityRef, localId, scopedRef } from '@/lib/facts/ids';
import { PACK_LIMITS } from '@/lib/facts/limits';
import { readPackData, readPackText } from '@/lib/facts/pack-file';

const PACK = JSON.parse(readFileSync('tests/fixtures/packs/harbor-robotics.json', 'utf8'));
const copy = () => structuredClone(PACK);
const problem = (data: unknown) => {
  const read = readPackData(data);
  if (read.ok) throw new Error('read as valid');
  return read.problem;
};
const paths = (data: unknown) => {
  const p = problem(data);
  return p.kind === 'invalid' ? p.issues.map((i) => i.path) : [p.kind];
};

describe('reading a pack file', () => {
  it('reads the fixture pack', () => {
    expect(readPackData(copy()).ok).toBe(true);
  });

  it('refuses a file over the size limit before reading it as JSON', () => {
    const text = `{"formatVersion":2,"pad":"${'x'.repeat(PACK_LIMITS.fileBytes)}"}`;
    const read = readPackText(text);
    expect(read.ok === false && read.problem.kind).toBe('too-large');
  });

  it('says when the file is not JSON, or of a format it does not read', () => {
    const notJson = readPackText('{ "formatVersion": 2, ');
    expect(notJson.ok === false && notJson.problem.kind).toBe('not-json');
    expect(problem({ ...copy(), formatVersion: 9 })).toMatchObject({ kind: 'format', found: '9' });
    expect(paths([])).toEqual(['(root)']);
  });

  it('refuses too many entities, facts or aliases from their counts alone', () => {
    const many = { ...copy(), entities: Array.from({ length: PACK_LIMITS.entities + 1 }, () => ({})) };
    expect(problem(many)).toMatchObject({ kind: 'invalid', issues: [{ path: 'entities', type: 'limit' }] });
    const facts = { ...copy(), facts: Array.from({ length: PACK_LIMITS.facts + 1 }, () => ({})) };
    expect(paths(facts)).toEqual(['facts']);
    const aliases = copy();
    const per = Math.ceil((PACK_LIMITS.aliases + 1) / aliases.entities.length);
    for (const e of aliases.entities) e.aliases = Array.from({ length: per }, () => ({}));
    expect(problem(aliases)).toMatchObject({ issues: [{ path: 'entities', type: 'limit' }] });
  });

  it('enforces every length limit through the schema, naming the path', () => {
    const long = (n: number) => 'a'.repeat(n + 1);
    const cases: [string, (p: typeof PACK) => void][] = [
      ['entities.0.id', (p) => (p.entities[0].id = long(PACK_LIMITS.idLength))],
      ['entities.0.aliases.0.text', (p) => (p.entities[0].aliases[0].text = long(PACK_LIMITS.aliasLength))],
      ['entities.0.name.en', (p) => (p.entities[0].name.en = long(PACK_LIMITS.nameLength))],
      ['facts.0.text.fr', (p) => (p.facts[0].text.fr = long(PACK_LIMITS.textLength))],
      ['version', (p) => (p.version = long(PACK_LIMITS.versionLength))],
    ];
    for (const [path, change] of cases) {
      const data = copy();
      change(data);
      expect(paths(data), path).toContain(path);
    }
  });

  it('refuses a source link that is not https, and fields the format does not have', () => {
    const data = copy();
    data.source.url = 'javascript:alert(1)';
    data.entities[1].secret = 1;
    const found = paths(data);
    expect(found).toContain('source.url');
    expect(found).toContain('entities.1.secret');
  });
});

describe('references scoped by pack', () => {
  it('keeps the bundled pack’s ids bare and scopes every other pack’s', () => {
    expect(scopedRef('bundled', 'siri', 'bundled')).toBe('siri');
    expect(scopedRef('harbor', 'siri', 'bundled')).toBe('harbor:siri');
    expect(localId('harbor:siri')).toBe('siri');
    expect(localId('siri')).toBe('siri');
  });

  it('accepts kebab-case parts of at most 48 characters, one colon at most', () => {
    expect(isEntityRef(`${'p'.repeat(48)}:${'e'.repeat(48)}`)).toBe(true);
    for (const bad of [`${'p'.repeat(49)}:e`, 'a:b:c', 'A:b', ':b', 'a:', 'a--b', ''])
      expect(isEntityRef(bad), bad).toBe(false);
  });
});
