import type { Mention } from './scan';

/**
 * Document order of two mentions' starts. A mention in a shadow tree stands
 * where its host stands: `compareDocumentPosition` alone orders nodes of
 * different trees arbitrarily (only consistently), which would break the
 * surname rule on pages built of web components.
 */
export function compareMentions(a: Mention, b: Mention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return compareNodes(a.startNode, b.startNode);
}

function compareNodes(a: Node, b: Node): number {
  let position = a.compareDocumentPosition(b);
  if (position & 1) {
    // Different trees: compare the nodes, or the hosts around them, that share a tree.
    const pathA = hostPath(a);
    const pathB = hostPath(b);
    search: for (const x of pathA) {
      const root = x.getRootNode();
      for (const y of pathB) {
        if (y.getRootNode() !== root) continue;
        if (x !== y) position = x.compareDocumentPosition(y);
        break search;
      }
    }
  }
  if (position & 4) return -1; // b follows a
  if (position & 2) return 1; // b precedes a
  return 0;
}

/** `node`, then the host of each shadow tree it lies in, innermost first. */
function hostPath(node: Node): Node[] {
  const path = [node];
  for (;;) {
    const root = (path[path.length - 1] as Node).getRootNode() as Partial<ShadowRoot> & Node;
    if (root.nodeType !== 11 || !root.host) return path;
    path.push(root.host);
  }
}

/**
 * The mentions of one document in document order, as scans add them and
 * changes remove them. Applies the page-level rule the matcher cannot: a
 * bare surname counts only when the entity's full name appears earlier on
 * the page.
 *
 * The order is kept as mentions arrive rather than sorted on demand: a scan
 * yields its mentions in document order, so a batch is appended after one
 * comparison, or merged with a binary search. (Sorting thousands of mentions
 * with compareDocumentPosition took most of a second on a flat 10 MB page.)
 */
export class MentionSet {
  private ordered: Mention[] = [];
  private members = new Set<Mention>();

  get size(): number {
    return this.ordered.length;
  }

  /** Adds mentions in any order; each finds its place with a binary search. */
  add(mentions: Iterable<Mention>): void {
    for (const m of mentions) {
      if (this.members.has(m)) continue;
      this.members.add(m);
      this.ordered.splice(this.insertionIndex(m), 0, m);
    }
  }

  /**
   * Adds the mentions of one scan, which come in document order: appended
   * after a single comparison when they all follow the current last one.
   */
  addScanned(batch: readonly Mention[]): void {
    const first = batch[0];
    const end = batch[batch.length - 1];
    if (!first || !end) return;
    if (batch.some((m) => this.members.has(m))) {
      this.add(batch);
      return;
    }
    for (const m of batch) this.members.add(m);
    // New text usually comes after all that is known (a feed): one comparison with a near neighbour.
    // (Comparing distant nodes walks the siblings between them: binary searches are kept for the rest.)
    const last = this.ordered[this.ordered.length - 1];
    if (!last || compareMentions(last, first) <= 0) {
      for (const m of batch) this.ordered.push(m);
      return;
    }
    // A re-scanned block lands in one gap of the order: one splice, two binary searches.
    const at = this.insertionIndex(first);
    const next = this.ordered[at];
    if (next && compareMentions(end, next) > 0) {
      for (const m of batch) this.members.delete(m);
      this.add(batch);
      return;
    }
    this.ordered.splice(at, 0, ...batch);
  }

  private insertionIndex(m: Mention): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareMentions(this.ordered[mid] as Mention, m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeWhere(test: (m: Mention) => boolean): Mention[] {
    const removed: Mention[] = [];
    const kept: Mention[] = [];
    for (const m of this.ordered) (test(m) ? removed : kept).push(m);
    if (removed.length === 0) return removed;
    this.ordered = kept;
    for (const m of removed) this.members.delete(m);
    return removed;
  }

  /** Removes the mentions inside `root` (its block or any block below it); returns them. */
  removeWithin(root: Node): Mention[] {
    return this.removeWithinAny(new Set([root]));
  }

  /**
   * Removes the mentions inside any of `roots`, in one pass over the
   * mentions: each walks up from its block and its start until it meets a
   * root or a node already known to lie outside them all (so shared
   * ancestors are climbed once, however many roots and mentions there are).
   */
  removeWithinAny(roots: ReadonlySet<Node>): Mention[] {
    if (roots.size === 0 || this.ordered.length === 0) return [];
    const within = climber(roots, (n) => n.parentNode);
    return this.removeWhere((m) => within(m.block) || within(m.startNode));
  }

  /**
   * Removes the mentions with a start or end inside one of `roots` (nodes the
   * page took out of where they were: moved nodes stay connected, so
   * `removeStale` cannot tell); returns them.
   */
  removeUnder(roots: ReadonlySet<Node>): Mention[] {
    if (roots.size === 0 || this.ordered.length === 0) return [];
    const under = climber(roots, (n) => n.parentNode ?? (n as Partial<ShadowRoot>).host ?? null);
    return this.removeWhere((m) => under(m.startNode) || (m.endNode !== m.startNode && under(m.endNode)));
  }

  /** Removes mentions whose text left the document or changed under them. */
  removeStale(): Mention[] {
    return this.removeWhere(
      (m) =>
        !m.startNode.isConnected ||
        !m.endNode.isConnected ||
        m.endOffset > m.endNode.length ||
        m.startOffset > m.startNode.length,
    );
  }

  clear(): void {
    this.ordered = [];
    this.members.clear();
  }

  /**
   * The mentions that count, in document order. Applies the page-level rules
   * the matcher cannot: a bare name stands for the nearest full name of its
   * group before it (see `ContextRules`), so a bare surname counts only when
   * that full name is the entity's ("Ruoming Pang … Mei Pang … Pang" is
   * Mei's); a bare given name counts unless the words near it make it a
   * person, or someone else's full name stands before it and nothing in its
   * sentence points to the entity. Someone else's names are never shown.
   */
  visible(): Mention[] {
    const holder = new Map<string, 'ours' | 'other'>();
    const out: Mention[] = [];
    for (const m of this.ordered) {
      const alias = m.alias;
      const group = alias.context?.group ?? alias.entityId;
      const name = alias.context?.name ?? (alias.afterFullName ? 'surname' : 'full');
      if (m.otherName) {
        holder.set(group, 'other');
        continue;
      }
      if (name === 'surname' || alias.afterFullName) {
        if (holder.get(group) === 'ours') out.push(m);
      } else if (name === 'given') {
        if (m.cue === 'person' || (holder.get(group) === 'other' && m.cue !== 'entity')) continue;
        out.push(m);
      } else {
        holder.set(group, 'ours');
        if (alias.context?.group && group !== alias.entityId) holder.set(alias.entityId, 'ours');
        out.push(m);
      }
    }
    return out;
  }
}

/** Mentions per entity id. */
export function countByEntity(mentions: readonly Mention[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of mentions) counts[m.alias.entityId] = (counts[m.alias.entityId] ?? 0) + 1;
  return counts;
}

/**
 * A test "is this node, or one of its ancestors (as `up` climbs), in
 * `roots`?" that remembers every node it climbed through, so that many
 * questions about nodes with shared ancestors cost each ancestor once.
 */
function climber(roots: ReadonlySet<Node>, up: (node: Node) => Node | null): (node: Node) => boolean {
  const known = new Map<Node, boolean>();
  return (node) => {
    const path: Node[] = [];
    let answer = false;
    for (let n: Node | null = node; n; n = up(n)) {
      const cached = known.get(n);
      if (cached !== undefined) {
        answer = cached;
        break;
      }
      if (roots.has(n)) {
        answer = true;
        break;
      }
      path.push(n);
    }
    for (const n of path) known.set(n, answer);
    return answer;
  };
}
