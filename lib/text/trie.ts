/**
 * Alias keys (folded, see `aliasKey`) as a trie over UTF-16 units. Built in
 * the page from keys the background already folded, so the page never folds
 * alias text; only the text around a candidate is folded, one unit at a time.
 */
export class AliasTrie {
  /** First steps, by unit: most units start no key. */
  private readonly rootNext = new Map<number, number>();
  /** Deeper steps, keyed `node * 0x10000 + unit`. */
  private readonly next = new Map<number, number>();
  /** Aliases (indexes into the key list) ending at each node. */
  private readonly terminals = new Map<number, number[]>();
  private nodeCount = 1;

  /** `keys[i]` is the key of alias `i`; empty keys (aliases that cannot match) are left out. */
  constructor(keys: readonly string[]) {
    keys.forEach((key, index) => {
      if (key.length === 0) return;
      let node = 0;
      for (let i = 0; i < key.length; i++) node = this.add(node, key.charCodeAt(i));
      const list = this.terminals.get(node);
      if (list) list.push(index);
      else this.terminals.set(node, [index]);
    });
  }

  /** The node reached from `node` on `unit`, or 0 when no key goes on that way. */
  child(node: number, unit: number): number {
    return (node === 0 ? this.rootNext.get(unit) : this.next.get(node * 0x10000 + unit)) ?? 0;
  }

  /** Aliases whose key ends at `node`, in alias order. */
  terminalAliases(node: number): readonly number[] | undefined {
    return this.terminals.get(node);
  }

  private add(node: number, unit: number): number {
    const existing = this.child(node, unit);
    if (existing !== 0) return existing;
    const created = this.nodeCount++;
    if (node === 0) this.rootNext.set(unit, created);
    else this.next.set(node * 0x10000 + unit, created);
    return created;
  }
}
