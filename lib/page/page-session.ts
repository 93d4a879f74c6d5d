import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController } from '@/lib/card/card-controller';
import { sendMessage } from '@/lib/ext/messages';
import type { Settings } from '@/lib/ext/settings';
import { isEnabledOn } from '@/lib/ext/site-rules';
import { type Lang, resolveLanguage } from '@/lib/i18n/language';
import { PageAnnotator } from '@/lib/page/annotator';
import { Matcher } from '@/lib/text/matcher';
import { Highlighter } from './highlighter';

export function cardLanguage(settings: Settings): Lang {
  return resolveLanguage(settings.language, browser.i18n.getUILanguage());
}

/**
 * Annotation of one document under the user's settings: started when the
 * site is on, stopped (every highlight and observer removed, badge cleared)
 * when it is switched off, rebuilt when the highlighted categories change.
 */
export class PageSession {
  private annotator: PageAnnotator | null = null;
  private readonly highlighter = new Highlighter();
  readonly cards: CardController;
  private categoriesKey = '';
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly site: string | null,
    private settings: Settings,
  ) {
    this.cards = new CardController(
      ctx,
      this.highlighter,
      {
        card: (entityId) => sendMessage('getCard', { entityId }),
        summary: () => sendMessage('getSummary'),
      },
      cardLanguage(settings),
    );
  }

  get enabled(): boolean {
    return isEnabledOn(this.site, this.settings.siteRules, this.settings.paused);
  }

  /** Applies (new) settings: starts, stops or rebuilds as needed. */
  async apply(settings: Settings): Promise<void> {
    this.settings = settings;
    this.highlighter.setStyle(settings.highlightStyle);
    this.cards.configure({ lang: cardLanguage(settings), hoverDelayMs: settings.hoverDelayMs });
    const key = [...settings.categories].sort().join();
    if (!this.enabled || key !== this.categoriesKey) this.stop();
    if (this.enabled && !this.annotator) await this.start(key);
  }

  private async start(categoriesKey: string): Promise<void> {
    const generation = ++this.generation;
    const aliases = await sendMessage('getMatcherSpec', { categories: this.settings.categories });
    // Settings may have changed while the spec was on its way.
    if (generation !== this.generation || this.ctx.isInvalid || !this.enabled) return;
    this.categoriesKey = categoriesKey;
    if (aliases.length === 0) return;
    const annotator = new PageAnnotator(document, Matcher.compile(aliases), {
      painter: this.highlighter,
      isExcluded: this.cards.isOwnElement,
      onChange: (mentions) => this.cards.setMentions(mentions),
      onCounts: (counts) => {
        if (!this.ctx.isInvalid) sendMessage('reportMentions', { counts }).catch(() => {});
      },
    });
    this.annotator = annotator;
    await annotator.start();
  }

  stop(): void {
    this.generation++;
    this.categoriesKey = '';
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
