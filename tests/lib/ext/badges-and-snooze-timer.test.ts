import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Badges } from '@/lib/ext/badges';
import { snoozesItem } from '@/lib/ext/settings';
import { createSnoozeTimer, SNOOZE_ALARM } from '@/lib/ext/snooze-timer';

const NOW = new Date(2025, 6, 14, 14, 0).getTime();

describe('Badges', () => {
  function badges(now = NOW) {
    const shown = new Map<number, { text?: string; title?: string }>();
    const api = {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
        shown.set(tabId, { ...shown.get(tabId), text });
      },
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) => {
        shown.set(tabId, { ...shown.get(tabId), title });
      },
    };
    return {
      shown,
      badges: new Badges(
        api,
        () => 'en',
        () => now,
      ),
    };
  }

  it('shows the count, or the snooze of the tab’s site with when it ends', () => {
    const { shown, badges: b } = badges();
    b.noteSite(1, 'news.example.com');
    b.setTotal(1, 12);
    b.setTotal(2, 1200);
    expect(shown.get(1)).toEqual({ text: '12', title: 'Context Lens' });
    expect(shown.get(2)).toEqual({ text: '999+', title: 'Context Lens' });
    b.setSnoozes({ 'example.com': NOW + 3_600_000 });
    expect(shown.get(1)?.text).toBe('z');
    expect(shown.get(1)?.title).toMatch(/^Context Lens is snoozed on news\.example\.com until 3:00\sPM$/);
    expect(shown.get(2)?.text).toBe('999+');
    b.setSnoozes({});
    expect(shown.get(1)).toEqual({ text: '12', title: 'Context Lens' });
  });

  it('shows a failure until the tab’s next count', () => {
    const { shown, badges: b } = badges();
    b.alert(3, 'Context Lens: the change for a.com could not be saved.');
    expect(shown.get(3)).toEqual({ text: '!', title: 'Context Lens: the change for a.com could not be saved.' });
    b.setTotal(3, 2);
    expect(shown.get(3)).toEqual({ text: '2', title: 'Context Lens' });
  });

  it('forgets a tab’s site and count on a new document', () => {
    const { shown, badges: b } = badges();
    b.noteSite(4, 'a.com');
    b.setSnoozes({ 'a.com': NOW + 1000 });
    expect(shown.get(4)?.text).toBe('z');
    b.forget(4);
    expect(shown.get(4)).toEqual({ text: '', title: 'Context Lens' });
  });
});

describe('createSnoozeTimer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('drops snoozes that have ended, even ones the browser slept through, and plans the next end', async () => {
    await snoozesItem.setValue({ 'old.org': NOW - 60_000, 'a.com': NOW + 5000, 'b.com': NOW + 9000 });
    const timer = createSnoozeTimer();
    await timer.check();
    expect(await snoozesItem.getValue()).toEqual({ 'a.com': NOW + 5000, 'b.com': NOW + 9000 });
    expect((await fakeBrowser.alarms.get(SNOOZE_ALARM))?.scheduledTime).toBe(NOW + 5000);

    // The timer ends it at its time while the background is awake...
    await vi.advanceTimersByTimeAsync(5100);
    expect(await snoozesItem.getValue()).toEqual({ 'b.com': NOW + 9000 });
    expect((await fakeBrowser.alarms.get(SNOOZE_ALARM))?.scheduledTime).toBe(NOW + 9000);

    // ...and the alarm, which wakes a stopped service worker, does the same.
    vi.setSystemTime(NOW + 9500);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SNOOZE_ALARM, scheduledTime: NOW + 9000 });
    await vi.waitFor(async () => expect(await snoozesItem.getValue()).toEqual({}));
    expect(await fakeBrowser.alarms.get(SNOOZE_ALARM)).toBeUndefined();
  });

  it('leaves damaged snoozes to the user', async () => {
    await fakeBrowser.storage.local.set({ snoozes: 'garbage' });
    await createSnoozeTimer().check();
    expect((await fakeBrowser.storage.local.get('snoozes')).snoozes).toBe('garbage');
  });
});
