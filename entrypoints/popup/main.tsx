import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type PageState, Popup } from '@/components/popup/Popup';
import '@/components/shared/page.css';
import { sendMessage } from '@/lib/ext/messages';
import { loadSettings, type Settings, saveSetting, saveSiteEnabled, watchSettings } from '@/lib/ext/settings';
import { isEnabledOn, siteOf } from '@/lib/ext/site-rules';
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

function pageState(site: Site | null, settings: Settings | null): PageState {
  if (!site || !settings) return { status: 'loading' };
  if (site.kind !== 'site') return { status: site.kind };
  return {
    status: 'ready',
    site: site.site,
    enabled: isEnabledOn(site.site, settings.siteRules, false),
    paused: settings.paused,
  };
}

const loadSummary = () => sendMessage('getSummary');
const search = (query: string) => sendMessage('search', { query });
const loadCard = (entityId: string) => sendMessage('getCard', { entityId });

function App({ tab }: { tab: TargetTab }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<Site | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings);
    siteOfTab(tab).then(setSite);
    return watchSettings(setSettings);
  }, [tab]);

  const lang = resolveLanguage(settings?.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  const page = pageState(site, settings);
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
      onOpenOptions={() => browser.runtime.openOptionsPage()}
    />
  );
}

targetTab().then((tab) => render(<App tab={tab} />, document.getElementById('app') as HTMLElement));
