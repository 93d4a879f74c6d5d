/**
 * The card's one element in the page: a plain `<div>` (no custom-element
 * name, which a page could define first and so reach a closed root through
 * `attachInternals()`), with a closed shadow root holding the card and its
 * stylesheet. Appended to `<html>` rather than `<body>`, so that pages which
 * swap their body (Turbo, pjax) keep it; if the page removes it anyway, the
 * next card creates a new one.
 */
export class CardHost {
  private host: HTMLDivElement | null = null;
  private layerElement: HTMLElement | null = null;

  constructor(private readonly css: string) {}

  /** The element the card renders into, with a host in the page (created or re-created as needed). */
  layer(): HTMLElement {
    if (this.host?.isConnected && this.layerElement) return this.layerElement;
    this.remove();
    const host = document.createElement('div');
    // Nothing of the page's styles may size, hide or reveal the host itself.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('top', '0', 'important');
    host.style.setProperty('left', '0', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = this.css;
    const layer = document.createElement('div');
    layer.className = 'layer';
    layer.hidden = true;
    root.append(style, layer);
    (document.documentElement ?? document).append(host);
    this.host = host;
    this.layerElement = layer;
    return layer;
  }

  get isMounted(): boolean {
    return this.host?.isConnected === true;
  }

  isOwnElement(element: Element): boolean {
    return element === this.host;
  }

  /** True when an event happened over (or inside) the card. */
  contains(event: Event): boolean {
    const host = this.host;
    return host !== null && event.composedPath().includes(host);
  }

  /** The element with focus inside the card, if any. */
  activeElement(): Element | null {
    return (this.layerElement?.getRootNode() as ShadowRoot | undefined)?.activeElement ?? null;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.layerElement = null;
  }
}
