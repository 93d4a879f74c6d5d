import type { Mention } from '@/lib/page/scan';

/** The text nodes under `root`, in document order. */
export function textNodes(root: Node = document.body): Text[] {
  const walker = document.createTreeWalker(root, 4);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The one text node whose data is exactly `data`; two such nodes would make a test ambiguous, so they throw. */
export function textNode(data: string, root: Node = document.body): Text {
  const found = textNodes(root).filter((t) => t.data === data);
  if (found.length !== 1) throw new Error(`expected one text node "${data}", found ${found.length}`);
  return found[0] as Text;
}

/** The page text a mention covers. */
export function covered(m: Mention): string {
  const range = document.createRange();
  range.setStart(m.startNode, m.startOffset);
  range.setEnd(m.endNode, m.endOffset);
  return range.toString();
}

/** The first text node whose data is exactly `data`. */
export function firstTextNode(data: string, root: Node = document.body): Text {
  const found = textNodes(root).find((t) => t.data === data);
  if (!found) throw new Error(`no text node "${data}"`);
  return found;
}
