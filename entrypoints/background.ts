import { Badges } from '@/lib/ext/badges';
import { createDispatcher, createHandlers } from '@/lib/ext/message-handlers';
import { type BackgroundMessage, onMessage, sendMessage } from '@/lib/ext/messages';
import { oneAtATime } from '@/lib/ext/one-at-a-time';
import { readPackIndex, writePackIndex } from '@/lib/ext/pack-index';
import { MatcherSpecs, pageSetupFor } from '@/lib/ext/page-setup';
import {
  isSettingsKey,
  MAX_ENABLED_PACKS,
  pageSetup,
  readSettings,
  repairSettings,
  type SettingsRead,
  saveSetting,
  saveSiteEnabled,
  saveSnooze,
} from '@/lib/ext/settings';
import { siteOf } from '@/lib/ext/site-rules';
import { createSnoozeTimer } from '@/lib/ext/snooze-timer';
import { coalesce, TabCounts } from '@/lib/ext/tab-counts';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { resolveLanguage } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { FactStore } from '@/lib/store/fact-store';
import { exportPack, importPack, listPacks, removePack } from '@/lib/store/pack-admin';

/** Counts are kept for service-worker restarts only: written at most once a second. */
const COUNTS_WRITE_INTERVAL_MS = 1000;

export default defineBackground(() => {
  // The background's own read of the settings, read again on every change: the one place repairs are written.
  let latest: SettingsRead | undefined;
  let reading: Promise<void> = Promise.resolve();
  /** The settings as they are now: answers wait for a read that a change started. */
  const settings = async (): Promise<SettingsRead> => {
    await reading;
    return latest ?? readSettings();
  };

  const { base, hash } = loadBundledFactBase();
  const store = new FactStore(base, hash, { enabled: async () => (await settings()).values.enabledPacks });
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? browser.browserAction;

  const lang = () => resolveLanguage(latest?.values.language, browser.i18n.getUILanguage());
  const badges = new Badges(action, lang);
  const snoozeTimer = createSnoozeTimer();
  const applySettings = (read: SettingsRead) => {
    latest = read;
    badges.setSnoozes(read.snoozes ?? {});
    // Also drops snoozes that ended while the browser was closed or the worker asleep.
    void snoozeTimer.check();
    void repairSettings(read);
  };
  let started = 0;
  let applied = 0;
  const readAgain = () => {
    const ticket = ++started;
    // Reads close together may answer out of order: an older one never replaces a newer one.
    reading = readSettings().then((read) => {
      if (ticket < applied) return;
      applied = ticket;
      applySettings(read);
    });
    return reading;
  };
  void readAgain();
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area !== 'sync' && area !== 'local') || !Object.keys(changes).some(isSettingsKey)) return;
    // Started at once, not in a microtask: a frame that asks again on the same change waits for this read.
    void readAgain();
  });

  // Imports and removals run one after the other, each with the index it writes: otherwise an import's
  // index, listed before a removal that overtook it, could be written after the removal's and list the
  // removed pack again (a user who removes right after an undo).
  const onePackChangeAtATime = oneAtATime();
  /** Writes the imported packs' index: a storage change every frame hears, so that each asks for its setup again. */
  const noteInstalled = async () => {
    const listing = await listPacks(store, (await readPackIndex()).packs);
    if (listing.storage !== 'indexeddb') return;
    await writePackIndex(listing.packs.filter((p) => p.origin === 'imported' && p.state !== 'missing'));
  };
  /** A pack just installed is enabled; room is made by forgetting ids of packs this browser does not have. */
  const enable = async (id: string) => {
    const current = (await settings()).values.enabledPacks;
    if (current.includes(id)) return;
    let next = [...current, id];
    if (next.length > MAX_ENABLED_PACKS) {
      const installed = new Set((await listPacks(store, [])).packs.map((p) => p.id));
      next = next.filter((p) => installed.has(p)).slice(-MAX_ENABLED_PACKS);
    }
    await saveSetting('enabledPacks', next);
    await readAgain();
  };

  // Counts survive the service worker being stopped: kept in session storage (memory, never on disk).
  const countsItem = storage.defineItem<ReturnType<TabCounts['toJSON']> | null>('session:tabCounts', {
    fallback: null,
  });
  const tabCounts = countsItem.getValue().then(
    (data) => new TabCounts(data),
    () => new TabCounts(),
  );
  const countsWriter = coalesce(async () => countsItem.setValue((await tabCounts).toJSON()), COUNTS_WRITE_INTERVAL_MS);

  const specs = new MatcherSpecs();
  const handlers = createHandlers({
    store,
    pageSetup: async (site, sender) => {
      if (sender.tabId !== undefined && sender.frameId === 0) badges.noteSite(sender.tabId, site);
      const [decided, catalog] = await Promise.all([pageSetup(site, Date.now(), await settings()), store.catalog()]);
      return pageSetupFor(decided, { catalog: catalog.value, uiLocale: browser.i18n.getUILanguage(), specs });
    },
    entityIds: async () => new Set((await store.catalog()).value.byRef.keys()),
    onMentions(tabId, frameId, counts, limit, url) {
      if (frameId === 0) badges.noteSite(tabId, siteOf(url));
      void tabCounts.then((tc) => {
        badges.setTotal(tabId, tc.set(tabId, frameId, counts, limit));
        countsWriter.request();
      });
    },
    tabMentions: async (tabId) => {
      const tc = await tabCounts;
      return { counts: tc.byEntity(tabId), limit: tc.limit(tabId) };
    },
    async onMute(entityId, muted) {
      const current = (await settings()).values.mutedEntities;
      const next = muted ? [...new Set([...current, entityId])] : current.filter((id) => id !== entityId);
      await saveSetting('mutedEntities', next);
    },
    async onSnooze(site, until, tabId) {
      const snoozes = await saveSnooze(site, until);
      if (tabId !== undefined) badges.noteSite(tabId, site);
      badges.setSnoozes(snoozes);
      await snoozeTimer.schedule(snoozes);
    },
    packs: {
      list: async () => listPacks(store, (await readPackIndex()).packs),
      import: (text, replace) =>
        onePackChangeAtATime(async () => {
          const outcome = await importPack(store, text, { replace });
          if (outcome.status === 'installed' || outcome.status === 'updated' || outcome.status === 'replaced') {
            // Enabled before the index is written, so that frames asking again on that change find it enabled.
            await enable(outcome.pack.id).catch(() => {});
            await noteInstalled().catch(() => {});
          }
          return outcome;
        }),
      remove: (id) =>
        onePackChangeAtATime(async () => {
          const outcome = await removePack(store, id);
          if (outcome.status === 'removed') await noteInstalled().catch(() => {});
          return outcome;
        }),
      export: (id) => exportPack(store, id),
    },
  });
  const dispatch = createDispatcher(handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  for (const type of Object.keys(handlers) as BackgroundMessage[]) {
    onMessage(type, ({ data, sender }) => dispatch(type, data, sender) as never);
  }

  void action.setBadgeBackgroundColor({ color: '#6d28d9' });
  browser.tabs.onRemoved.addListener((tabId) => {
    badges.forget(tabId, true);
    void tabCounts.then((tc) => {
      tc.forgetTab(tabId);
      countsWriter.request();
    });
  });
  // A new document in the tab starts from zero; its content scripts report again.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    badges.forget(tabId);
    // Chrome and Firefox give the address only where the extension may read it (the active tab, once invoked).
    if (tab.url) badges.noteSite(tabId, siteOf(tab.url));
    badges.setTotal(tabId, 0);
    void tabCounts.then((tc) => {
      if (tc.total(tabId) === 0) return;
      tc.forgetTab(tabId);
      countsWriter.request();
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
      const site = page.site;
      // A shortcut has no page to speak in: a failed save shows on the button instead of passing unseen.
      await saveSiteEnabled(site, !page.enabled).catch(() =>
        badges.alert(tabId, translate(lang(), 'badgeSaveFailed', { site })),
      );
    }
  });

  // Seed (or refresh) the cache on install, update and browser start, not on first use.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void store.ready();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void store.ready());
});
