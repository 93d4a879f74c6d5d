import { blockAround, isBlock, SKIPPED_TAGS } from './dom-blocks';
import { type ScanRoot, SiblingRun } from './scan-root';
import type { TimeSlicer } from './time-slice';

/** What a batch of page changes asks the annotator to do. */
export interface Changes {
  /** Roots to read again (blocks, shadow roots, new elements, runs of new inline elements). */
  dirty: Set<ScanRoot>;
  /** Nodes the page took out (or moved): their mentions go, even when nothing needs a re-scan. */
  removed: Set<Node>;
}

type IsExcluded = ((element: Element) => boolean) | undefined;

/** Records read between two looks at the clock. */
const CHECK_EVERY = 256;

/**
 * Turns mutation records into roots to re-scan, in time slices and in
 * linear time: every test here looks at a node and its ancestors or its
 * nearest siblings, never at the other records.
 */
export class MutationReader {
  /** Whether a node is inside content never scanned; shared by the records of a batch. */
  private skipped = new Map<Node, boolean>();

  constructor(private readonly isExcluded: IsExcluded) {}

  async read(records: readonly MutationRecord[], into: Changes, slicer: TimeSlicer): Promise<void> {
    this.skipped = new Map();
    const added = new Set<Node>();
    for (let i = 0; i < records.length; i++) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && slicer.due()) await slicer.next();
      this.readRecord(records[i] as MutationRecord, into, added);
    }
    // What the page put in, as runs of new siblings in the page as it is now (judged one by one,
    // two new blocks side by side would each hide the text beyond the other).
    const seen = new Set<Node>();
    let count = 0;
    for (const node of added) {
      if (++count % CHECK_EVERY === 0 && slicer.due()) await slicer.next();
      if (!seen.has(node)) this.readRun(node, added, seen, into);
    }
  }

  private readRecord(record: MutationRecord, into: Changes, added: Set<Node>): void {
    const target = record.target;
    // Content never scanned (styles that CSS-in-JS rewrites, scripts, the title, the extension's
    // own UI) holds no mention and joins no text: re-scanning around it would re-read the page.
    if (this.isSkipped(target)) return;
    if (record.type === 'characterData') {
      into.dirty.add(blockAround(target));
      return;
    }
    for (const node of record.addedNodes) if (!isInert(node, this.isExcluded)) added.add(node);
    // What the page took out: its mentions go. The text left around it must be read again when it
    // may now join or part, or end or start a word differently: when text stands on both sides, or
    // when what went held text of its own and text stands on one side.
    let removedText = false;
    let removedAny = false;
    for (const removed of record.removedNodes) {
      if (isInert(removed, this.isExcluded)) continue;
      removedAny = true;
      into.removed.add(removed);
      if (!isBoundary(removed)) removedText = true;
    }
    if (!removedAny) return;
    const closedBefore = isClosed(target, record.previousSibling, false, this.isExcluded);
    const closedAfter = isClosed(target, record.nextSibling, true, this.isExcluded);
    if (removedText ? !closedBefore || !closedAfter : !closedBefore && !closedAfter) {
      into.dirty.add(blockAround(target));
    }
  }

  private readRun(node: Node, added: ReadonlySet<Node>, seen: Set<Node>, into: Changes): void {
    const parent = node.parentNode;
    if (!parent || this.isSkipped(parent)) return;
    let first = node;
    let last = node;
    while (first.previousSibling && added.has(first.previousSibling)) first = first.previousSibling;
    while (last.nextSibling && added.has(last.nextSibling)) last = last.nextSibling;
    const run: Node[] = [];
    for (let n: Node | null = first; n; n = n === last ? null : n.nextSibling) {
      run.push(n);
      seen.add(n);
    }
    // Other new blocks do not close the old text off: they were not there when it was scanned.
    const closedBefore = isClosed(parent, first.previousSibling, false, this.isExcluded, added);
    const closedAfter = isClosed(parent, last.nextSibling, true, this.isExcluded, added);
    if (closedBefore && closedAfter && run.every((n) => n.nodeType === 1 && !isBoundary(n))) {
      // New inline elements (feed items with a custom tag) that no old text can join: only they are read.
      into.dirty.add(run.length === 1 ? (run[0] as Node) : new SiblingRun(run[0] as Node, run[run.length - 1] as Node));
      return;
    }
    // New blocks hold their own text. The text around is read again when it may join new text,
    // or when the new run parts text on both sides.
    for (const n of run) if (n.nodeType === 1 && isBlock(n)) into.dirty.add(n);
    if (run.some((n) => !isBoundary(n)) || (!closedBefore && !closedAfter)) into.dirty.add(blockAround(parent));
  }

  /** Whether `node` is, or lies inside, an element never scanned (remembered along the way). */
  private isSkipped(node: Node): boolean {
    const path: Node[] = [];
    let answer = false;
    for (let n: Node | null = node; n; n = n.parentNode) {
      const known = this.skipped.get(n);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(n);
      if (n.nodeType === 1 && (SKIPPED_TAGS.has((n as Element).tagName) || this.isExcluded?.(n as Element))) {
        answer = true;
        break;
      }
    }
    for (const n of path) this.skipped.set(n, answer);
    return answer;
  }
}

/** A node that adds no text and no separator: a comment, or content never scanned. */
export function isInert(node: Node, isExcluded: IsExcluded): boolean {
  if (node.nodeType === 3) return false;
  if (node.nodeType !== 1) return true;
  const element = node as Element;
  return !isBlock(element) && (SKIPPED_TAGS.has(element.tagName) || Boolean(isExcluded?.(element)));
}

/** A node that only separates text: a block, a line break, or whitespace. */
function isBoundary(node: Node): boolean {
  if (node.nodeType === 3) return !/\S/.test((node as Text).data);
  return node.nodeType === 1 && (isBlock(node) || (node as Element).tagName === 'BR');
}

/**
 * Whether no text of the block can reach a position of `parent` from one
 * side: from `from` on (a sibling next to the position, or null at the
 * edge), only whitespace and inert nodes lie before a block boundary.
 */
function isClosed(
  parent: Node,
  from: Node | null | undefined,
  forward: boolean,
  isExcluded: IsExcluded,
  added?: ReadonlySet<Node>,
): boolean {
  // A sibling the page has moved since the record was made says nothing about this position;
  // neither does one the record leaves out (undefined, as in some DOM implementations).
  if (from === undefined || (from && from.parentNode !== parent)) return false;
  for (let n = from; n; n = forward ? n.nextSibling : n.previousSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return false;
    } else if (n.nodeType === 1) {
      if (isBlock(n)) {
        if (added?.has(n)) continue;
        return true;
      }
      if (!isInert(n, isExcluded)) return false;
    }
  }
  return isBlock(parent);
}
