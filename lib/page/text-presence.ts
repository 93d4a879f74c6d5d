const NO_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD']);

/** Whether a text node holds something a reader could see as text. */
function isReadable(node: Node): boolean {
  const parent = node.parentElement;
  return /\S/.test((node as Text).data) && !(parent && NO_TEXT_PARENTS.has(parent.tagName));
}

function hasText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isReadable(n)) return true;
  return false;
}

/**
 * Resolves once the document holds readable text: at once for nearly every
 * page, later for the empty frames (ads, trackers, about:blank placeholders)
 * that make up most frames of a news page, which then cost nothing more than
 * this check and an observer until text arrives.
 */
export function whenTextAppears(doc: Document, signal: AbortSignal): Promise<void> {
  if (hasText(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const nodes = record.type === 'characterData' ? [record.target] : record.addedNodes;
        for (const node of nodes) {
          if (node.nodeType === 3 ? isReadable(node) : /\S/.test(node.textContent ?? '') && hasText(doc)) {
            observer.disconnect();
            resolve();
            return;
          }
        }
      }
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
