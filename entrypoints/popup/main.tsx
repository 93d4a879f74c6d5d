import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type PageState, Popup } from '@/components/popup/Popup';
import '@/components/shared/page.css';
import { sendMessage } from '@/lib/ext/messages';
import {
  readSettings,
  type SettingsRead,
  saveSetting,
  saveSiteEnabled,
  siteDecision,
  watchSettingsRead,
} from '@/lib/ext/settings';
import { rulesUsable } from '@/lib/ext/site-decision';
import { isEnabledOn, siteOf } from '@/lib/ext/site-rules';
import { SNOOZE_HOUR_MS, snoozeEnd } from '@/lib/ext/snooze';
import { resolveLanguage } from '@/lib/i18n/language';
import '@/components/card/card.css';
import './style.css';

interface TargetTab {
  id?: number;
  url?: string;
}

/** The tab the popup speaks about: the active one, or `?tab=<id>` (how the popup is opened in a tab, e.g. by tests). */
async function targetTab(): Promise<TargetTab> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return { id: Number(param) };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

type Site = { kind: 'site'; site: string } | { kind: 'reload' } | { kind: 'unsupported' };

/** Asks the tab's content script which site it is on; no answer means it cannot run there, or has not yet. */
async function siteOfTab(tab: TargetTab): Promise<Site> {
  if (tab.id === undefined) return { kind: 'unsupported' };
  try {
    const info = await sendMessage('getPageInfo', undefined, { tabId: tab.id, frameId: 0 });
    return info?.site ? { kind: 'site', site: info.site } : { kind: 'unsupported' };
  } catch {
    return siteOf(tab.url) ? { kind: 'reload' } : { kind: 'unsupported' };
  }
}

function pageState(site: Site | null, read: SettingsRead | null, now: number): PageState {
  if (!site || !read) return { status: 'loading' };
  if (site.kind !== 'site') return { status: site.kind };
  const rules = read.siteRules;
  const switchable = rulesUsable(rules);
  return {
    status: 'ready',
    site: site.site,
    enabled: switchable && isEnabledOn(site.site, rules, false),
    paused: read.values.paused,
    decision: siteDecision(read, site.site, now),
    switchable,
  };
}

/**
 * How long "for an hour" lasts: an hour, unless the page was opened with
 * `?snoozeMs=` (how the end-to-end tests see a snooze end). Only the
 * extension can open its popup page; no web page can reach this.
 */
function snoozeHourMs(): number {
  const param = new URLSearchParams(location.search).get('snoozeMs');
  return param !== null && /^\d{4,8}$/.test(param) ? Number(param) : SNOOZE_HOUR_MS;
}

const loadSummary = () => sendMessage('getSummary');
const search = (query: string) => sendMessage('search', { query });
const loadCard = (entityId: string) => sendMessage('getCard', { entityId });

function App({ tab }: { tab: TargetTab }) {
  const [read, setRead] = useState<SettingsRead | null>(null);
  const [site, setSite] = useState<Site | null>(null);
  const [snoozeFailed, setSnoozeFailed] = useState(false);

  useEffect(() => {
    readSettings().then(setRead);
    siteOfTab(tab).then(setSite);
    return watchSettingsRead(setRead);
  }, [tab]);

  const lang = resolveLanguage(read?.values.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  const now = Date.now();
  const page = pageState(site, read, now);
  const tabId = tab.id;

  return (
    <Popup
      lang={lang}
      page={page}
      loadSummary={loadSummary}
      search={search}
      loadCard={loadCard}
      loadMentions={tabId === undefined ? undefined : () => sendMessage('getTabMentions', { tabId })}
      onReveal={async (entityId) => {
        if (tabId === undefined) return;
        const shown = await sendMessage('revealEntity', { entityId }, { tabId, frameId: 0 }).catch(() => false);
        // Give the page the focus, so its card can take it.
        if (shown && !new URLSearchParams(location.search).has('tab')) window.close();
      }}
      onSetSiteEnabled={async (enabled) => {
        if (page.status !== 'ready') return;
        await saveSiteEnabled(page.site, enabled);
      }}
      onSetPaused={(paused) => saveSetting('paused', paused)}
      now={now}
      snoozeFailed={snoozeFailed}
      onSnooze={async (action) => {
        if (page.status !== 'ready') return;
        const until = action === 'hour' || action === 'tomorrow' ? snoozeEnd(action, Date.now(), snoozeHourMs()) : null;
        setSnoozeFailed(false);
        await sendMessage('snoozeSite', { site: page.site, until, tabId }).catch(() => setSnoozeFailed(true));
      }}
      onOpenOptions={() => browser.runtime.openOptionsPage()}
      muted={read?.values.mutedEntities}
      onUnmute={(entityId) => void sendMessage('setEntityMuted', { entityId, muted: false }).catch(() => {})}
    />
  );
}

targetTab().then((tab) => render(<App tab={tab} />, document.getElementById('app') as HTMLElement));
