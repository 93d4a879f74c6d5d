import { vi } from 'vitest';
import type { CardDataSource } from '@/lib/card/card-ui';
import { CardTrigger, type CardUiLoader } from '@/lib/page/card-trigger';
import { Highlighter } from '@/lib/page/highlighter';
import type { Mention } from '@/lib/page/mention';
import { cardUiLoader, type RecordingCardUi } from './card-ui-double';
import { textNode } from './dom';
import { pointerMove, trusted } from './events';
import { type FakeHighlightRegistry, installHighlightApi, uninstallHighlightApi } from './highlight-api';
import { FakeLayout } from './layout';
import { aliasOf, mentionOf } from './mentions';

export const HOVER_DELAY_MS = 200;
/** One frame of the fake clock (requestAnimationFrame fires every 16 ms). */
export const FRAME_MS = 16;
/** Somewhere on the page with no text at all. */
export const NOWHERE = { x: 600, y: 600 };

const FIRST = 'Siri met Craig Federighi.';
const SECOND = 'Later, Siri again.';

/**
 * A page with three mentions, laid out and painted, and a `CardTrigger` over
 * it with a recording card part: "Siri" and "Craig Federighi" on the first
 * line, "Siri" again on the second. Runs on fake timers; `dispose` after each
 * test.
 */
export function triggerPage(options: { load?: CardUiLoader; ui?: RecordingCardUi } = {}) {
  vi.useFakeTimers();
  const registry: FakeHighlightRegistry = installHighlightApi();
  document.body.innerHTML = `<p>${FIRST}</p><p>${SECOND}</p>`;
  const first = textNode(FIRST);
  const second = textNode(SECOND);
  const siri = mentionOf(first, 'Siri', aliasOf('siri'));
  const craig = mentionOf(first, 'Craig Federighi', aliasOf('craig-federighi'));
  const siriAgain = mentionOf(second, 'Siri', aliasOf('siri'));
  const all: Mention[] = [siri, craig, siriAgain];

  const layout = new FakeLayout();
  layout.placeMention(siri, 0, 0, 40);
  layout.place(first, 5, 8, 50, 0, 30);
  layout.placeMention(craig, 90, 0, 120);
  layout.place(second, 0, 6, 0, 40, 50);
  layout.placeMention(siriAgain, 60, 40, 40);
  layout.install(registry);

  const highlighter = new Highlighter(registry.typed);
  highlighter.sync(all);
  const { ui, load: recordingLoad } = cardUiLoader(options.ui);
  const load = vi.fn(options.load ?? recordingLoad);
  const data: CardDataSource = { card: vi.fn(), summary: vi.fn() };
  const removers: (() => void)[] = [];
  let invalid = false;
  const trigger = new CardTrigger(highlighter, {
    lang: 'en',
    muted: [],
    hoverDelayMs: HOVER_DELAY_MS,
    data,
    load,
    isInvalid: () => invalid,
    listen: (type, handler, listenerOptions) => {
      document.addEventListener(type, handler, listenerOptions);
      removers.push(() => document.removeEventListener(type, handler, listenerOptions));
    },
  });

  /** Lets the fake clock run, promises settling on the way. */
  const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
  /** A real pointer move to (x, y), and the frame in which the trigger looks under it. */
  const moveTo = async (at: { x: number; y: number }) => {
    document.body.dispatchEvent(trusted(pointerMove(at.x, at.y)));
    await wait(FRAME_MS);
  };

  return {
    trigger,
    ui,
    load,
    data,
    registry,
    highlighter,
    layout,
    mentions: { siri, craig, siriAgain, all },
    at: (m: Mention) => layout.centreOf(m),
    wait,
    moveTo,
    /** Hovers `m` until its card opens. */
    hoverOpen: async (m: Mention) => {
      await moveTo(layout.centreOf(m));
      await wait(HOVER_DELAY_MS);
    },
    invalidate: () => {
      invalid = true;
    },
    dispose: () => {
      trigger.destroy();
      for (const remove of removers) remove();
      ui.element.remove();
      FakeLayout.uninstall();
      uninstallHighlightApi();
      vi.useRealTimers();
    },
  };
}

export type TriggerPage = ReturnType<typeof triggerPage>;
