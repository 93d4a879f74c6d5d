import { anchorSource } from './anchors';
import { CandidateReader } from './candidate';
import { aliasKey, isWordUnit } from './fold';
import { unsafeUnitsClass } from './folded-view';
import { MentionRun } from './run';
import type { Segments } from './segments';
import { AliasTrie } from './trie';

/** An alias as the matcher needs it: what to find, and whether case matters. */
export interface MatchableAlias {
  text: string;
  match: 'fold' | 'case';
}

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

/**
 * A compiled alias set (the page's side). Building it is cheap; the trie is
 * built on the first candidate only, so a page that never shows one never
 * pays for it.
 */
export class Matcher<A extends MatchableAlias = MatchableAlias> {
  readonly aliases: readonly A[];
  private readonly anchors: RegExp | null;
  private readonly unsafe: RegExp;
  private reader: CandidateReader | null = null;

  private constructor(private readonly spec: MatcherSpec<A>) {
    this.aliases = spec.aliases;
    this.anchors = spec.anchors === null ? null : new RegExp(spec.anchors, 'g');
    this.unsafe = new RegExp(`[${spec.unsafe}]`);
  }

  static fromSpec<A extends MatchableAlias>(spec: MatcherSpec<A>): Matcher<A> {
    return new Matcher(spec);
  }

  /** Spec and matcher in one go, where both sides are the same (tests, the benchmark). */
  static compile<A extends MatchableAlias>(aliases: readonly A[]): Matcher<A> {
    return new Matcher(compileMatcherSpec(aliases));
  }

  /** A run over `segs`, read a chunk at a time (see `MentionRun`). */
  run(segs: Segments, chunkUnits?: number): MentionRun {
    return new MentionRun(segs, this.candidateReader, this.anchors, this.unsafe, chunkUnits);
  }

  private readonly candidateReader = (): CandidateReader => {
    this.reader ??= new CandidateReader(
      new AliasTrie(this.spec.keys),
      this.spec.aliases.map((a, i) => ({ match: a.match, caseKey: this.spec.caseKeys[i] })),
    );
    return this.reader;
  };
}
