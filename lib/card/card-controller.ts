import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityCardProps } from '@/components/card/EntityCard';
import { DEFAULT_SETTINGS } from '@/lib/ext/settings';
import type { EntityCard } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import type { Highlighter } from '@/lib/page/highlighter';
import { MentionLocator, rangeOf } from '@/lib/page/mention-locator';
import type { Mention } from '@/lib/page/scan';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { type Anchor, CardView } from './card-view';

/** How long the card stays after the pointer leaves both mention and card. */
const CLOSE_GRACE_MS = 300;

export interface CardDataSource {
  card(entityId: string): Promise<Served<EntityCard>>;
  summary(): Promise<Served<SummaryData>>;
}

interface OpenState {
  mention: Mention;
  /** Entities visited through "related" links; the last one is shown. */
  trail: string[];
  byKeyboard: boolean;
  /** Where focus was before a keyboard open, to give it back on close. */
  returnFocus: Element | null;
}

/**
 * Hover and keyboard access to context cards. Listens to the pointer only
 * while the page has mentions; hit tests at most once per animation frame.
 */
export class CardController {
  private readonly view: CardView;
  private readonly locator: MentionLocator;
  private readonly cache = new Map<string, Served<EntityCard>>();
  private summary: Served<SummaryData> | null = null;
  private mentions: readonly Mention[] = [];
  private open: OpenState | null = null;
  private hovered: Mention | null = null;
  private intentTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private framePending = false;
  private pointer = { x: 0, y: 0, overCard: false };
  private listening = false;
  private currentIndex = -1;
  private error = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlighter: Highlighter,
    private readonly data: CardDataSource,
    private lang: Lang,
  ) {
    this.view = new CardView(ctx, () => {
      if (this.open && !this.open.byKeyboard) this.close();
    });
    this.locator = new MentionLocator(() => highlighter.ownHighlights());
  }

  private hoverDelayMs = DEFAULT_SETTINGS.hoverDelayMs;

  /** Language and hover delay from the user's settings. */
  configure({ lang, hoverDelayMs }: { lang: Lang; hoverDelayMs: number }): void {
    this.hoverDelayMs = hoverDelayMs;
    if (lang === this.lang) return;
    this.lang = lang;
    if (this.open) this.view.update(this.props());
  }

  /** The card host, which the scanner must skip. */
  isOwnElement = (element: Element): boolean => element === this.view.host;

  /** Called whenever the page's mentions change. */
  setMentions(mentions: readonly Mention[]): void {
    this.mentions = mentions;
    this.locator.update(mentions);
    if (this.open && !mentions.includes(this.open.mention)) this.close();
    if (mentions.length > 0 && !this.listening) this.listen();
    this.prefetch(mentions);
  }

  private listen(): void {
    this.listening = true;
    this.ctx.addEventListener(document, 'pointermove', (e) => this.onPointerMove(e), { passive: true, capture: true });
    this.ctx.addEventListener(document, 'keydown', (e) => this.onKeyDown(e), { capture: true });
  }

  /** Card data for the entities on the page is fetched ahead, so a card opens within a frame. */
  private prefetch(mentions: readonly Mention[]): void {
    if (!this.summary)
      this.data.summary().then(
        (s) => (this.summary = s),
        () => {},
      );
    const ids = new Set(mentions.map((m) => m.alias.entityId));
    for (const id of ids) this.load(id).catch(() => {});
  }

  private async load(entityId: string): Promise<Served<EntityCard>> {
    const cached = this.cache.get(entityId);
    if (cached) return cached;
    const served = await this.data.card(entityId);
    this.cache.set(entityId, served);
    return served;
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.ctx.isInvalid) return;
    this.pointer = { x: event.clientX, y: event.clientY, overCard: this.view.contains(event) };
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => {
      this.framePending = false;
      this.hitTest();
    });
  }

  private hitTest(): void {
    const overCard = this.pointer.overCard;
    const mention = overCard ? null : this.locator.at(this.pointer.x, this.pointer.y);
    if (mention !== this.hovered) {
      this.hovered = mention;
      clearTimeout(this.intentTimer);
      if (mention && this.open?.mention !== mention) {
        this.intentTimer = setTimeout(() => void this.show(mention, false), this.hoverDelayMs);
      }
    }
    // The open card stays while the pointer is on it or on its mention; elsewhere it closes after a grace delay.
    if (overCard || (mention !== null && this.open?.mention === mention)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = undefined;
    } else if (this.open && !this.open.byKeyboard && this.closeTimer === undefined) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = undefined;
        this.close();
      }, CLOSE_GRACE_MS);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      this.close();
      event.stopPropagation();
    } else if (event.key === 'Tab' && this.open?.byKeyboard && this.view.contains(event)) {
      this.trapTab(event);
    }
  }

  /** Tab and Shift+Tab cycle inside the card while it has focus. */
  private trapTab(event: KeyboardEvent): void {
    const dialog = this.view.dialog;
    if (!dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')];
    if (focusable.length === 0) return;
    const active =
      dialog.getRootNode() instanceof ShadowRoot ? (dialog.getRootNode() as ShadowRoot).activeElement : null;
    const index = active ? focusable.indexOf(active as HTMLElement) : -1;
    const next = event.shiftKey
      ? index <= 0
        ? focusable.length - 1
        : index - 1
      : index === -1 || index === focusable.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    focusable[next]?.focus();
  }

  /** Moves to the next or previous mention, scrolls it into view and opens its card with focus in it. */
  async navigate(direction: 'next' | 'previous'): Promise<Mention | null> {
    if (this.mentions.length === 0) return null;
    const count = this.mentions.length;
    const from = this.open ? this.mentions.indexOf(this.open.mention) : this.currentIndex;
    const index =
      from === -1 ? (direction === 'next' ? 0 : count - 1) : (from + (direction === 'next' ? 1 : -1) + count) % count;
    const mention = this.mentions[index] as Mention;
    this.currentIndex = index;
    this.highlighter.setCurrent(mention);
    const element = mention.startNode.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await this.show(mention, true);
    return mention;
  }

  /** Opens the card of a given mention (from the popup's list), as by keyboard. */
  async reveal(entityId: string): Promise<boolean> {
    const start = this.open ? this.mentions.indexOf(this.open.mention) : this.currentIndex;
    for (let step = 1; step <= this.mentions.length; step++) {
      const i = (start + step + this.mentions.length) % this.mentions.length;
      if (this.mentions[i]?.alias.entityId === entityId) {
        this.currentIndex = i - 1;
        this.close();
        await this.navigate('next');
        return true;
      }
    }
    return false;
  }

  private anchorFor(mention: Mention): Anchor {
    return {
      getBoundingClientRect: () => rangeOf(mention).getBoundingClientRect(),
      getClientRects: () => rangeOf(mention).getClientRects(),
      contextElement: mention.startNode.parentElement ?? undefined,
    };
  }

  private async show(mention: Mention, byKeyboard: boolean): Promise<void> {
    if (this.ctx.isInvalid) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    const returnFocus = byKeyboard ? (this.open?.returnFocus ?? document.activeElement) : null;
    if (this.open && this.open.mention !== mention) this.view.hide();
    this.open = { mention, trail: [mention.alias.entityId], byKeyboard, returnFocus };
    this.error = false;
    await this.view.show(this.props(), this.anchorFor(mention));
    await this.refresh();
    if (byKeyboard) this.view.dialog?.focus();
  }

  /** Loads the shown entity if needed and re-renders. */
  private async refresh(): Promise<void> {
    const state = this.open;
    if (!state) return;
    const id = state.trail[state.trail.length - 1] as string;
    if (!this.cache.has(id)) {
      try {
        await this.load(id);
      } catch {
        this.error = true;
      }
    }
    if (this.open === state) this.view.update(this.props());
  }

  private props(): EntityCardProps {
    const state = this.open as OpenState;
    const id = state.trail[state.trail.length - 1] as string;
    const served = this.cache.get(id);
    const previous = state.trail.length > 1 ? this.cache.get(state.trail[state.trail.length - 2] as string) : undefined;
    const m = state.mention;
    return {
      lang: this.lang,
      card: served?.value ?? null,
      error: this.error,
      version: served?.version,
      source: this.summary?.value.source,
      mentionText: rangeOf(m).toString(),
      backTo: previous?.value.entity.name[this.lang],
      onBack: () => {
        state.trail.pop();
        void this.refresh();
      },
      onNavigate: (entityId) => {
        state.trail.push(entityId);
        void this.refresh();
        this.view.dialog?.focus();
      },
      onLangChange: (lang) => {
        this.lang = lang;
        this.view.update(this.props());
      },
      onClose: () => this.close(),
    };
  }

  close(): void {
    clearTimeout(this.intentTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    const state = this.open;
    if (!state) return;
    this.open = null;
    this.view.hide();
    if (state.byKeyboard && state.returnFocus instanceof HTMLElement) state.returnFocus.focus({ preventScroll: true });
  }

  destroy(): void {
    this.close();
    this.view.destroy();
  }
}
