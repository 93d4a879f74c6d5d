import { loadBundledFactBase } from '@/lib/bundled-fact-base';
import { FactStore } from '@/lib/fact-store';
import { createHandlers } from '@/lib/message-handlers';
import { isOwnSender, onMessage, type ProtocolMap } from '@/lib/messages';

export default defineBackground(() => {
  const { base, hash } = loadBundledFactBase();
  const store = new FactStore(base, hash);
  const handlers = createHandlers(store);

  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, ({ data, sender }) => {
      if (!isOwnSender(sender, browser.runtime.id)) throw new Error('Refused: message from outside the extension');
      return handlers[type](data) as never;
    });
  }

  // Seed (or refresh) the cache on install, update and browser start, not on first use.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void store.ready();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void store.ready());
});
