import { vi } from 'vitest';
import { type CardDataSource, type CardOpening, type CardUiOptions, createCardUi } from '@/lib/card/card-ui';
import type { EntityCard } from '@/lib/facts/query';
import type { Served } from '@/lib/store/fact-store';
import { cardFor, sampleBase } from './sample-base';
import { served, servedSummary } from './served';

/**
 * Records every shadow root attached, closed ones included: the only way a
 * test (like the page) could otherwise reach into the card is through
 * `host.shadowRoot`, which a closed root leaves null.
 */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** A data source serving the sample base, each call recorded. */
export function sampleData() {
  const base = sampleBase();
  return {
    card: vi.fn(async (entityId: string): Promise<Served<EntityCard>> => served(cardFor(base, entityId))),
    summary: vi.fn(async () => servedSummary()),
    setMuted: vi.fn(async (_entityId: string, _muted: boolean) => {}),
  } satisfies CardDataSource;
}

/**
 * The card part over a page with one paragraph (the mention's) and a button
 * of the page's own, with the sample base as its data. `dispose` after each
 * test.
 */
export function cardUiPage(options: Partial<CardUiOptions> = {}) {
  const roots = captureShadowRoots();
  document.body.removeAttribute('style');
  document.body.innerHTML = '<p id="context">Siri met Craig Federighi.</p><button id="page-button">Page</button>';
  const context = document.getElementById('context') as HTMLElement;
  const data = sampleData();
  const onClosed = vi.fn();
  const onAnchorHidden = vi.fn();
  const ui = createCardUi({ lang: 'en', data, onClosed, onAnchorHidden, ...options });
  const rect = new DOMRect(10, 10, 40, 16);
  const opening = (entityId = 'siri', more: Partial<CardOpening> = {}): CardOpening => ({
    entityId,
    mentionText: 'Siri',
    anchor: {
      getBoundingClientRect: () => rect,
      getClientRects: () => [rect] as unknown as DOMRectList,
      contextElement: context,
    },
    byKeyboard: false,
    ...more,
  });
  const root = () => {
    const last = roots[roots.length - 1];
    if (!last) throw new Error('no card host yet');
    return last;
  };
  const dialog = () => {
    const found = root().querySelector<HTMLElement>('[role="dialog"]');
    if (!found) throw new Error('no card rendered');
    return found;
  };
  /** An element of the card, which must be there. */
  const part = <E extends Element = HTMLElement>(selector: string): E => {
    const found = root().querySelector<E>(selector);
    if (!found) throw new Error(`no ${selector} in the card`);
    return found;
  };
  return {
    ui,
    data,
    onClosed,
    onAnchorHidden,
    roots,
    context,
    pageButton: document.getElementById('page-button') as HTMLButtonElement,
    opening,
    root,
    dialog,
    part,
    /** Lets the card's pending loads settle. */
    settle: () => new Promise((r) => setTimeout(r, 0)),
    dispose: () => {
      ui.destroy();
      vi.restoreAllMocks();
    },
  };
}

export type CardUiPage = ReturnType<typeof cardUiPage>;
