import { langFromLocale } from '@/lib/language';
import { Matcher } from '@/lib/matcher';
import { onMessage, sendMessage, validateInput } from '@/lib/messages';
import { PageAnnotator } from '@/lib/page-annotator';
import { CardController } from './card-controller';
import { Highlighter } from './highlighter';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Without the Custom Highlight API there is no way to mark text without touching the page.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const aliases = await sendMessage('getMatcherSpec');
    if (ctx.isInvalid || aliases.length === 0) return;

    const highlighter = new Highlighter();
    const cards = new CardController(
      ctx,
      highlighter,
      {
        card: (entityId) => sendMessage('getCard', { entityId }),
        summary: () => sendMessage('getSummary'),
      },
      langFromLocale(browser.i18n.getUILanguage()),
    );
    const annotator = new PageAnnotator(document, Matcher.compile(aliases), {
      painter: highlighter,
      isExcluded: cards.isOwnElement,
      onChange: (mentions) => cards.setMentions(mentions),
      onCounts: (counts) => {
        if (!ctx.isInvalid) sendMessage('reportMentions', { counts }).catch(() => {});
      },
    });

    // Only the top frame answers for the tab: keyboard navigation and the popup's list.
    if (window === window.top) {
      ctx.onInvalidated(onMessage('navigateMention', async ({ data }) => {
        const mention = await cards.navigate(validateInput('navigateMention', data).direction);
        return mention?.alias.entityId ?? null;
      }));
      ctx.onInvalidated(onMessage('revealEntity', ({ data }) => cards.reveal(validateInput('revealEntity', data).entityId)));
    }
    ctx.onInvalidated(() => {
      annotator.stop();
      cards.destroy();
    });
    // A page script may clear CSS.highlights at any time; checking is three map reads.
    ctx.setInterval(() => highlighter.ensureRegistered(), 2000);
    await annotator.start();
  },
});
