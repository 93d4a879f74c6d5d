// Injected into benchmark pages (main world) after mark.js and our bundle:
// the floor, the mark.js run and the counting of mark.js's matches.
(() => {
  const SHOW_TEXT = 4;
  const FOLLOWING = 4;
  // Our matcher ends a word at anything but a letter, digit or mark; without these limiters, mark.js's accuracy
  // "exactly" ends one only at whitespace, and would miss "Siri," or "(Siri)".
  const LIMITERS = ['.', ',', ';', ':', '!', '?', '(', ')', '"', "'", '’', '«', '»'];

  /** The floor: a bare text walk reading every text node's data. */
  window.__benchFloor = () => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += n.data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, nodes, chars };
  };

  let state = null;

  /** mark.js over the body with the same aliases; resolves when its `done` fires. */
  window.__benchMark = (terms) =>
    new Promise((resolve) => {
      const elements = [];
      const instance = new window.__BenchMarkJs(document.body);
      const t0 = performance.now();
      instance.mark(terms, {
        accuracy: { value: 'exactly', limiters: LIMITERS },
        diacritics: true,
        acrossElements: true,
        separateWordSearch: false,
        caseSensitive: false,
        // Without it, a shorter term ("Pang") marks again inside a longer one already marked ("Ruoming Pang").
        exclude: ['[data-markjs]'],
        each: (element) => elements.push(element),
        done: (pieces) => {
          const ms = performance.now() - t0;
          state = { instance, elements };
          resolve({ ms, pieces });
        },
      });
    });

  /**
   * mark.js calls `each` once per <mark> it adds, so a match split over
   * inline elements counts several times. Consecutive marks with no text
   * between them are one match.
   */
  window.__benchMarkCount = () => {
    if (!state) return 0;
    const range = document.createRange();
    let matches = 0;
    let previous = null;
    for (const element of state.elements) {
      if (previous && previous.compareDocumentPosition(element) & FOLLOWING) {
        range.setStartAfter(previous);
        range.setEndBefore(element);
        if (range.toString().length === 0) {
          previous = element;
          continue;
        }
      }
      matches++;
      previous = element;
    }
    return matches;
  };

  window.__benchUnmark = () =>
    new Promise((resolve) => {
      if (!state) return resolve();
      const { instance } = state;
      state = null;
      instance.unmark({ done: () => resolve() });
    });
})();
