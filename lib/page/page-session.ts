import type { PageSetup } from '@/lib/ext/messages';
import { Matcher } from '@/lib/text/matcher';
import { PageAnnotator } from './annotator';
import { CardTrigger, type CardUiLoader } from './card-trigger';
import { Highlighter } from './highlighter';

export interface SessionDeps {
  /** Where cards get their data (messages to the background). */
  data: ConstructorParameters<typeof CardTrigger>[1]['data'];
  loadCardUi: CardUiLoader;
  /** The frame's counts changed: they go to the background, for the badge and the popup. */
  reportCounts(counts: Record<string, number>, capped: boolean): void;
  isInvalid(): boolean;
  listen: ConstructorParameters<typeof CardTrigger>[1]['listen'];
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

  constructor(
    first: PageSetup,
    private readonly deps: SessionDeps,
  ) {
    this.setup = first;
    this.cards = new CardTrigger(this.highlighter, {
      lang: first.lang,
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

  /** Applies a (new) setup: starts, stops or rebuilds as needed. */
  async apply(setup: PageSetup): Promise<void> {
    this.setup = setup;
    this.highlighter.setStyle(setup.style);
    this.cards.configure({ lang: setup.lang, hoverDelayMs: setup.hoverDelayMs });
    if (!setup.matcher || setup.matcherKey !== this.matcherKey) this.stop();
    if (setup.matcher && !this.annotator) await this.start(setup.matcher, setup.matcherKey);
  }

  private async start(spec: NonNullable<PageSetup['matcher']>, key: string): Promise<void> {
    this.matcherKey = key;
    if (spec.aliases.length === 0) return;
    const annotator = new PageAnnotator(document, Matcher.fromSpec(spec), {
      painter: this.highlighter,
      isExcluded: this.cards.isOwnElement,
      onChange: (mentions) => this.cards.setMentions(mentions),
      onCounts: (counts, capped) => {
        if (!this.deps.isInvalid()) this.deps.reportCounts(counts, capped);
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
  }

  /** A page script may clear CSS.highlights at any time; checking is a few map reads. */
  checkRegistration(): void {
    if (this.annotator) this.highlighter.ensureRegistered();
  }

  destroy(): void {
    this.stop();
    this.cards.destroy();
  }
}
