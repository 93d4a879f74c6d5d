import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { PackInfo } from '@/lib/store/pack-admin';

/**
 * What is known of the imported packs outside IndexedDB: their names,
 * versions, sources and sizes, in `storage.local`, written by the
 * background after each import or removal. Two uses: the options page can
 * still name the imported packs when IndexedDB cannot be opened (they are
 * then listed as unavailable), and writing it is a storage change, which
 * every frame listens to (it asks for its setup again): IndexedDB writes
 * fire no such event.
 */
export interface PackIndex {
  /** Counts every change, so that an import of the same pack again is a change too. */
  revision: number;
  packs: PackInfo[];
}

export const packIndexItem = storage.defineItem<PackIndex>('local:packIndex', {
  fallback: { revision: 0, packs: [] },
});

const IndexShape = v.object({
  revision: v.number(),
  packs: v.array(
    v.looseObject({
      id: v.string(),
      name: v.object({ en: v.string(), fr: v.string() }),
      version: v.string(),
    }),
  ),
});

/** The index as stored, or an empty one when it is missing or damaged (it only ever names packs). */
export async function readPackIndex(): Promise<PackIndex> {
  try {
    const parsed = v.safeParse(IndexShape, await packIndexItem.getValue());
    return parsed.success ? (parsed.output as unknown as PackIndex) : { revision: 0, packs: [] };
  } catch {
    return { revision: 0, packs: [] };
  }
}

/** Stores the imported packs' index, one revision later. */
export async function writePackIndex(packs: PackInfo[]): Promise<void> {
  const current = await readPackIndex();
  await packIndexItem.setValue({ revision: current.revision + 1, packs });
}
