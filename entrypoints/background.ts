import { loadBundledFactBase } from '@/lib/bundled-fact-base';
import { FactStore } from '@/lib/fact-store';
import { createHandlers } from '@/lib/message-handlers';
import { type BackgroundMessage, isOwnSender, onMessage, sendMessage } from '@/lib/messages';
import { badgeText, TabCounts } from '@/lib/tab-counts';

export default defineBackground(() => {
  const { base, hash } = loadBundledFactBase();
  const store = new FactStore(base, hash);
  const tabCounts = new TabCounts();
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? browser.browserAction;

  const handlers = createHandlers({
    store,
    onMentions(tabId, frameId, counts) {
      const total = tabCounts.set(
        tabId,
        frameId,
        Object.values(counts).reduce((a, b) => a + b, 0),
      );
      void action.setBadgeText({ tabId, text: badgeText(total) }).catch(() => {});
    },
  });

  for (const type of Object.keys(handlers) as BackgroundMessage[]) {
    onMessage(type, ({ data, sender }) => {
      if (!isOwnSender(sender, browser.runtime.id)) throw new Error('Refused: message from outside the extension');
      return handlers[type](data, { tabId: sender.tab?.id, frameId: sender.frameId }) as never;
    });
  }

  void action.setBadgeBackgroundColor({ color: '#6d28d9' });
  browser.tabs.onRemoved.addListener((tabId) => tabCounts.forgetTab(tabId));
  // A new document in the tab starts from zero; its content scripts report again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' || tabCounts.total(tabId) === 0) return;
    tabCounts.forgetTab(tabId);
    void action.setBadgeText({ tabId, text: '' }).catch(() => {});
  });

  // Keyboard shortcuts (user-changeable in the browser) act on the active tab's top frame.
  browser.commands.onCommand.addListener(async (command, tab) => {
    const direction = command === 'next-mention' ? 'next' : command === 'previous-mention' ? 'previous' : null;
    if (!direction) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    await sendMessage('navigateMention', { direction }, { tabId, frameId: 0 }).catch(() => {});
  });

  // Seed (or refresh) the cache on install, update and browser start, not on first use.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void store.ready();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void store.ready());
});
