import { anchorSource } from './anchors';
import { aliasKey, isWordUnit } from './fold';
import { unsafeUnitsClass } from './folded-view';
import { type MatchableAlias, Matcher } from './matcher';

/**
 * Everything the page needs to match a set of aliases, prepared once per
 * set where time is cheap (the background) and sent as plain data: the
 * folded keys, the case keys, the anchor RegExp source and the class of
 * units for which native folding cannot be trusted. The page then never
 * folds alias text, nor reads every Unicode unit to build a table.
 */
export interface MatcherSpec<A extends MatchableAlias = MatchableAlias> {
  aliases: A[];
  /** `aliasKey(alias.text)`; empty for an alias that cannot start at a word start. */
  keys: string[];
  /** `aliasKey(alias.text, true)` for `case` aliases, null for the others. */
  caseKeys: (string | null)[];
  /** Source of the anchor RegExp (flag `g`), or null when no alias can match. */
  anchors: string | null;
  /** Source of a RegExp character class (see `unsafeUnitsClass`). */
  unsafe: string;
}

let unsafeClass: string | null = null;

/** Prepares a spec (the background's side). The class of unsafe units is computed once and kept. */
export function compileMatcherSpec<A extends MatchableAlias>(aliases: readonly A[]): MatcherSpec<A> {
  const keys = aliases.map((a) => {
    const key = aliasKey(a.text);
    // A mention starts at a word start: an alias that begins otherwise could never match.
    return key.length > 0 && isWordUnit(key.charCodeAt(0)) ? key : '';
  });
  unsafeClass ??= unsafeUnitsClass(isWordUnit);
  return {
    aliases: [...aliases],
    keys,
    caseKeys: aliases.map((a) => (a.match === 'case' ? aliasKey(a.text, true) : null)),
    anchors: anchorSource(keys),
    unsafe: unsafeClass,
  };
}

/** Spec and matcher in one go, where both sides are the same (tests, the benchmark). */
export function compileMatcher<A extends MatchableAlias>(aliases: readonly A[]): Matcher<A> {
  return Matcher.fromSpec(compileMatcherSpec(aliases));
}
