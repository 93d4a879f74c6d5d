import { describe, expect, it } from 'vitest';
import {
  activeSnooze,
  MAX_SNOOZE_MS,
  nextSnoozeEnd,
  parseSnoozes,
  pruneSnoozes,
  SNOOZE_HOUR_MS,
  snoozeEnd,
  withSnooze,
} from '@/lib/ext/snooze';

/** A local time on 14 July 2025 (the tests run in the machine's time zone, as the popup does). */
const at = (hours: number, minutes = 0) => new Date(2025, 6, 14, hours, minutes).getTime();

describe('snoozeEnd', () => {
  it('ends "for an hour" an hour later, or after the length given (tests)', () => {
    expect(snoozeEnd('hour', at(14, 30))).toBe(at(15, 30));
    expect(snoozeEnd('hour', at(14, 30), 5000)).toBe(at(14, 30) + 5000);
  });

  it('ends "until tomorrow" at 8:00 the next day, local time', () => {
    expect(snoozeEnd('tomorrow', at(14, 30))).toBe(new Date(2025, 6, 15, 8).getTime());
    expect(snoozeEnd('tomorrow', at(23, 59))).toBe(new Date(2025, 6, 15, 8).getTime());
    expect(snoozeEnd('tomorrow', at(4))).toBe(new Date(2025, 6, 15, 8).getTime());
  });

  it('after midnight and before 4:00, the night is not over: the coming 8:00', () => {
    expect(snoozeEnd('tomorrow', at(0, 30))).toBe(at(8));
    expect(snoozeEnd('tomorrow', at(3, 59))).toBe(at(8));
  });

  it('never lasts longer than MAX_SNOOZE_MS', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
      const now = at(0) + minutes * 60_000;
      expect(snoozeEnd('tomorrow', now) - now).toBeLessThanOrEqual(MAX_SNOOZE_MS);
      expect(snoozeEnd('tomorrow', now)).toBeGreaterThan(now);
    }
    expect(SNOOZE_HOUR_MS).toBe(3_600_000);
  });
});

describe('snoozes', () => {
  const now = at(12);
  const snoozes = { 'example.com': now + 1000, 'news.example.com': now + 5000, 'old.org': now - 1 };

  it('finds the snooze covering a site (its own or its parent domain’s), the latest if several', () => {
    expect(activeSnooze(snoozes, 'news.example.com', now)).toBe(now + 5000);
    expect(activeSnooze(snoozes, 'blog.example.com', now)).toBe(now + 1000);
    expect(activeSnooze(snoozes, 'old.org', now)).toBeNull();
    expect(activeSnooze(snoozes, 'notexample.com', now)).toBeNull();
  });

  it('drops the ended ones and knows the next end', () => {
    expect(pruneSnoozes(snoozes, now)).toEqual({ 'example.com': now + 1000, 'news.example.com': now + 5000 });
    expect(pruneSnoozes({ 'a.com': now + 1 }, now)).toBeNull();
    expect(nextSnoozeEnd(snoozes, now)).toBe(now + 1000);
    expect(nextSnoozeEnd(snoozes, now + 5000)).toBeNull();
  });

  it('adds a snooze, and resumes a site from every snooze covering it', () => {
    expect(withSnooze(snoozes, 'a.com', now + 10, now)).toEqual({
      'example.com': now + 1000,
      'news.example.com': now + 5000,
      'a.com': now + 10,
    });
    expect(withSnooze(snoozes, 'news.example.com', null, now)).toEqual({});
  });

  it('reads stored snoozes; anything damaged makes the whole unreadable, never empty', () => {
    expect(parseSnoozes(undefined)).toEqual({});
    expect(parseSnoozes({ 'a.com': 5 })).toEqual({ 'a.com': 5 });
    for (const bad of ['a.com', [1], { 'a.com': 'soon' }, { 'not a site': 5 }, { 'WWW.A.com': 5 }]) {
      expect(parseSnoozes(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(parseSnoozes(JSON.parse('{"__proto__": 5}'))).toBeNull();
  });
});
