import type { AliasSpec } from '@/lib/facts/alias-spec';

/** One mention found in the page: where it is and which alias of which entity it matched. */
export interface Mention {
  alias: AliasSpec;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The block the mention lives in; a change inside it re-scans it. */
  block: Node;
  /** Someone else's name the alias is part of ("Mei Pang"): never shown, kept for coreference. */
  otherName?: boolean;
  /** What the words near a bare given name say it is (see `ContextRules`). */
  cue?: 'entity' | 'person';
}
