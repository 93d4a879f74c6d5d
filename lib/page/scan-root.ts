/**
 * Consecutive new siblings read as one scan root (their texts may join each
 * other, a name split over two of them, but nothing around them): `first`
 * to `last`, inclusive, with their subtrees.
 */
export class SiblingRun {
  constructor(
    readonly first: Node,
    readonly last: Node,
  ) {}

  get parentNode(): Node | null {
    return this.first.parentNode;
  }

  get isConnected(): boolean {
    return this.first.isConnected && this.last.isConnected && this.first.parentNode === this.last.parentNode;
  }

  /** The siblings of the run, in order. */
  members(): Node[] {
    const out: Node[] = [];
    for (let n: Node | null = this.first; n; n = n === this.last ? null : n.nextSibling) out.push(n);
    return out;
  }
}

/** What a scan starts from: a node (its subtree), or a run of siblings. */
export type ScanRoot = Node | SiblingRun;

/** The node a root's walk starts in: the node itself, or the parent of a run. */
export function walkRootOf(root: ScanRoot): Node | null {
  return root instanceof SiblingRun ? root.parentNode : root;
}
