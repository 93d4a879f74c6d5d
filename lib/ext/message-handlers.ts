import type { FactStore } from '@/lib/store/fact-store';
import { type BackgroundMessage, type PageSetup, type ProtocolMap, validateInput } from './messages';

/** Where a message came from, as far as handlers need it. */
export interface SenderInfo {
  tabId?: number;
  frameId?: number;
}

type Handlers = {
  [K in BackgroundMessage]: (data: unknown, sender: SenderInfo) => Promise<ReturnType<ProtocolMap[K]>>;
};

export interface HandlerDeps {
  store: FactStore;
  /** The setup of a frame on a site (see `pageSetupFor`). */
  pageSetup(site: string | null): Promise<PageSetup>;
  /** A frame reported its mention counts. */
  onMentions(tabId: number, frameId: number, counts: Record<string, number>, capped: boolean): void;
  /** Mentions per entity in a tab, all frames together. */
  tabMentions(tabId: number): Promise<Record<string, number>>;
}

/** Background handlers: validate the input, then answer. */
export function createHandlers({ store, pageSetup, onMentions, tabMentions }: HandlerDeps): Handlers {
  return {
    getSummary: async (data) => {
      validateInput('getSummary', data);
      return store.summary();
    },
    getCard: async (data) => store.card(validateInput('getCard', data).entityId),
    getFacts: async (data) => store.facts(validateInput('getFacts', data).entityId),
    search: async (data) => store.search(validateInput('search', data).query),
    getPageSetup: async (data) => pageSetup(validateInput('getPageSetup', data).site),
    getTabMentions: async (data) => {
      const counts = await tabMentions(validateInput('getTabMentions', data).tabId);
      const entities = (await store.entities()).value;
      // In the fact base's order, which puts the article's subjects first.
      return entities.flatMap((e) =>
        counts[e.id] ? [{ entityId: e.id, name: e.name, count: counts[e.id] as number }] : [],
      );
    },
    getFactBaseInfo: async (data) => {
      validateInput('getFactBaseInfo', data);
      return store.info();
    },
    rebuildCache: async (data) => {
      validateInput('rebuildCache', data);
      return store.rebuild();
    },
    reportMentions: async (data, sender) => {
      const { counts, capped } = validateInput('reportMentions', data);
      // Only content scripts, which run in a tab, report mentions.
      if (sender.tabId === undefined || sender.tabId < 0) throw new Error('Mentions can only be reported from a tab');
      onMentions(sender.tabId, sender.frameId ?? 0, counts, capped ?? false);
    },
  };
}
