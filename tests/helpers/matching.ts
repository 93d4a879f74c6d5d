import type { MatchableAlias, Matcher } from '@/lib/text/matcher';
import type { SegmentMatch, Separator } from '@/lib/text/segments';
import { arraySegments } from '@/lib/text/segments';

/** Every mention of a run of segments, read to its end. */
export function runToEnd(
  matcher: Matcher,
  texts: readonly string[],
  separators: readonly Separator[] = [],
  chunkUnits?: number,
): SegmentMatch[] {
  const run = matcher.run(arraySegments(texts, separators), chunkUnits);
  const found: SegmentMatch[] = [];
  while (!run.finished) found.push(...run.step());
  return found;
}

/** All mentions in one string, as [start, end) offsets. */
export function findAll<A extends MatchableAlias>(
  matcher: Matcher<A>,
  text: string,
): { alias: number; start: number; end: number }[] {
  return runToEnd(matcher as unknown as Matcher, [text]).map(({ alias, start, end }) => ({
    alias,
    start: start.offset,
    end: end.offset,
  }));
}
