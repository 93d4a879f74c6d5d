import type { FactStore } from './fact-store';
import { type ProtocolMap, validateInput } from './messages';

type Handlers = { [K in keyof ProtocolMap]: (data: unknown) => Promise<ReturnType<ProtocolMap[K]>> };

/** Background handlers: validate the input, then ask the store. */
export function createHandlers(store: FactStore): Handlers {
  return {
    getSummary: async (data) => {
      validateInput('getSummary', data);
      return store.summary();
    },
    getCard: async (data) => store.card(validateInput('getCard', data).entityId),
    getFacts: async (data) => store.facts(validateInput('getFacts', data).entityId),
    search: async (data) => store.search(validateInput('search', data).query),
  };
}
