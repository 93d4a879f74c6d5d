import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { Category } from '@/lib/facts/schema';
import type { Mention } from '@/lib/page/mention';

/** An alias of `entityId`, for mentions built by hand (tests of what consumes mentions, not of the scan). */
export const aliasOf = (entityId: string, category: Category = 'subject', text: string = entityId): AliasSpec => ({
  text,
  match: 'fold',
  afterFullName: false,
  entityId,
  category,
});

/** A mention of `alias` over the `nth` occurrence (from 0) of `word` in `node`. */
export function mentionOf(node: Text, word: string, alias: AliasSpec, nth = 0): Mention {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = node.data.indexOf(word, at + 1);
    if (at === -1) throw new Error(`fixture: no occurrence ${nth} of "${word}" in "${node.data}"`);
  }
  return {
    alias,
    startNode: node,
    startOffset: at,
    endNode: node,
    endOffset: at + word.length,
    block: node.parentNode ?? node,
  };
}
