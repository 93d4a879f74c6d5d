import { Matcher } from '@/lib/matcher';
import { sendMessage } from '@/lib/messages';
import { PageAnnotator } from '@/lib/page-annotator';
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
    const annotator = new PageAnnotator(document, Matcher.compile(aliases), {
      painter: highlighter,
      onCounts: (counts) => {
        if (!ctx.isInvalid) sendMessage('reportMentions', { counts }).catch(() => {});
      },
    });
    ctx.onInvalidated(() => annotator.stop());
    // A page script may clear CSS.highlights at any time; checking is three map reads.
    ctx.setInterval(() => highlighter.ensureRegistered(), 2000);
    await annotator.start();
  },
});
