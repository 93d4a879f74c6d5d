import type { CardUi, CardUiOptions } from '@/lib/card/card-ui';
import type { Lang } from '@/lib/i18n/language';
import type { Highlighter } from './highlighter';
import type { Mention } from './mention';
import { MentionLocator, rangeOf } from './mention-locator';

/** How long the card stays after the pointer leaves both mention and card. */
const CLOSE_GRACE_MS = 300;

/** Loads the card part (a separate chunk, see docs/architecture.md) and builds it. */
export type CardUiLoader = (options: CardUiOptions) => Promise<CardUi>;

interface TriggerOptions {
  lang: Lang;
  /** Entities the user muted (their cards offer to unmute them). */
  muted: readonly string[];
  hoverDelayMs: number;
  /** Where the card's data comes from, handed to the card part. */
  data: CardUiOptions['data'];
  load: CardUiLoader;
  /** Whether listeners should stop (the extension was reloaded or removed). */
  isInvalid(): boolean;
  /** Adds a listener that goes away with the content script. */
  listen<K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options: AddEventListenerOptions,
  ): void;
}

/**
 * What opens and closes cards: hit testing under the pointer (at most once
 * per frame, and only while the page has mentions), hover intent, the
 * keyboard commands. The card itself is a separate part, loaded when the
 * page first shows a mention, so that pages without one never pay for it.
 * Only trusted input drives it: a page's synthetic events are ignored.
 */
export class CardTrigger {
  private readonly locator: MentionLocator;
  private ui: CardUi | null = null;
  private loading: Promise<CardUi> | null = null;
  private mentions: readonly Mention[] = [];
  private open: { mention: Mention; byKeyboard: boolean; byTouch: boolean } | null = null;
  private hovered: Mention | null = null;
  private intentTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private framePending = false;
  private pointer = { x: 0, y: 0, overCard: false };
  private pointerSeen = false;
  private listening = false;
  private currentIndex = -1;
  private lang: Lang;
  private hoverDelayMs: number;
  private muted: readonly string[];

  constructor(
    private readonly highlighter: Highlighter,
    private readonly options: TriggerOptions,
  ) {
    this.lang = options.lang;
    this.hoverDelayMs = options.hoverDelayMs;
    this.muted = options.muted;
    this.locator = new MentionLocator(() => highlighter.ownHighlights());
  }

  private dataKey: string | undefined;

  configure({
    lang,
    hoverDelayMs,
    muted,
    dataKey,
  }: {
    lang: Lang;
    hoverDelayMs: number;
    muted: readonly string[];
    /** Names what cards are made of (the enabled packs): cards loaded under another are read again. */
    dataKey?: string;
  }): void {
    if (dataKey !== undefined && dataKey !== this.dataKey) {
      this.dataKey = dataKey;
      this.ui?.forget();
    }
    this.hoverDelayMs = hoverDelayMs;
    this.lang = lang;
    this.muted = muted;
    this.ui?.setLanguage(lang);
    this.ui?.setMuted(new Set(muted));
  }

  /** The card's host element, which the scanner must skip. */
  isOwnElement = (element: Element): boolean => this.ui?.isOwnElement(element) ?? false;

  /** Called whenever the page's highlighted mentions change. */
  setMentions(mentions: readonly Mention[]): void {
    this.mentions = mentions;
    this.locator.update(mentions);
    // A pinned card stays when its mention goes (the user muted the entity from it, and may undo that there).
    if (this.open && !mentions.includes(this.open.mention) && !this.ui?.isPinned) this.close();
    if (mentions.length === 0) return;
    if (!this.listening) this.listen();
    // Text under a resting pointer may have just become a mention (a page that re-rendered): look again.
    if (this.pointerSeen) this.scheduleHitTest();
    // Loaded on the first mention rather than on hover, so that the first card opens at once.
    const ids = new Set(mentions.map((m) => m.alias.entityId));
    this.cardUi().then(
      (ui) => ui.prefetch(ids),
      () => {},
    );
  }

  private cardUi(): Promise<CardUi> {
    this.loading ??= this.options
      .load({
        lang: this.lang,
        muted: new Set(this.muted),
        data: this.options.data,
        onAnchorHidden: () => {
          if (this.open && !this.open.byKeyboard && !this.ui?.isPinned) this.close();
        },
        onClosed: () => {
          this.open = null;
        },
      })
      .then((ui) => {
        this.ui = ui;
        return ui;
      });
    // A failed load (the extension was updated meanwhile) is tried again next time.
    this.loading.catch(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private listen(): void {
    this.listening = true;
    this.options.listen('pointermove', (e) => this.onPointerMove(e), { passive: true, capture: true });
    this.options.listen('keydown', (e) => this.onKeyDown(e), { capture: true });
    this.options.listen('click', (e) => this.onClick(e), { passive: true, capture: true });
  }

  /**
   * A click on a mention pins its card (opening it if needed), a second one
   * unpins it; a tap opens the card at once (touch has no hover), and a tap
   * elsewhere closes a card a tap opened. The page's own handling of the
   * click (a link, a button) goes on untouched.
   */
  private onClick(event: MouseEvent): void {
    if (!event.isTrusted || event.button !== 0 || this.options.isInvalid() || this.ui?.contains(event)) return;
    const byTouch = (event as PointerEvent).pointerType === 'touch';
    const mention = this.locator.at(event.clientX, event.clientY);
    if (!mention) {
      if (this.open?.byTouch) this.close();
      return;
    }
    clearTimeout(this.intentTimer);
    if (this.open?.mention === mention && this.ui?.isOpen) {
      if (!byTouch) this.ui.setPinned(!this.ui.isPinned);
      return;
    }
    void this.show(mention, false, { pinned: !byTouch, byTouch });
  }

  private onPointerMove(event: PointerEvent): void {
    if (!event.isTrusted || this.options.isInvalid()) return;
    this.pointer = { x: event.clientX, y: event.clientY, overCard: this.ui?.contains(event) ?? false };
    this.pointerSeen = true;
    this.scheduleHitTest();
  }

  private scheduleHitTest(): void {
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => {
      this.framePending = false;
      if (!this.options.isInvalid()) this.hitTest();
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
    } else if (
      this.open &&
      !this.open.byKeyboard &&
      !this.open.byTouch &&
      !this.ui?.isPinned &&
      this.closeTimer === undefined
    ) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = undefined;
        this.close();
      }, CLOSE_GRACE_MS);
    }
  }

  /** Escape outside the card closes it only while the pointer rests on its mention: elsewhere the key is the page's. */
  private onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || !this.open) return;
    if (this.hovered !== this.open.mention) return;
    this.close();
    event.stopPropagation();
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
    mention.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await this.show(mention, true);
    return mention;
  }

  /** Opens the card of the next mention of an entity (from the popup's list), as by keyboard. */
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

  private async show(
    mention: Mention,
    byKeyboard: boolean,
    how: { pinned?: boolean; byTouch?: boolean } = {},
  ): Promise<void> {
    if (this.options.isInvalid()) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    this.open = { mention, byKeyboard, byTouch: how.byTouch ?? false };
    const ui = await this.cardUi();
    if (this.open?.mention !== mention) return;
    await ui.open({
      entityId: mention.alias.entityId,
      mentionText: rangeOf(mention).toString(),
      anchor: {
        getBoundingClientRect: () => rangeOf(mention).getBoundingClientRect(),
        getClientRects: () => rangeOf(mention).getClientRects(),
        contextElement: mention.startNode.parentElement ?? undefined,
      },
      byKeyboard,
      pinned: how.pinned,
    });
  }

  close(): void {
    clearTimeout(this.intentTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    if (!this.open) return;
    this.open = null;
    this.ui?.close();
  }

  destroy(): void {
    this.close();
    this.ui?.destroy();
  }
}
