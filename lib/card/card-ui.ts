import type { EntityCardProps } from '@/components/card/EntityCard';
import type { EntityCard } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { type Anchor, CardView } from './card-view';
import { pageThemeAt } from './page-theme';

export type { Anchor };

/** Where card data comes from: the background, through messages. */
export interface CardDataSource {
  card(entityId: string): Promise<Served<EntityCard>>;
  summary(): Promise<Served<SummaryData>>;
  /** Mutes or unmutes an entity everywhere (a setting the background keeps); absent where muting is not offered. */
  setMuted?(entityId: string, muted: boolean): Promise<void>;
}

/** What the spotter asks the card to show. */
export interface CardOpening {
  entityId: string;
  /** The mention's text, announced with the card. */
  mentionText: string;
  anchor: Anchor;
  /** Opened from the keyboard: focus goes into the card, and back where it was on close. */
  byKeyboard: boolean;
  /** Opened pinned (a click or a tap on the mention): it stays until unpinned or closed. */
  pinned?: boolean;
}

/** The card, as the always-loaded spotter drives it once this part is loaded. */
export interface CardUi {
  open(opening: CardOpening): Promise<void>;
  close(): void;
  readonly isOpen: boolean;
  readonly openedByKeyboard: boolean;
  /** Pinned cards stay open when the pointer leaves or the mention scrolls away. */
  readonly isPinned: boolean;
  /** The entity shown first (the mention's), while open. */
  readonly entityId: string | null;
  setPinned(pinned: boolean): void;
  /** True when an event happened over (or inside) the card. */
  contains(event: Event): boolean;
  /** The card's host element, which scans and hit tests pass over. */
  isOwnElement(element: Element): boolean;
  setLanguage(lang: Lang): void;
  setMuted(muted: ReadonlySet<string>): void;
  /** Loads the cards of the page's entities ahead, so that a card opens within a frame. */
  prefetch(entityIds: Iterable<string>): void;
  /** Drops the cards loaded so far: the fact packs changed, the next open reads them again. */
  forget(): void;
  destroy(): void;
}

export interface CardUiOptions {
  lang: Lang;
  /** Follow the page's colours (measured under the mention) or the system's. */
  theme?: 'page' | 'system';
  /** Entities the user muted, so the card offers to unmute them. */
  muted?: ReadonlySet<string>;
  data: CardDataSource;
  /** The mention scrolled out of view. */
  onAnchorHidden(): void;
  /** The card closed itself (its close button, Escape in it). */
  onClosed(): void;
}

interface OpenState {
  opening: CardOpening;
  pinned: boolean;
  theme: 'light' | 'dark' | 'system';
  /** Entities visited through "related" links; the last one is shown. */
  trail: string[];
  /** Where focus was before a keyboard open, to give it back on close. */
  returnFocus: Element | null;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** Builds the card part of the extension: its view, its data and its keyboard handling. */
export function createCardUi(options: CardUiOptions): CardUi {
  return new CardPresenter(options);
}

class CardPresenter implements CardUi {
  private readonly view: CardView;
  private readonly cache = new Map<string, Served<EntityCard>>();
  /** Answers on their way: a card asked for twice (prefetch, then open) is fetched once. */
  private readonly loading = new Map<string, Promise<Served<EntityCard>>>();
  private summary: Served<SummaryData> | null = null;
  private summaryLoading = false;
  /** Counts `forget()` calls: an answer asked for before the last one is not kept. */
  private generation = 0;
  private state: OpenState | null = null;
  private error = false;
  private lang: Lang;
  private muted: ReadonlySet<string>;
  private keysBound: HTMLElement | null = null;

  constructor(private readonly options: CardUiOptions) {
    this.lang = options.lang;
    this.muted = options.muted ?? new Set();
    this.view = new CardView(() => options.onAnchorHidden());
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  get openedByKeyboard(): boolean {
    return this.state?.opening.byKeyboard ?? false;
  }

  get isPinned(): boolean {
    return this.state?.pinned ?? false;
  }

  get entityId(): string | null {
    return this.state?.opening.entityId ?? null;
  }

  setPinned(pinned: boolean): void {
    if (!this.state || this.state.pinned === pinned) return;
    this.state.pinned = pinned;
    this.view.update(this.props());
  }

  setMuted(muted: ReadonlySet<string>): void {
    this.muted = muted;
    if (this.state) this.view.update(this.props());
  }

  contains(event: Event): boolean {
    return this.view.host.contains(event);
  }

  isOwnElement = (element: Element): boolean => this.view.host.isOwnElement(element);

  setLanguage(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    if (this.state) this.view.update(this.props());
  }

  prefetch(entityIds: Iterable<string>): void {
    if (!this.summary && !this.summaryLoading) {
      this.summaryLoading = true;
      const generation = this.generation;
      this.options.data.summary().then(
        (s) => {
          if (generation !== this.generation) return;
          this.summary = s;
          this.summaryLoading = false;
        },
        () => {
          if (generation === this.generation) this.summaryLoading = false;
        },
      );
    }
    for (const id of entityIds) this.load(id).catch(() => {});
  }

  forget(): void {
    // Answers still on their way were made of the old packs: the generation tells them apart.
    this.generation++;
    this.cache.clear();
    this.loading.clear();
    this.summary = null;
    this.summaryLoading = false;
    // An open card shows what the packs now say.
    void this.refresh();
  }

  async open(opening: CardOpening): Promise<void> {
    const returnFocus = opening.byKeyboard ? (this.state?.returnFocus ?? document.activeElement) : null;
    if (this.state) this.view.hide();
    const theme = this.options.theme === 'system' ? 'system' : pageThemeAt(opening.anchor.contextElement);
    const state: OpenState = {
      opening,
      trail: [opening.entityId],
      returnFocus,
      pinned: opening.pinned ?? false,
      theme,
    };
    this.state = state;
    this.error = false;
    await this.view.show(this.props(), opening.anchor);
    this.bindKeys();
    await this.refresh();
    if (opening.byKeyboard && this.state === state) this.view.dialog?.focus();
  }

  close(): void {
    const state = this.state;
    if (!state) return;
    this.state = null;
    this.view.hide();
    if (state.opening.byKeyboard && state.returnFocus instanceof HTMLElement)
      state.returnFocus.focus({ preventScroll: true });
  }

  /** A close the card decided itself: the spotter is told, so that it forgets the open mention. */
  private closeFromCard(): void {
    this.close();
    this.options.onClosed();
  }

  destroy(): void {
    this.close();
    this.view.destroy();
  }

  private async load(entityId: string): Promise<Served<EntityCard>> {
    const cached = this.cache.get(entityId);
    if (cached) return cached;
    let pending = this.loading.get(entityId);
    if (!pending) {
      const asked = this.options.data.card(entityId);
      pending = asked;
      this.loading.set(entityId, asked);
      // A failed answer is forgotten, so that the next open asks again.
      const done = () => {
        if (this.loading.get(entityId) === asked) this.loading.delete(entityId);
      };
      asked.then(done, done);
    }
    const generation = this.generation;
    const served = await pending;
    if (generation === this.generation) this.cache.set(entityId, served);
    return served;
  }

  /** Loads the shown entity if needed and re-renders. */
  private async refresh(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const id = state.trail[state.trail.length - 1] as string;
    if (!this.cache.has(id)) {
      try {
        await this.load(id);
      } catch {
        this.error = true;
      }
    }
    if (this.state === state) this.view.update(this.props());
  }

  /**
   * Keys typed in the card are the card's: Tab cycles inside it when it was
   * opened from the keyboard, Escape closes it, and none reaches the page's
   * own shortcuts. Bound once per host (a re-created host is bound again).
   */
  private bindKeys(): void {
    const layer = this.view.host.layer();
    if (this.keysBound === layer) return;
    this.keysBound = layer;
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      event.stopPropagation();
      if (event.type !== 'keydown') return;
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeFromCard();
      } else if (event.key === 'Tab' && this.openedByKeyboard) this.trapTab(event);
    };
    for (const type of ['keydown', 'keyup', 'keypress'] as const) layer.addEventListener(type, onKey);
  }

  private trapTab(event: KeyboardEvent): void {
    const dialog = this.view.dialog;
    if (!dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const active = this.view.host.activeElement();
    const index = active ? focusable.indexOf(active as HTMLElement) : -1;
    const last = focusable.length - 1;
    const next = event.shiftKey ? (index <= 0 ? last : index - 1) : index === -1 || index === last ? 0 : index + 1;
    event.preventDefault();
    focusable[next]?.focus();
  }

  private props(): EntityCardProps {
    const state = this.state as OpenState;
    const id = state.trail[state.trail.length - 1] as string;
    const served = this.cache.get(id);
    const previousId = state.trail[state.trail.length - 2];
    const previous = previousId === undefined ? undefined : this.cache.get(previousId);
    return {
      lang: this.lang,
      card: served?.value ?? null,
      error: this.error,
      version: served?.version,
      source: this.summary?.value.source,
      mentionText: state.opening.mentionText,
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
      onClose: () => this.closeFromCard(),
      theme: state.theme,
      pinned: state.pinned,
      onPinChange: (pinned) => this.setPinned(pinned),
      muted: this.muted.has(id),
      onMuteChange: this.options.data.setMuted
        ? (muted) => {
            // The highlights go at once, the card stays (pinned) to offer the way back.
            if (muted) this.setPinned(true);
            this.muted = muted ? new Set([...this.muted, id]) : new Set([...this.muted].filter((m) => m !== id));
            this.view.update(this.props());
            this.options.data.setMuted?.(id, muted).catch(() => {});
          }
        : undefined,
    };
  }
}
