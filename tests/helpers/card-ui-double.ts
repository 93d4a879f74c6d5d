import { vi } from 'vitest';
import type { CardOpening, CardUi, CardUiOptions } from '@/lib/card/card-ui';
import type { Lang } from '@/lib/i18n/language';

/** A card part that records what it is asked to do; its host is a plain element a test may put in the page. */
export class RecordingCardUi implements CardUi {
  readonly element = document.createElement('div');
  readonly opens: CardOpening[] = [];
  readonly prefetched: string[][] = [];
  readonly languages: Lang[] = [];
  closes = 0;
  forgets = 0;
  destroyed = false;
  isOpen = false;
  isPinned = false;
  openedByKeyboard = false;
  entityId: string | null = null;
  /** What the trigger handed the loader: the card calls back through it. */
  options: CardUiOptions | null = null;

  async open(opening: CardOpening): Promise<void> {
    this.opens.push(opening);
    this.isOpen = true;
    this.isPinned = opening.pinned ?? false;
    this.openedByKeyboard = opening.byKeyboard;
    this.entityId = opening.entityId;
  }

  close(): void {
    if (!this.isOpen) return;
    this.closes++;
    this.isOpen = false;
    this.isPinned = false;
    this.entityId = null;
  }

  forget(): void {
    this.forgets++;
  }

  setPinned(pinned: boolean): void {
    this.isPinned = pinned;
  }

  contains(event: Event): boolean {
    return event.composedPath().includes(this.element);
  }

  isOwnElement(element: Element): boolean {
    return element === this.element;
  }

  setLanguage(lang: Lang): void {
    this.languages.push(lang);
  }

  setMuted(): void {}

  prefetch(entityIds: Iterable<string>): void {
    this.prefetched.push([...entityIds]);
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** The card closing itself (its close button, Escape in it), as the real one tells the trigger. */
  closeFromCard(): void {
    this.close();
    this.options?.onClosed();
  }

  get lastOpening(): CardOpening | undefined {
    return this.opens[this.opens.length - 1];
  }
}

/** A loader of the card part that hands out `ui`, recording each call. */
export function cardUiLoader(ui = new RecordingCardUi()) {
  const load = vi.fn(async (options: CardUiOptions): Promise<CardUi> => {
    ui.options = options;
    return ui;
  });
  return { ui, load };
}
