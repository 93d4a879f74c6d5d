import { onMessage, validateInput } from '@/lib/ext/messages';
import { loadSettings, watchSettings } from '@/lib/ext/settings';
import { siteOf } from '@/lib/ext/site-rules';
import { PageSession } from '@/lib/page/page-session';
import '@/components/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Without the Custom Highlight API there is no way to mark text without touching the page.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    // about:blank and srcdoc frames inherit their parent's origin, and with it its site rule.
    const site = siteOf(location.origin !== 'null' ? location.origin : location.href);
    const settings = await loadSettings();
    const session = new PageSession(ctx, site, settings);
    if (ctx.isInvalid) return;
    ctx.onInvalidated(() => session.destroy());

    // Only the top frame answers for the tab: keyboard navigation and the popup.
    if (window === window.top) {
      ctx.onInvalidated(
        onMessage('navigateMention', async ({ data }) => {
          const mention = await session.cards.navigate(validateInput('navigateMention', data).direction);
          return mention?.alias.entityId ?? null;
        }),
      );
      ctx.onInvalidated(
        onMessage('revealEntity', ({ data }) => session.cards.reveal(validateInput('revealEntity', data).entityId)),
      );
      ctx.onInvalidated(
        onMessage('getPageInfo', ({ data }) => {
          validateInput('getPageInfo', data);
          return { site, enabled: session.enabled };
        }),
      );
    }

    ctx.onInvalidated(watchSettings((settings) => void session.apply(settings)));
    ctx.setInterval(() => session.checkRegistration(), 2000);
    await session.apply(settings);
  },
});
