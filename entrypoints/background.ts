import { createHandlers } from '@/lib/ext/message-handlers';
import { type BackgroundMessage, isOwnSender, onMessage, sendMessage } from '@/lib/ext/messages';
import { MatcherSpecs, pageSetupFor } from '@/lib/ext/page-setup';
import { loadSettings, saveSiteEnabled } from '@/lib/ext/settings';
import { badgeText, TabCounts, type TabCountsData } from '@/lib/ext/tab-counts';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { FactStore } from '@/lib/store/fact-store';

export default defineBackground(() => {
  const { base, hash } = loadBundledFactBase();
  const store = new FactStore(base, hash);
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? browser.browserAction;

  // Counts survive the service worker being stopped: kept in session storage (memory, never on disk).
  const countsItem = storage.defineItem<TabCountsData>('session:tabCounts', { fallback: {} });
  const tabCounts = countsItem.getValue().then(
    (data) => new TabCounts(data),
    () => new TabCounts(),
  );
  const saveCounts = async () => countsItem.setValue((await tabCounts).toJSON()).catch(() => {});

  const specs = new MatcherSpecs();
  const handlers = createHandlers({
    store,
    pageSetup: async (site) => {
      const [settings, entities] = await Promise.all([loadSettings(), store.entities()]);
      return pageSetupFor(site, {
        settings,
        entities: entities.value,
        version: entities.version,
        uiLocale: browser.i18n.getUILanguage(),
        specs,
      });
    },
    onMentions(tabId, frameId, counts) {
      void tabCounts.then((tc) => {
        const total = tc.set(tabId, frameId, counts);
        void action.setBadgeText({ tabId, text: badgeText(total) }).catch(() => {});
        void saveCounts();
      });
    },
    tabMentions: async (tabId) => (await tabCounts).byEntity(tabId),
  });

  for (const type of Object.keys(handlers) as BackgroundMessage[]) {
    onMessage(type, ({ data, sender }) => {
      if (!isOwnSender(sender, browser.runtime.id)) throw new Error('Refused: message from outside the extension');
      return handlers[type](data, { tabId: sender.tab?.id, frameId: sender.frameId }) as never;
    });
  }

  void action.setBadgeBackgroundColor({ color: '#6d28d9' });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabCounts.then((tc) => {
      tc.forgetTab(tabId);
      void saveCounts();
    });
  });
  // A new document in the tab starts from zero; its content scripts report again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void tabCounts.then((tc) => {
      if (tc.total(tabId) === 0) return;
      tc.forgetTab(tabId);
      void action.setBadgeText({ tabId, text: '' }).catch(() => {});
      void saveCounts();
    });
  });

  // Keyboard shortcuts (user-changeable in the browser) act on the active tab's top frame.
  // Firefox for Android has no `commands`: the popup and cards are the way there.
  browser.commands?.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const target = { tabId, frameId: 0 };
    if (command === 'next-mention' || command === 'previous-mention') {
      const direction = command === 'next-mention' ? 'next' : 'previous';
      await sendMessage('navigateMention', { direction }, target).catch(() => {});
    } else if (command === 'toggle-site') {
      const page = await sendMessage('getPageInfo', undefined, target).catch(() => null);
      if (!page?.site) return;
      await saveSiteEnabled(page.site, !page.enabled);
    }
  });

  // Seed (or refresh) the cache on install, update and browser start, not on first use.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void store.ready();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void store.ready());
});
