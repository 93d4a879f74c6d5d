import type { AliasSpec } from '@/lib/facts/alias-spec';
import { contextOf } from '@/lib/text/context';
import { judgeContext, type Situation } from '@/lib/text/context-rules';
import type { Matcher } from '@/lib/text/matcher';
import type { SegmentMatch } from '@/lib/text/segments';
import { blockOf, isInsideSkipped } from './dom-blocks';
import type { Mention } from './mention';
import { type ScanRoot, walkRootOf } from './scan-root';
import { type StreamOptions, TextStream } from './text-stream';
import type { TimeSlicer } from './time-slice';

export type { Mention };

export interface ScanOptions extends StreamOptions {
  /** Yields to the page whenever a slice is spent; without one the scan runs to the end at once. */
  slicer?: TimeSlicer;
  /** Text the reader cannot see is not marked; checked only where a mention was found. */
  isHidden?: (element: Element) => boolean;
  /** Stops the scan early (the site was switched off, the page left). */
  cancelled?: () => boolean;
  /** Mentions wanted at most: the scan ends (complete) once it has found that many. */
  limit?: number;
}

export interface ScanResult {
  mentions: Mention[];
  /** False when the scan stopped early: cancelled, or the part of the page it was in was removed meanwhile. */
  complete: boolean;
}

/** Text that a user may edit or cannot see is never marked. */
export function defaultIsHidden(element: Element): boolean {
  const el = element as HTMLElement;
  if (el.isContentEditable || el.closest('[contenteditable]:not([contenteditable="false"]), [hidden]')) return true;
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length === 0;
}

/**
 * Reads the text under `root` once and finds its mentions (see
 * `MentionRun`): the walk collects text nodes, the matcher searches them a
 * chunk at a time, and only found mentions cost DOM work (visibility, their
 * block). Yields whenever the slicer's time is spent.
 */
export async function scanSubtree(
  root: ScanRoot,
  matcher: Matcher<AliasSpec>,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const { slicer, cancelled } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const isHidden = options.isHidden ?? defaultIsHidden;
  const mentions: Mention[] = [];
  // A root that is itself skipped, or inside skipped or excluded content (a block a script put in a
  // <noscript>, a part of the extension's own UI), holds nothing to mark.
  const walkRoot = walkRootOf(root);
  if (!walkRoot || isInsideSkipped(walkRoot, options.isExcluded)) return { mentions, complete: true };
  const stream = new TextStream(root, options);
  const run = matcher.run(stream);
  const keep = (found: SegmentMatch[]) => {
    for (const m of found) {
      const mention = judged(stream, m, toMention(stream, matcher, m), matcher);
      if (mention && mentions.length < limit && isVisible(mention, isHidden)) mentions.push(mention);
    }
  };
  const due = () => Boolean(cancelled?.() || slicer?.due());
  // Gives the page its turn; false when the scan must stop (cancelled, or what it walked was changed).
  const pause = async () => {
    if (cancelled?.() || !slicer) return !cancelled?.();
    await slicer.next();
    return !cancelled?.() && stream.isIntact();
  };
  while (!run.finished && mentions.length < limit) {
    while (!stream.fill(run.nextEnd, due)) if (!(await pause())) return { mentions, complete: false };
    keep(run.step());
    if (slicer?.due() && !run.finished && !(await pause())) return { mentions, complete: false };
  }
  return { mentions, complete: true };
}

function toMention(stream: TextStream, matcher: Matcher<AliasSpec>, m: SegmentMatch): Mention {
  const startNode = stream.node(m.start.segment);
  return {
    alias: matcher.aliases[m.alias] as AliasSpec,
    startNode,
    startOffset: m.start.offset,
    endNode: stream.node(m.end.segment),
    endOffset: m.end.offset,
    block: blockOf(startNode),
  };
}

/**
 * The mention as the words around it make it (see `judgeContext`): itself,
 * marked as someone else's name, or nothing (another word, an identifier).
 */
function judged(
  stream: TextStream,
  match: SegmentMatch,
  mention: Mention,
  matcher: Matcher<AliasSpec>,
): Mention | null {
  const rules = mention.alias.context;
  const where: Situation = rules?.commonWordIn ? languageAt(mention) : {};
  if (rules?.otherNameBefore || rules?.otherNameAfter) {
    where.inHeading = isHeading(mention.block);
    where.beginsAlias = (word) => matcher.beginsAlias(word);
  }
  const verdict = judgeContext(rules, contextOf(stream, match), where);
  if (verdict.kind === 'not-a-mention') return null;
  if (verdict.kind === 'other-name') mention.otherName = true;
  else if (verdict.cue) mention.cue = verdict.cue;
  return mention;
}

function isHeading(block: Node): boolean {
  return block.nodeType === 1 && /^H[1-6]$/.test((block as Element).tagName);
}

/** The language of the text at a mention, and whether the mention opens an element of its own language. */
function languageAt(m: Mention): Situation {
  const tagged = holderOf(m.startNode)?.closest('[lang]');
  if (!tagged) return { lang: null };
  const doc = tagged.ownerDocument;
  const isRoot = tagged === doc.documentElement || tagged === doc.body;
  return { lang: tagged.getAttribute('lang'), opensPhrase: !isRoot && nothingReadBefore(tagged, m) };
}

/** Whether no letter or digit stands in `element` before the mention (read backwards, so it stops at once). */
function nothingReadBefore(element: Element, m: Mention): boolean {
  const word = /[\p{L}\p{N}]/u;
  if (word.test(m.startNode.data.slice(0, m.startOffset))) return false;
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  walker.currentNode = m.startNode;
  for (let n = walker.previousNode(); n; n = walker.previousNode()) if (word.test((n as Text).data)) return false;
  return true;
}

function isVisible(m: Mention, isHidden: (element: Element) => boolean): boolean {
  const start = holderOf(m.startNode);
  const end = holderOf(m.endNode);
  return Boolean(start && end && !isHidden(start) && (end === start || !isHidden(end)));
}

/**
 * The element whose visibility decides a text node's: its parent, or the
 * host when the text sits directly in a shadow root; null once detached.
 */
function holderOf(text: Text): Element | null {
  return text.parentElement ?? (text.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}
