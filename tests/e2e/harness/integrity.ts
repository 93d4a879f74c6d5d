import type { E2EPage } from './session';

/**
 * Main-world probe installed before any page script: records every DOM
 * mutation made after parsing, so a run with the extension can be compared
 * with a run without it.
 */
export const MUTATION_RECORDER = `(() => {
  const log = [];
  Object.defineProperty(window, '__integrityMutations', { value: log });
  let parsed = false;
  document.addEventListener('DOMContentLoaded', () => { parsed = true; });
  const Observer = MutationObserver;
  new Observer((records) => {
    if (!parsed) return;
    for (const r of records) {
      log.push(r.type + ':' + r.target.nodeName + ':' + (r.attributeName || '') +
        ':' + [...r.addedNodes].map((n) => n.nodeName).join(',') + ':' + [...r.removedNodes].map((n) => n.nodeName).join(','));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, characterDataOldValue: false });
})();`;

export interface PageSnapshot {
  text: string;
  /** The whole document as markup: any node, attribute or text the extension added would show. */
  html: string;
  mutations: string[];
  elements: number;
}

export function snapshot(page: E2EPage): Promise<PageSnapshot> {
  return page.evaluate(() => ({
    text: document.body?.innerText ?? '',
    html: document.documentElement.outerHTML,
    mutations: [...((window as unknown as { __integrityMutations?: string[] }).__integrityMutations ?? [])],
    elements: document.getElementsByTagName('*').length,
  }));
}

/**
 * An independent count of the subjects' mentions in the page's rendered
 * text: plain regular expressions over `innerText` with accents stripped,
 * full names case-insensitive, bare surnames case-sensitive and only after
 * the full name. It shares no code with the extension's matcher.
 */
export function referenceCount(page: E2EPage): Promise<number> {
  return page.evaluate(() => {
    const text = (document.body?.innerText ?? '')
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '');
    const edge = (core: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${core})(?![\\p{L}\\p{N}])`, flags);
    const full: Record<string, string> = {
      federighi: 'craig\\s+federighi',
      pang: 'ruoming\\s+pang|pang\\s+ruoming',
    };
    let total = 0;
    total += (text.match(edge('apple\\s+intelligence|siri', 'giu')) ?? []).length;
    for (const [surname, core] of Object.entries(full)) {
      const fullMatches = [...text.matchAll(edge(core, 'giu'))];
      total += fullMatches.length;
      const first = fullMatches[0];
      if (!first) continue;
      // Bare surnames after the first full name, outside full names.
      const masked = text.replace(edge(core, 'giu'), (m) => ' '.repeat(m.length));
      const after = masked.slice((first.index ?? 0) + first[0].length);
      const cased = surname[0]?.toUpperCase() + surname.slice(1);
      total += (after.match(edge(`${cased}|${surname.toUpperCase()}`, 'gu')) ?? []).length;
    }
    return total;
  });
}
