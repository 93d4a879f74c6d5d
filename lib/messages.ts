import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { EntityCard, SearchHit } from './fact-query';
import type { Fact } from './fact-schema';
import type { Served, SummaryData } from './fact-store';

/** The one protocol between the background (which answers) and content scripts and pages (which ask). */
export interface ProtocolMap {
  getSummary(): Served<SummaryData>;
  getCard(data: { entityId: string }): Served<EntityCard>;
  getFacts(data: { entityId: string }): Served<Fact[]>;
  search(data: { query: string }): Served<SearchHit[]>;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

const EntityRequest = v.strictObject({ entityId: v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9-]+$/)) });

/** Input schemas, one per message; anything else is refused before a handler runs. */
export const MessageInput = {
  getSummary: v.optional(v.union([v.undefined(), v.null()])),
  getCard: EntityRequest,
  getFacts: EntityRequest,
  search: v.strictObject({ query: v.pipe(v.string(), v.maxLength(200)) }),
} satisfies Record<keyof ProtocolMap, v.GenericSchema>;

export class InvalidMessageError extends Error {
  constructor(type: string, detail: string) {
    super(`Invalid ${type} message: ${detail}`);
    this.name = 'InvalidMessageError';
  }
}

export function validateInput<K extends keyof ProtocolMap>(
  type: K,
  data: unknown,
): v.InferOutput<(typeof MessageInput)[K]> {
  const result = v.safeParse(MessageInput[type], data);
  if (!result.success) throw new InvalidMessageError(type, result.issues.map((i) => i.message).join('; '));
  return result.output as v.InferOutput<(typeof MessageInput)[K]>;
}

/** Only the extension's own pages and content scripts may ask; anything else is refused. */
export function isOwnSender(sender: { id?: string } | undefined, extensionId: string): boolean {
  return sender?.id === extensionId;
}
