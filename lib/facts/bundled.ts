import raw from '@/seeds/fact-base.json';
import { contentHash } from './content-hash';
import { type FactBase, parseFactBase } from './schema';

/** The fact base shipped with the extension, validated once where it is first used. */
export function loadBundledFactBase(): { base: FactBase; hash: string } {
  const base = parseFactBase(raw);
  return { base, hash: contentHash(base) };
}
