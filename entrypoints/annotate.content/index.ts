import type { CardUiOptions } from '@/lib/card/card-ui';
import { onMessage, sendMessage } from '@/lib/ext/messages';
import { siteOf } from '@/lib/ext/site-rules';
import { readDirection, readEntityId, readNothing } from '@/lib/ext/tab-messages';
import { PageSession } from '@/lib/page/page-session';
import { whenTextAppears } from '@/lib/page/text-presence';
import '@/components/highlights.css';

/**
 * The frame's origin, for its site rule. about:blank and srcdoc frames
 * belong to the page that made them, but a content script reads their origin
 * as "null": the nearest ancestor it may read stands for them. A sandboxed
 * frame's parent cannot be read, and the extension stays off there.
 */
function frameOrigin(): string {
  let frame: Window = window;
  for (let depth = 0; depth < 16 && frame.location.origin === 'null' && frame !== frame.parent; depth++) {
    try {
      frame = frame.parent;
      void frame.location.origin;
    } catch {
      return location.href;
    }
  }
  return frame.location.origin !== 'null' ? frame.location.origin : location.href;
}

/** The card part, a separate file loaded on the first mention (see docs/architecture.md). */
async function loadCardUi(options: CardUiOptions) {
  const url = browser.runtime.getURL('/card-ui.js' as '/');
  const module: typeof import('@/lib/card/card-ui') = await import(/* @vite-ignore */ url);
  return module.createCardUi(options);
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Without the Custom Highlight API there is no way to mark text without touching the page.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const site = siteOf(frameOrigin());
    await whenTextAppears(document, ctx.signal);
    if (ctx.isInvalid) return;
    const setup = () => sendMessage('getPageSetup', { site });
    const session = new PageSession(await setup(), {
      data: {
        card: (entityId) => sendMessage('getCard', { entityId }),
        summary: () => sendMessage('getSummary'),
        setMuted: (entityId, muted) => sendMessage('setEntityMuted', { entityId, muted }),
      },
      loadCardUi,
      reportCounts: (counts, limit) => void sendMessage('reportMentions', { counts, limit }).catch(() => {}),
      isInvalid: () => ctx.isInvalid,
      listen: (type, handler, options) => ctx.addEventListener(document, type, handler, options),
      every: (ms, fn) => {
        const id = ctx.setInterval(fn, ms);
        return () => clearInterval(id);
      },
    });
    if (ctx.isInvalid) return;
    ctx.onInvalidated(() => session.destroy());

    // Only the top frame answers for the tab: keyboard navigation and the popup.
    if (window === window.top) {
      ctx.onInvalidated(
        onMessage('navigateMention', async ({ data }) => {
          const mention = await session.cards.navigate(readDirection(data));
          return mention?.alias.entityId ?? null;
        }),
      );
      ctx.onInvalidated(onMessage('revealEntity', ({ data }) => session.cards.reveal(readEntityId(data))));
      ctx.onInvalidated(
        onMessage('getPageInfo', ({ data }) => {
          readNothing('getPageInfo', data);
          return { site, enabled: session.enabled };
        }),
      );
    }

    // Any change of settings may change this frame's setup: the background decides, once per burst.
    let queued = false;
    const onStorageChange = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!ctx.isInvalid)
          setup().then(
            (next) => session.apply(next),
            () => {},
          );
      });
    };
    browser.storage.onChanged.addListener(onStorageChange);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));
    // A snooze ends at its time: the frame asks again then (storage does not change at that moment).
    let wake: number | undefined;
    session.onSetup = (next) => {
      clearTimeout(wake);
      if (next.snoozedUntil !== null)
        wake = ctx.setTimeout(onStorageChange, Math.max(0, next.snoozedUntil - Date.now()) + 250);
    };
    await session.apply(await setup());
  },
});
