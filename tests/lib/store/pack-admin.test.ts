import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackText } from '@/lib/facts/pack-file';
import type { FactBase } from '@/lib/facts/schema';
import { openFactDb } from '@/lib/store/fact-db';
import { FactStore } from '@/lib/store/fact-store';
import { exportPack, importPack, listPacks, removePack } from '@/lib/store/pack-admin';
import { SAMPLE_HASH, sampleBase } from '@/tests/helpers/sample-base';

// Read from the working directory: the DOM test environment gives modules an http URL.
const PACK_TEXT = readFileSync('tests/fixtures/packs/harbor-robotics.json', 'utf8');
const INVALID_TEXT = readFileSync('tests/fixtures/packs/invalid-pack.json', 'utf8');
const pack = (): FactBase => {
  const read = readPackText(PACK_TEXT);
  if (!read.ok) throw new Error('the fixture pack does not validate');
  return read.base;
};

let stores: FactStore[] = [];
function newStore(): FactStore {
  const store = new FactStore(sampleBase(), SAMPLE_HASH, {
    open: () => openFactDb({ timeoutMs: 1000 }),
    log: () => {},
  });
  stores.push(store);
  return store;
}
const ids = async (store: FactStore) => (await listPacks(store, [])).packs.map((p) => p.id);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  stores = [];
});
afterEach(async () => {
  for (const s of stores) (await s.connection())?.close();
});

describe('importPack and exportPack', () => {
  it('installs a valid pack beside the bundled one, and exports a file that reads back as the same pack', async () => {
    const store = newStore();
    const outcome = await importPack(store, PACK_TEXT);
    expect(outcome.status).toBe('installed');
    expect(await ids(store)).toEqual([sampleBase().id, 'harbor-robotics-2024-03']);
    const file = await exportPack(store, 'harbor-robotics-2024-03');
    expect(file?.fileName).toBe('harbor-robotics-2024-03-2024.03.1.json');
    const again = readPackText(file?.text ?? '');
    expect(again.ok && again.base).toEqual(pack());
  });

  it('gives back an equivalent pack after import then export, whatever its names, texts and version', async () => {
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ version: fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,3}){0,3}$/), name: text, fact: text }),
        async ({ version, name, fact }) => {
          globalThis.indexedDB = new IDBFactory();
          const store = newStore();
          const base = pack();
          const changed: FactBase = {
            ...base,
            version,
            name: { en: name, fr: name },
            facts: base.facts.map((f, i) => (i === 0 ? { ...f, text: { en: fact, fr: fact } } : f)),
          };
          const read = readPackText(JSON.stringify(changed));
          // The schema may trim or refuse a generated string; what it accepts must come back whole.
          fc.pre(read.ok);
          const accepted = (read as { base: FactBase }).base;
          expect((await importPack(store, JSON.stringify(changed))).status).toBe('installed');
          const file = await exportPack(store, base.id);
          const back = readPackText(file?.text ?? '');
          expect(back.ok && back.base).toEqual(accepted);
          (await store.connection())?.close();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses an invalid file, names its problems, and changes nothing', async () => {
    const store = newStore();
    await importPack(store, PACK_TEXT);
    const outcome = await importPack(store, INVALID_TEXT);
    expect(outcome.status).toBe('invalid');
    const paths = outcome.status === 'invalid' && outcome.problem.kind === 'invalid' ? outcome.problem.issues : [];
    expect(paths.map((i) => i.path)).toContain('entities.0.id');
    expect(await ids(store)).toEqual([sampleBase().id, 'harbor-robotics-2024-03']);
  });

  it('updates to a newer version, and asks before replacing with an older or the same one', async () => {
    const store = newStore();
    await importPack(store, PACK_TEXT);
    const withVersion = (version: string) => JSON.stringify({ ...pack(), version });
    const same = await importPack(store, PACK_TEXT);
    expect(same).toMatchObject({ status: 'confirm', same: true });
    expect(await importPack(store, withVersion('2024.03.0'))).toMatchObject({ status: 'confirm', same: false });
    // Compared as people read numbers: .10 comes after .2.
    expect((await importPack(store, withVersion('2024.03.10'))).status).toBe('updated');
    expect((await importPack(store, withVersion('2024.03.2'), { replace: true })).status).toBe('replaced');
    const file = await exportPack(store, 'harbor-robotics-2024-03');
    expect(file?.fileName).toBe('harbor-robotics-2024-03-2024.03.2.json');
  });

  it('removes an imported pack and its records, but never the bundled one', async () => {
    const store = newStore();
    await importPack(store, PACK_TEXT);
    expect(await removePack(store, sampleBase().id)).toEqual({ status: 'bundled' });
    expect(await removePack(store, 'harbor-robotics-2024-03')).toEqual({ status: 'removed' });
    expect(await ids(store)).toEqual([sampleBase().id]);
    expect(await exportPack(store, 'harbor-robotics-2024-03')).toBeNull();
  });
});
