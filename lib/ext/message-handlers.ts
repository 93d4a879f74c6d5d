import type { PageLimit } from '@/lib/page/limits';
import type { FactStore } from '@/lib/store/fact-store';
import type { ImportOutcome, PackListing, RemoveOutcome } from '@/lib/store/pack-admin';
import { validateInput } from './message-input';
import {
  type BackgroundMessage,
  classifySender,
  InvalidMessageError,
  MESSAGE_SENDERS,
  type PageSetup,
  type ProtocolMap,
  type RawSender,
  type SenderKind,
} from './messages';
import { readRule } from './site-rules';
import { MAX_SNOOZE_MS } from './snooze';

/** Where a message came from, as far as handlers need it. */
export interface SenderInfo {
  tabId?: number;
  frameId?: number;
  /** The address of the frame that sent it. */
  url?: string;
}

type Handlers = {
  [K in BackgroundMessage]: (data: unknown, sender: SenderInfo) => Promise<ReturnType<ProtocolMap[K]>>;
};

export interface HandlerDeps {
  store: FactStore;
  /** The setup of a frame on a site (see `pageSetupFor`); the sender's tab and frame tell the badge. */
  pageSetup(site: string | null, sender: SenderInfo): Promise<PageSetup>;
  /**
   * References of the enabled packs' entities, the groups' leads first:
   * the only keys a mention report may have, and the entities one may mute.
   */
  entityIds(): Promise<ReadonlySet<string>>;
  /** Fact packs: listed, imported (and enabled), removed, exported (see lib/store/pack-admin.ts). */
  packs: {
    list(): Promise<PackListing>;
    import(text: string, replace: boolean): Promise<ImportOutcome>;
    remove(id: string): Promise<RemoveOutcome>;
    export(id: string): Promise<{ fileName: string; text: string } | null>;
  };
  /** A frame reported its mention counts. */
  onMentions(tabId: number, frameId: number, counts: Record<string, number>, limit: PageLimit, url?: string): void;
  /** Mentions per entity in a tab, all frames together, and the furthest cap a frame reached. */
  tabMentions(tabId: number): Promise<{ counts: Record<string, number>; limit: PageLimit }>;
  /** A site is snoozed until `until` (or no longer, for null), asked from the popup of tab `tabId`. */
  onSnooze(site: string, until: number | null, tabId?: number): Promise<void>;
  /** An entity is muted or unmuted. */
  onMute(entityId: string, muted: boolean): Promise<void>;
}

/** Background handlers: validate the input, then answer. */
export function createHandlers({
  store,
  pageSetup,
  entityIds,
  onMentions,
  tabMentions,
  onSnooze,
  onMute,
  packs,
}: HandlerDeps): Handlers {
  return {
    getSummary: async (data) => {
      validateInput('getSummary', data);
      return store.summary();
    },
    getCard: async (data) => store.card(validateInput('getCard', data).entityId),
    getFacts: async (data) => store.facts(validateInput('getFacts', data).entityId),
    search: async (data) => store.search(validateInput('search', data).query),
    getPageSetup: async (data, sender) => {
      const { site } = validateInput('getPageSetup', data);
      // A site is a rule key, exactly: anything else a frame claims is refused.
      if (site !== null) {
        const read = readRule(site);
        if (!('key' in read) || read.key !== site) throw new InvalidMessageError('getPageSetup', 'not a site');
      }
      return pageSetup(site, sender);
    },
    getTabMentions: async (data) => {
      const { counts, limit } = await tabMentions(validateInput('getTabMentions', data).tabId);
      const entities = (await store.entities()).value;
      // In the packs' order, each pack's own order within it, which puts the bundled article's subjects first.
      const mentions = entities.flatMap((e) =>
        Object.hasOwn(counts, e.id) && counts[e.id]
          ? [{ entityId: e.id, name: e.name, count: counts[e.id] as number }]
          : [],
      );
      return { mentions, limit };
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
      const { counts, limit } = validateInput('reportMentions', data);
      // Only content scripts, which run in a tab, report mentions.
      if (sender.tabId === undefined || sender.tabId < 0) throw new Error('Mentions can only be reported from a tab');
      const known = await entityIds();
      const unknown = Object.keys(counts).find((key) => !known.has(key));
      if (unknown !== undefined)
        throw new InvalidMessageError('reportMentions', `unknown entity ${unknown.slice(0, 40)}`);
      onMentions(sender.tabId, sender.frameId ?? 0, counts, limit ?? 'none', sender.url);
    },
    setEntityMuted: async (data) => {
      const { entityId, muted } = validateInput('setEntityMuted', data);
      // Unmuting is always allowed: the entity's pack may have been switched off since.
      if (muted && !(await entityIds()).has(entityId))
        throw new InvalidMessageError('setEntityMuted', 'unknown entity');
      await onMute(entityId, muted);
    },
    listPacks: async (data) => {
      validateInput('listPacks', data);
      return packs.list();
    },
    importPack: async (data) => {
      const { text, replace } = validateInput('importPack', data);
      return packs.import(text, replace ?? false);
    },
    removePack: async (data) => packs.remove(validateInput('removePack', data).id),
    exportPack: async (data) => packs.export(validateInput('exportPack', data).id),
    snoozeSite: async (data) => {
      const { site, until, tabId } = validateInput('snoozeSite', data);
      const read = readRule(site);
      if (!('key' in read) || read.key !== site) throw new InvalidMessageError('snoozeSite', 'not a site');
      if (until !== null && until > Date.now() + MAX_SNOOZE_MS) throw new InvalidMessageError('snoozeSite', 'too long');
      await onSnooze(site, until, tabId);
    },
  };
}

/** Answers a message from `sender`, or refuses it: `kind` was not allowed to send it, or the sender is not ours. */
export type Dispatch = (type: BackgroundMessage, data: unknown, sender: RawSender | undefined) => Promise<unknown>;

export class RefusedSenderError extends Error {
  constructor(type: string, kind: SenderKind | null) {
    super(`Refused: ${type} cannot be sent from ${kind ?? 'outside the extension'}`);
    this.name = 'RefusedSenderError';
  }
}

/** The one place the sender policy (MESSAGE_SENDERS) is enforced. */
export function createDispatcher(handlers: Handlers, own: { id: string; origin: string }): Dispatch {
  return async (type, data, sender) => {
    const kind = classifySender(sender, own);
    const allowed: readonly SenderKind[] = MESSAGE_SENDERS[type];
    if (kind === null || !allowed.includes(kind)) throw new RefusedSenderError(type, kind);
    const info: SenderInfo = { tabId: sender?.tab?.id, frameId: sender?.frameId, url: sender?.url };
    return handlers[type](data, info);
  };
}
