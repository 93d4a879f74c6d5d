import { snoozesItem } from './settings-items';
import { nextSnoozeEnd, parseSnoozes, pruneSnoozes } from './snooze';

export const SNOOZE_ALARM = 'context-lens-snooze-end';

/**
 * Ends snoozes at their time: removes those that have ended from storage,
 * which every reader sees as a change, so pages start highlighting again.
 * An alarm wakes the background for it (Chrome stops an idle service worker
 * after 30 s, and its timers with it); a timer is set as well, because Chrome
 * fires alarms at most every 30 s. Readers compare times themselves, so a
 * snooze whose end the browser slept through is over anyway.
 */
export function createSnoozeTimer(now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function schedule(snoozes: Record<string, number>): Promise<void> {
    clearTimeout(timer);
    const next = nextSnoozeEnd(snoozes, now());
    if (next === null) {
      await browser.alarms.clear(SNOOZE_ALARM).catch(() => {});
      return;
    }
    browser.alarms.create(SNOOZE_ALARM, { when: next });
    // Past 2^31 - 1 ms a timer fires at once; the alarm covers such (impossible) snoozes.
    timer = setTimeout(() => void check(), Math.min(next - now() + 20, 2 ** 31 - 1));
  }

  /** Drops the snoozes that have ended and plans the next end. */
  async function check(): Promise<void> {
    const snoozes = parseSnoozes(await snoozesItem.getValue().catch(() => null));
    // Damaged snoozes are not this timer's to change: the popup offers to clear them.
    if (!snoozes) return;
    const running = pruneSnoozes(snoozes, now());
    if (running) await snoozesItem.setValue(running).catch(() => {});
    await schedule(running ?? snoozes);
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SNOOZE_ALARM) void check();
  });

  return { check, schedule };
}
