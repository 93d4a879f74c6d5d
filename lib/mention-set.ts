import type { Mention } from './page-scan';

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
 * The mentions of one document, as scans add them and changes remove them.
 * Applies the page-level rule the matcher cannot: a bare surname counts only
 * when the entity's full name appears earlier on the page.
 */
export class MentionSet {
  private all = new Set<Mention>();

  get size(): number {
    return this.all.size;
  }

  add(mentions: Iterable<Mention>): void {
    for (const m of mentions) this.all.add(m);
  }

  /** Removes the mentions inside `root` (its block or any block below it); returns them. */
  removeWithin(root: Node): Mention[] {
    const removed: Mention[] = [];
    for (const m of this.all) {
      if (m.block === root || root.contains(m.block) || root.contains(m.startNode)) {
        this.all.delete(m);
        removed.push(m);
      }
    }
    return removed;
  }

  /**
   * Removes the mentions with a start or end inside one of `roots` (nodes the
   * page took out of where they were: moved nodes stay connected, so
   * `removeStale` cannot tell); returns them.
   */
  removeUnder(roots: ReadonlySet<Node>): Mention[] {
    const removed: Mention[] = [];
    if (roots.size === 0) return removed;
    for (const m of this.all) {
      if (isUnder(m.startNode, roots) || (m.endNode !== m.startNode && isUnder(m.endNode, roots))) {
        this.all.delete(m);
        removed.push(m);
      }
    }
    return removed;
  }

  /** Removes mentions whose text left the document or changed under them. */
  removeStale(): Mention[] {
    const removed: Mention[] = [];
    for (const m of this.all) {
      if (
        !m.startNode.isConnected ||
        !m.endNode.isConnected ||
        m.endOffset > m.endNode.length ||
        m.startOffset > m.startNode.length
      ) {
        this.all.delete(m);
        removed.push(m);
      }
    }
    return removed;
  }

  clear(): void {
    this.all.clear();
  }

  /** The mentions that count, in no particular order. */
  visible(): Mention[] {
    const firstFull = new Map<string, Mention>();
    const surnames: Mention[] = [];
    const out: Mention[] = [];
    for (const m of this.all) {
      if (m.alias.afterFullName) {
        surnames.push(m);
        continue;
      }
      out.push(m);
      const seen = firstFull.get(m.alias.entityId);
      if (!seen || compareMentions(m, seen) < 0) firstFull.set(m.alias.entityId, m);
    }
    for (const m of surnames) {
      const full = firstFull.get(m.alias.entityId);
      if (full && compareMentions(full, m) < 0) out.push(m);
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

/** Whether `node` or one of its ancestors (through shadow hosts) is in `roots`. */
function isUnder(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let n: Node | null = node; n; ) {
    if (roots.has(n)) return true;
    n = n.parentNode ?? (n as Partial<ShadowRoot>).host ?? null;
  }
  return false;
}
