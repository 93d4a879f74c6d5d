import { CandidateReader } from './candidate';
import { aliasKey } from './fold';
import type { MatcherSpec } from './matcher-spec';
import { MentionRun } from './run';
import type { Segments } from './segments';
import { AliasTrie } from './trie';

/** An alias as the matcher needs it: what to find, and whether case matters. */
export interface MatchableAlias {
  text: string;
  match: 'fold' | 'case';
}

export type { MatcherSpec };

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

  /**
   * Whether `word` is the first word of one of the aliases: a capitalised
   * word next to a name is then another mention ("Siri Craig Federighi"), not
   * evidence of someone else's name.
   */
  beginsAlias(word: string): boolean {
    const key = aliasKey(word);
    return this.spec.keys.some((k) => k === key || k.startsWith(`${key} `));
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
