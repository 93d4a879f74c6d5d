import type { PageSetup } from '@/lib/ext/messages';
import { Matcher } from '@/lib/text/matcher';
import { PageAnnotator } from './annotator';
import { CardTrigger, type CardUiLoader } from './card-trigger';
import { Highlighter } from './highlighter';
import type { PageLimit } from './limits';

export interface SessionDeps {
  /** Where cards get their data (messages to the background). */
  data: ConstructorParameters<typeof CardTrigger>[1]['data'];
  loadCardUi: CardUiLoader;
  /** The frame's counts changed: they go to the background, for the badge and the popup. */
  reportCounts(counts: Record<string, number>, limit: PageLimit): void;
  isInvalid(): boolean;
  listen: ConstructorParameters<typeof CardTrigger>[1]['listen'];
  /** Runs `fn` every `ms` until the returned function is called (or the content script goes away). */
  every(ms: number, fn: () => void): () => void;
}

/**
 * Annotation of one document under the setup the background sends: started
 * when the site is on, stopped (every highlight and observer removed, counts
 * cleared) when it is switched off, rebuilt when the alias set changes.
 */
export class PageSession {
  private annotator: PageAnnotator | null = null;
  private readonly highlighter = new Highlighter();
  readonly cards: CardTrigger;
  private matcherKey = '';
  private setup: PageSetup;
  /** Watches the page's highlight registry while there are highlights to keep (see `guard`). */
  private unguard: (() => void) | null = null;
  private scrollPending = false;
  private scrollWatched = false;

  constructor(
    first: PageSetup,
    private readonly deps: SessionDeps,
  ) {
    this.setup = first;
    this.cards = new CardTrigger(this.highlighter, {
      lang: first.lang,
      muted: first.mutedEntities,
      hoverDelayMs: first.hoverDelayMs,
      data: deps.data,
      load: deps.loadCardUi,
      isInvalid: deps.isInvalid,
      listen: deps.listen,
    });
  }

  get enabled(): boolean {
    return this.setup.enabled;
  }

  /** Told of every setup applied (the entry point schedules the end of a snooze). */
  onSetup: ((setup: PageSetup) => void) | null = null;

  /** Applies a (new) setup: starts, stops or rebuilds as needed. */
  async apply(setup: PageSetup): Promise<void> {
    this.setup = setup;
    this.onSetup?.(setup);
    this.highlighter.setStyle(setup.style);
    this.cards.configure({
      lang: setup.lang,
      hoverDelayMs: setup.hoverDelayMs,
      muted: setup.mutedEntities,
      dataKey: setup.factsKey,
    });
    if (!setup.matcher || setup.matcherKey !== this.matcherKey) this.stop();
    if (setup.matcher && !this.annotator) await this.start(setup.matcher, setup.matcherKey);
  }

  private async start(spec: NonNullable<PageSetup['matcher']>, key: string): Promise<void> {
    this.matcherKey = key;
    if (spec.aliases.length === 0) return;
    const annotator = new PageAnnotator(document, Matcher.fromSpec(spec), {
      painter: this.highlighter,
      isExcluded: this.cards.isOwnElement,
      onChange: (mentions) => {
        this.cards.setMentions(mentions);
        this.guard(mentions.length > 0);
      },
      onCounts: (counts, limit) => {
        if (!this.deps.isInvalid()) this.deps.reportCounts(counts, limit);
      },
    });
    this.annotator = annotator;
    await annotator.start();
  }

  stop(): void {
    this.matcherKey = '';
    if (!this.annotator) return;
    this.annotator.stop();
    this.annotator = null;
    this.cards.setMentions([]);
    this.guard(false);
  }

  /**
   * A page script may clear `CSS.highlights`, or empty or fill our highlights,
   * at any time. While there are highlights, they are checked whenever the
   * page scrolls (once per frame at most), and fully once a second; a page
   * without mentions runs no timer at all. (A check on every frame would keep
   * a still page's main thread awake at the display's rate.)
   */
  private guard(on: boolean): void {
    if (!on) {
      this.unguard?.();
      this.unguard = null;
      return;
    }
    if (this.unguard) return;
    this.unguard = this.deps.every(1000, () => this.highlighter.ensureRegistered(true));
    if (this.scrollWatched) return;
    this.scrollWatched = true;
    this.deps.listen(
      'scroll',
      () => {
        if (!this.unguard || this.scrollPending) return;
        this.scrollPending = true;
        requestAnimationFrame(() => {
          this.scrollPending = false;
          if (this.unguard) this.highlighter.ensureRegistered();
        });
      },
      { passive: true, capture: true },
    );
  }

  destroy(): void {
    this.stop();
    this.guard(false);
    this.cards.destroy();
  }
}
