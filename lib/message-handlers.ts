import { aliasSpecs } from './alias-spec';
import type { FactStore } from './fact-store';
import { type BackgroundMessage, type ProtocolMap, validateInput } from './messages';

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
  /** A frame reported its mention counts. */
  onMentions(tabId: number, frameId: number, counts: Record<string, number>): void;
}

/** Background handlers: validate the input, then answer. */
export function createHandlers({ store, onMentions }: HandlerDeps): Handlers {
  return {
    getSummary: async (data) => {
      validateInput('getSummary', data);
      return store.summary();
    },
    getCard: async (data) => store.card(validateInput('getCard', data).entityId),
    getFacts: async (data) => store.facts(validateInput('getFacts', data).entityId),
    search: async (data) => store.search(validateInput('search', data).query),
    getMatcherSpec: async (data) => {
      validateInput('getMatcherSpec', data);
      return aliasSpecs((await store.entities()).value);
    },
    reportMentions: async (data, sender) => {
      const { counts } = validateInput('reportMentions', data);
      // Only content scripts, which run in a tab, report mentions.
      if (sender.tabId === undefined || sender.tabId < 0) throw new Error('Mentions can only be reported from a tab');
      onMentions(sender.tabId, sender.frameId ?? 0, counts);
    },
  };
}
