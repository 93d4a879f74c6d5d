import * as v from 'valibot';
import { isEntityRef, isId } from '@/lib/facts/ids';
import { PACK_LIMITS } from '@/lib/facts/limits';
import { InvalidMessageError, type ProtocolMap } from './messages';

// Apart from the protocol (./messages.ts): only the background validates, and the content script,
// which runs in every frame, does not bundle the validator to send its messages.

/** An entity reference, bare or scoped by its pack: the one rule, in lib/facts/ids.ts. */
const EntityRef = v.pipe(
  v.string(),
  v.check((s: string) => isEntityRef(s), 'not an entity reference'),
);
const EntityRequest = v.strictObject({ entityId: EntityRef });
const PackRequest = v.strictObject({
  id: v.pipe(
    v.string(),
    v.check((s: string) => isId(s), 'not a pack id'),
  ),
});

/** Input schemas, one per message; anything else is refused before a handler runs. */
export const MessageInput = {
  getSummary: v.optional(v.union([v.undefined(), v.null()])),
  getCard: EntityRequest,
  getFacts: EntityRequest,
  search: v.strictObject({ query: v.pipe(v.string(), v.maxLength(200)) }),
  getPageSetup: v.strictObject({ site: v.nullable(v.pipe(v.string(), v.maxLength(300))) }),
  getTabMentions: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  getFactBaseInfo: v.optional(v.union([v.undefined(), v.null()])),
  rebuildCache: v.optional(v.union([v.undefined(), v.null()])),
  getPageInfo: v.optional(v.union([v.undefined(), v.null()])),
  setEntityMuted: v.strictObject({ entityId: EntityRef, muted: v.boolean() }),
  listPacks: v.optional(v.union([v.undefined(), v.null()])),
  // Characters, not bytes: the handler measures the bytes (and refuses a larger file) before parsing.
  importPack: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(PACK_LIMITS.fileBytes)),
    replace: v.optional(v.boolean()),
  }),
  removePack: PackRequest,
  exportPack: PackRequest,
  snoozeSite: v.strictObject({
    site: v.pipe(v.string(), v.maxLength(300)),
    until: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  reportMentions: v.strictObject({
    counts: v.pipe(
      v.record(EntityRef, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7))),
      v.check((c) => Object.keys(c).length <= 1000, 'too many entities'),
    ),
    limit: v.optional(v.picklist(['none', 'highlights', 'counts'])),
  }),
  navigateMention: v.strictObject({ direction: v.picklist(['next', 'previous']) }),
  revealEntity: EntityRequest,
} satisfies Record<keyof ProtocolMap, v.GenericSchema>;

export function validateInput<K extends keyof ProtocolMap>(
  type: K,
  data: unknown,
): v.InferOutput<(typeof MessageInput)[K]> {
  const result = v.safeParse(MessageInput[type], data);
  if (!result.success) throw new InvalidMessageError(type, result.issues.map((i) => i.message).join('; '));
  return result.output as v.InferOutput<(typeof MessageInput)[K]>;
}
