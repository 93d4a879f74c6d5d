import { isEntityRef } from '@/lib/facts/ids';
import { InvalidMessageError } from './messages';

/*
 * Checks of the messages a tab's content script answers. They are written
 * out rather than taken from the valibot schemas in `messages.ts` so that
 * the script loaded into every frame does not carry the schema library:
 * each message has one small, fixed shape.
 */

function fields(type: string, data: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InvalidMessageError(type, 'not an object');
  const record = data as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => !keys.includes(k));
  if (extra.length > 0) throw new InvalidMessageError(type, `unknown keys ${extra.join(', ')}`);
  return record;
}

export function readDirection(data: unknown): 'next' | 'previous' {
  const { direction } = fields('navigateMention', data, ['direction']);
  if (direction !== 'next' && direction !== 'previous') throw new InvalidMessageError('navigateMention', 'direction');
  return direction;
}

export function readEntityId(data: unknown): string {
  const { entityId } = fields('revealEntity', data, ['entityId']);
  if (!isEntityRef(entityId)) throw new InvalidMessageError('revealEntity', 'entityId');
  return entityId;
}

export function readNothing(type: string, data: unknown): void {
  if (data !== undefined && data !== null) throw new InvalidMessageError(type, 'expected no data');
}
