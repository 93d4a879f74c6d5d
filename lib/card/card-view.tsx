import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import cardCss from '@/components/card/card.css?inline';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import { CardHost } from './card-host';

/** Anything with client rects: a live Range over the mention. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList;
  contextElement?: Element;
}

/**
 * The card's place in the page (see `CardHost`), positioned next to its
 * mention with Floating UI: it flips and shifts to stay in view and follows
 * scrolling.
 */
export class CardView {
  readonly host = new CardHost(cardCss);
  private stopFollowing: (() => void) | null = null;
  private layer: HTMLElement | null = null;

  constructor(
    /** Called when the anchor scrolls out of view. */
    private readonly onAnchorHidden: () => void,
  ) {}

  /** The dialog element inside the shadow root, for focus. */
  get dialog(): HTMLElement | null {
    return (this.layer?.querySelector('[role="dialog"]') as HTMLElement | null) ?? null;
  }

  /** Shows (or re-renders) the card next to `anchor`. */
  async show(props: EntityCardProps, anchor: Anchor): Promise<void> {
    // A host the page removed (or a body it swapped) is replaced by a new one.
    if (!this.host.isMounted) this.stopFollowing = null;
    const layer = this.host.layer();
    this.layer = layer;
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
    if (this.layer && this.host.isMounted) render(<EntityCard {...props} />, this.layer);
  }

  hide(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.layer) {
      render(null, this.layer);
      this.layer.hidden = true;
    }
  }

  destroy(): void {
    this.hide();
    this.host.remove();
    this.layer = null;
  }
}
