import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, createHandlers, RefusedSenderError } from '@/lib/ext/message-handlers';
import { type BackgroundMessage, classifySender, MESSAGE_SENDERS, type RawSender } from '@/lib/ext/messages';
import { coalesce, TabCounts } from '@/lib/ext/tab-counts';
import type { FactStore } from '@/lib/store/fact-store';

afterEach(() => vi.useRealTimers());

const OWN = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const popup: RawSender = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
// The options page opened in a tab, as Chrome does: an extension page although it has a tab.
const optionsInTab: RawSender = { id: 'our-id', url: 'chrome-extension://our-id/options.html', tab: { id: 3 } };
const contentScript: RawSender = { id: 'our-id', url: 'https://news.example.com/a', tab: { id: 7 }, frameId: 0 };
const blankFrame: RawSender = { id: 'our-id', url: 'about:blank', tab: { id: 7 }, frameId: 4 };

describe('classifySender', () => {
  it('tells extension pages (by their origin) from content scripts (a tab, another origin)', () => {
    expect(classifySender(popup, OWN)).toBe('extension-page');
    expect(classifySender(optionsInTab, OWN)).toBe('extension-page');
    expect(classifySender(contentScript, OWN)).toBe('content-script');
    expect(classifySender(blankFrame, OWN)).toBe('content-script');
    const firefox = { id: 'ff', origin: 'moz-extension://1b2c-uuid/' };
    expect(classifySender({ id: 'ff', url: 'moz-extension://1b2c-uuid/popup.html' }, firefox)).toBe('extension-page');
  });

  it('answers no one for other extensions, pages posing as ours, and senders with neither', () => {
    expect(classifySender({ ...popup, id: 'other' }, OWN)).toBeNull();
    expect(classifySender(undefined, OWN)).toBeNull();
    expect(classifySender({ id: 'our-id' }, OWN)).toBeNull();
    expect(classifySender({ id: 'our-id', url: 'chrome-extension://other-id/popup.html' }, OWN)).toBeNull();
    expect(classifySender({ id: 'our-id', url: 'https://our-id/popup.html', tab: { id: 1 } }, OWN)).toBe(
      'content-script',
    );
  });
});

describe('createDispatcher', () => {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(MESSAGE_SENDERS) as BackgroundMessage[]).map((type) => [
      type,
      async () => {
        calls.push(type);
        return 'answered';
      },
    ]),
  ) as unknown as Parameters<typeof createDispatcher>[0];
  const dispatch = createDispatcher(handlers, OWN);

  it('refuses extension-page messages from content scripts, before any handler runs', async () => {
    calls.length = 0;
    for (const type of ['getTabMentions', 'rebuildCache', 'getFactBaseInfo', 'search', 'snoozeSite'] as const) {
      await expect(dispatch(type, {}, contentScript)).rejects.toBeInstanceOf(RefusedSenderError);
      await expect(dispatch(type, {}, blankFrame)).rejects.toThrow(/cannot be sent from content-script/);
    }
    expect(calls).toEqual([]);
  });

  it('refuses content-script messages from extension pages, and everything from strangers', async () => {
    calls.length = 0;
    await expect(dispatch('reportMentions', {}, popup)).rejects.toBeInstanceOf(RefusedSenderError);
    await expect(dispatch('getPageSetup', {}, optionsInTab)).rejects.toBeInstanceOf(RefusedSenderError);
    await expect(dispatch('getSummary', {}, { ...contentScript, id: 'evil' })).rejects.toThrow(/outside the extension/);
    expect(calls).toEqual([]);
  });

  it('passes on what each policy allows', async () => {
    calls.length = 0;
    await dispatch('getCard', {}, contentScript);
    await dispatch('getCard', {}, popup);
    await dispatch('getTabMentions', {}, optionsInTab);
    await dispatch('reportMentions', {}, contentScript);
    expect(calls).toEqual(['getCard', 'getCard', 'getTabMentions', 'reportMentions']);
  });

  it('gives the handler the tab, the frame and the address of the sender', async () => {
    const seen: unknown[] = [];
    const real = createHandlers({
      store: {} as FactStore,
      pageSetup: async () => {
        throw new Error('not asked here');
      },
      entityIds: async () => new Set(['siri']),
      onMentions: (...args) => seen.push(args),
      tabMentions: async () => ({ counts: {}, limit: 'none' }),
      onSnooze: async () => {},
      onMute: async () => {},
      packs: {} as never,
    });
    await createDispatcher(real, OWN)('reportMentions', { counts: { siri: 2 } }, blankFrame);
    expect(seen).toEqual([[7, 4, { siri: 2 }, 'none', 'about:blank']]);
  });
});

describe('TabCounts', () => {
  it('sums a tab’s frames; keys such as toString are counts, never methods', () => {
    const counts = new TabCounts();
    expect(counts.set(1, 0, { toString: 2, siri: 1 })).toBe(3);
    expect(counts.set(1, 3, { toString: 1 })).toBe(4);
    expect(counts.byEntity(1)).toEqual({ toString: 3, siri: 1 });
    expect(counts.total(2)).toBe(0);
  });

  it('keeps only well-formed data from session storage', () => {
    const counts = new TabCounts({
      counts: { 1: { 0: { siri: 2 }, 1: { siri: 1 }, x: { siri: 1 } }, 2: { 0: { siri: -1 } }, y: {} },
      limits: { 1: { 0: 'counts', 1: 'everything' }, 2: { 0: 'highlights' } },
    });
    expect(counts.toJSON()).toEqual({
      counts: { 1: { 0: { siri: 2 }, 1: { siri: 1 } } },
      limits: { 1: { 0: 'counts' } },
    });
    expect(new TabCounts('garbage').toJSON()).toEqual({ counts: {}, limits: {} });
    // The shape of earlier versions: nothing read, nothing broken.
    expect(new TabCounts({ 1: { 0: { siri: 2 } } }).total(1)).toBe(0);
  });

  it('tells the furthest cap any frame of a tab reached, and forgets it with the frame', () => {
    const counts = new TabCounts();
    counts.set(1, 0, { siri: 1 });
    expect(counts.limit(1)).toBe('none');
    counts.set(1, 2, { siri: 5000 }, 'highlights');
    counts.set(1, 3, { siri: 50000 }, 'counts');
    expect(counts.limit(1)).toBe('counts');
    counts.set(1, 3, {}, 'none');
    expect(counts.limit(1)).toBe('highlights');
    expect(counts.limit(2)).toBe('none');
    counts.forgetTab(1);
    expect(counts.limit(1)).toBe('none');
  });
});

describe('coalesce', () => {
  it('writes at once, then at most once an interval, with every change asked for meanwhile', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const writer = coalesce(write, 1000);
    writer.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      writer.request();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(write).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(write).toHaveBeenCalledTimes(2);
  });
});
