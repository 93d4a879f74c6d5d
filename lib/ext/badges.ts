import { formatSnoozeEnd } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { activeSnooze, type Snoozes } from './snooze';
import { badgeText, SNOOZE_BADGE } from './tab-counts';

/** The toolbar button's per-tab API, as both browsers have it (action in Chrome, browserAction in Firefox). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

const NAME = 'Context Lens';

/**
 * What each tab's badge shows: its mention count, or the snooze of its site
 * (with the time it ends in the button's title), or a failure the user must
 * know of (a shortcut whose change could not be saved). The background only
 * learns a tab's site from its frames' messages and from the popup.
 */
export class Badges {
  private readonly sites = new Map<number, string>();
  private readonly totals = new Map<number, number>();
  private readonly alerts = new Map<number, string>();
  private snoozes: Snoozes = {};

  constructor(
    private readonly api: BadgeApi,
    private readonly lang: () => Lang,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tab's top frame is on `site` (null: a page where the extension cannot run). */
  noteSite(tabId: number, site: string | null): void {
    if (site === null) this.sites.delete(tabId);
    else this.sites.set(tabId, site);
  }

  setTotal(tabId: number, total: number): void {
    this.totals.set(tabId, total);
    this.alerts.delete(tabId);
    this.show(tabId);
  }

  /** Shows a failure on the tab until its next count: "!" and `title`. */
  alert(tabId: number, title: string): void {
    this.alerts.set(tabId, title);
    this.show(tabId);
  }

  setSnoozes(snoozes: Snoozes): void {
    this.snoozes = snoozes;
    for (const tabId of new Set([...this.sites.keys(), ...this.totals.keys()])) this.show(tabId);
  }

  /** A new document, or the tab is gone: nothing is known of it any more. */
  forget(tabId: number, gone = false): void {
    this.sites.delete(tabId);
    this.totals.delete(tabId);
    this.alerts.delete(tabId);
    if (!gone) this.show(tabId);
  }

  private show(tabId: number): void {
    const site = this.sites.get(tabId);
    const now = this.now();
    const until = site === undefined ? null : activeSnooze(this.snoozes, site, now);
    const alert = this.alerts.get(tabId);
    let text = badgeText(this.totals.get(tabId) ?? 0);
    let title = NAME;
    if (alert !== undefined) {
      text = '!';
      title = alert;
    } else if (until !== null && site !== undefined) {
      const lang = this.lang();
      text = SNOOZE_BADGE;
      title = translate(lang, 'badgeSnoozed', { site, time: formatSnoozeEnd(lang, until, now) });
    }
    void this.api.setBadgeText({ tabId, text }).catch(() => {});
    void this.api.setTitle({ tabId, title }).catch(() => {});
  }
}
