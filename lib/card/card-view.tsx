import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '@/components/card/card.css?inline';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';

/** Anything with client rects: a live Range over the mention. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList;
  contextElement?: Element;
}

export const HOST_NAME = 'context-lens-card';

/**
 * The card's place in the page: one host element with a closed shadow
 * root, created on first use only, positioned next to its mention with
 * Floating UI (flips and shifts to stay in view; follows scrolling).
 */
export class CardView {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private stopFollowing: (() => void) | null = null;
  private layer: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    /** Called when the anchor scrolls out of view. */
    private readonly onAnchorHidden: () => void,
  ) {}

  /** The host element, once created: scans and hit tests ignore it. */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** The dialog element inside the shadow root, for focus. */
  get dialog(): HTMLElement | null {
    return (this.layer?.querySelector('[role="dialog"]') as HTMLElement | null) ?? null;
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi(this.ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      css: cardCss,
      // Keys typed in the card must not reach the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        const layer = document.createElement('div');
        layer.className = 'layer';
        layer.hidden = true;
        container.append(layer);
        this.layer = layer;
        return layer;
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.creating;
  }

  /** Shows (or re-renders) the card next to `anchor`. */
  async show(props: EntityCardProps, anchor: Anchor): Promise<void> {
    await this.mount();
    const layer = this.layer as HTMLElement;
    render(<EntityCard {...props} />, layer);
    layer.hidden = false;
    if (this.stopFollowing) return;
    // Only a mention that was in view and then scrolled out closes the card, never a first
    // measurement taken before layout settled.
    let seen = false;
    const place = () =>
      computePosition(anchor, layer, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              layer.style.setProperty('--available', `${Math.max(160, availableHeight)}px`);
            },
          }),
          hide(),
        ],
      }).then(({ x, y, middlewareData }) => {
        Object.assign(layer.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
        if (!middlewareData.hide?.referenceHidden) seen = true;
        else if (seen) this.onAnchorHidden();
      });
    this.stopFollowing = autoUpdate(anchor, layer, place, { animationFrame: false });
    await place();
  }

  /** Re-renders in place (language switch, navigation), keeping the position. */
  update(props: EntityCardProps): void {
    if (this.layer) render(<EntityCard {...props} />, this.layer);
  }

  hide(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.layer) {
      render(null, this.layer);
      this.layer.hidden = true;
    }
  }

  /** True when an event happened over (or inside) the card. */
  contains(event: Event): boolean {
    const host = this.host;
    return host !== null && event.composedPath().includes(host);
  }

  destroy(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
    this.creating = null;
    this.layer = null;
  }
}
