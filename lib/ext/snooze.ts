import { readRule, ruleMatches } from './site-rules';

/**
 * Snoozes: a site switched off for a while from the popup. Each maps a rule
 * key to the time (ms since the epoch) the extension comes back on it; a
 * snooze covers the site's subdomains, as a rule does. Times are compared
 * whenever settings are read, so a snooze ends at its time even if the
 * browser was closed then. Pure functions.
 */
export type Snoozes = Record<string, number>;

export type SnoozeChoice = 'hour' | 'tomorrow';

export const SNOOZE_HOUR_MS = 3_600_000;
/** "Until tomorrow" ends at 8:00, local time: the start of a working day rather than midnight, which may be minutes away. */
export const SNOOZE_MORNING_HOUR = 8;
/** Before 4:00 the night is not over: "tomorrow" is the coming 8:00, not the next day's. */
const NIGHT_ENDS_HOUR = 4;
/** Longer than any snooze the popup offers (28 hours, and one more across a clock change). */
export const MAX_SNOOZE_MS = 36 * SNOOZE_HOUR_MS;
const MAX_SNOOZES = 1000;

/** When a snooze chosen at `now` ends. `hourMs` is the length of "an hour" (shorter only in tests). */
export function snoozeEnd(choice: SnoozeChoice, now: number, hourMs = SNOOZE_HOUR_MS): number {
  if (choice === 'hour') return now + hourMs;
  const end = new Date(now);
  if (end.getHours() >= NIGHT_ENDS_HOUR) end.setDate(end.getDate() + 1);
  end.setHours(SNOOZE_MORNING_HOUR, 0, 0, 0);
  return end.getTime();
}

/** When the snooze covering `site` ends, or null when it is not snoozed at `now`. */
export function activeSnooze(snoozes: Snoozes, site: string, now: number): number | null {
  let until: number | null = null;
  for (const [rule, end] of Object.entries(snoozes)) {
    if (end > now && ruleMatches(rule, site)) until = Math.max(until ?? 0, end);
  }
  return until;
}

/** The snoozes still running at `now`; null when none has ended (nothing to write). */
export function pruneSnoozes(snoozes: Snoozes, now: number): Snoozes | null {
  const kept = Object.entries(snoozes).filter(([, end]) => end > now);
  return kept.length === Object.keys(snoozes).length ? null : Object.fromEntries(kept);
}

/** The next time a snooze ends after `now`, if any. */
export function nextSnoozeEnd(snoozes: Snoozes, now: number): number | null {
  const ends = Object.values(snoozes).filter((end) => end > now);
  return ends.length > 0 ? Math.min(...ends) : null;
}

/** The snoozes of a stored value; null when it is damaged (then no site can be said not to be snoozed). */
export function parseSnoozes(raw: unknown): Snoozes | null {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return null;
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_SNOOZES) return null;
  const snoozes: Snoozes = Object.create(null);
  for (const [site, end] of entries) {
    const read = readRule(site);
    if (!('key' in read) || read.key !== site || typeof end !== 'number' || !Number.isFinite(end)) return null;
    snoozes[site] = end;
  }
  return { ...snoozes };
}

/**
 * The snoozes with `site` snoozed until `until`, or, for null, with nothing
 * covering it any more (a snooze of its parent domain included); expired
 * ones dropped.
 */
export function withSnooze(snoozes: Snoozes, site: string, until: number | null, now: number): Snoozes {
  const next = { ...(pruneSnoozes(snoozes, now) ?? snoozes) };
  for (const rule of Object.keys(next))
    if (rule === site || (until === null && ruleMatches(rule, site))) delete next[rule];
  if (until !== null && until > now) next[site] = until;
  return next;
}
