/**
 * Ids of packs, entities and facts, and the references that scope an
 * entity or fact id by its pack. Plain code without the schema library:
 * the content script checks references with it too.
 *
 * An id is kebab-case, at most 48 characters. Where packs meet (cards,
 * highlights, mention counts, muted names, lists) an entity is named by a
 * reference `<packId>:<entityId>`, at most 97 characters, so that it fits
 * every limit made for the 100-character ids of before (messages, the
 * synced list of muted names). The bundled pack's entities keep their bare
 * ids: names muted before packs existed still name them, and a reference
 * without a colon is always one of the bundled pack's.
 */

export const MAX_ID_LENGTH = 48;

/** The id of the pack shipped with the extension (seeds/fact-base.json; a test keeps them equal). */
export const BUNDLED_PACK_ID = 'apple-ai-team-2025-07';
export const MAX_REF_LENGTH = MAX_ID_LENGTH * 2 + 1;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REF_PATTERN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/** Whether `value` can name an entity: a bare id, or a pack id and an id joined by a colon, each part an id. */
export function isEntityRef(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_REF_LENGTH || !REF_PATTERN.test(value)) return false;
  const colon = value.indexOf(':');
  return colon < 0
    ? value.length <= MAX_ID_LENGTH
    : colon <= MAX_ID_LENGTH && value.length - colon - 1 <= MAX_ID_LENGTH;
}

/** The reference of a pack's entity (or fact): bare for the bundled pack, `<pack>:<id>` for every other. */
export function scopedRef(packId: string, id: string, bundledId: string): string {
  return packId === bundledId ? id : `${packId}:${id}`;
}

/** The id inside a reference, without its pack. */
export function localId(ref: string): string {
  return ref.slice(ref.indexOf(':') + 1);
}
