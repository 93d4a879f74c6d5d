import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AliasSpec } from '@/lib/facts/alias-spec';
import type { EntityCard, SearchHit } from '@/lib/facts/query';
import type { Fact, Localized } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import type { PageLimit } from '@/lib/page/limits';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import type { ImportOutcome, PackListing, RemoveOutcome } from '@/lib/store/pack-admin';
import type { MatcherSpec } from '@/lib/text/matcher';
import type { HighlightStyle, OffReason } from './settings';

/**
 * The one protocol of the extension. The background answers the fact-base
 * messages; the last two go to a tab and are answered by its content script,
 * which alone knows the page's mentions.
 */
export interface ProtocolMap {
  getSummary(): Served<SummaryData>;
  getCard(data: { entityId: string }): Served<EntityCard>;
  getFacts(data: { entityId: string }): Served<Fact[]>;
  search(data: { query: string }): Served<SearchHit[]>;
  /** Everything a frame needs to run on a site, decided by the background from the user's settings. */
  getPageSetup(data: { site: string | null }): PageSetup;
  /** Entities mentioned in a tab (all frames), with counts, for the popup. */
  getTabMentions(data: { tabId: number }): TabMentions;
  /** Fact base version and size, and where it is served from (options page). */
  getFactBaseInfo(): Served<{ entities: number; facts: number }>;
  /** Rewrites the IndexedDB cache from the bundled fact base. */
  rebuildCache(): Served<{ entities: number; facts: number }>;
  /** A frame's content script reports its mentions; the background updates the tab's badge. */
  reportMentions(data: { counts: Record<string, number>; limit?: PageLimit }): void;
  /** Snoozes a site until a time, or ends its snooze (null); `tabId` is the tab whose badge shows it at once. */
  snoozeSite(data: { site: string; until: number | null; tabId?: number }): void;
  /** Mutes an entity everywhere, or unmutes it (from its card or the popup). */
  setEntityMuted(data: { entityId: string; muted: boolean }): void;
  /** Every installed fact pack (options page). */
  listPacks(): PackListing;
  /**
   * Installs a pack from a file's text, and enables it; `replace` is the
   * user's yes to replacing an installed copy that is newer or the same version.
   */
  importPack(data: { text: string; replace?: boolean }): ImportOutcome;
  /** Removes an imported pack. */
  removePack(data: { id: string }): RemoveOutcome;
  /** A pack as a file that imports again; null when it cannot be read now. */
  exportPack(data: { id: string }): { fileName: string; text: string } | null;

  // Sent by the background or popup to a tab's top frame, answered by its content script.
  /** Moves to the next or previous mention and opens its card; answers the mention's entity, if any. */
  navigateMention(data: { direction: 'next' | 'previous' }): string | null;
  /** Scrolls to the next mention of an entity and opens its card; answers whether one was found. */
  revealEntity(data: { entityId: string }): boolean;
  /** What the popup needs to know of the page: its site (null where the extension cannot run) and whether it is on. */
  getPageInfo(): PageInfo;
}

/**
 * A frame's whole setup in one answer, so that the content script reads no
 * storage and validates no settings of its own: whether to run, how to
 * paint, and the matcher spec prepared once in the background.
 */
export interface PageSetup {
  enabled: boolean;
  /** Why it does not run, when it does not (the popup says so). */
  reason: OffReason | null;
  /** When a snooze of the site ends: the frame asks again then. */
  snoozedUntil: number | null;
  /** Entities the user muted: their cards offer to unmute them. */
  mutedEntities: string[];
  style: HighlightStyle;
  hoverDelayMs: number;
  lang: Lang;
  /** Null when the extension does not run on the site. */
  matcher: MatcherSpec<AliasSpec> | null;
  /** Names the alias set: a frame rebuilds its matcher only when it changes. */
  matcherKey: string;
  /** Names the enabled packs and their versions: cards loaded under another are read again. */
  factsKey: string;
}

export interface TabMention {
  entityId: string;
  name: Localized;
  count: number;
}

/** The tab's mentions, and the furthest cap any of its frames reached (the popup says so). */
export interface TabMentions {
  mentions: TabMention[];
  limit: PageLimit;
}

export interface PageInfo {
  site: string | null;
  enabled: boolean;
}

/** Messages a tab's content script answers; every other one is the background's. */
export type TabMessage = 'navigateMention' | 'revealEntity' | 'getPageInfo';
export type BackgroundMessage = Exclude<keyof ProtocolMap, TabMessage>;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

export class InvalidMessageError extends Error {
  constructor(type: string, detail: string) {
    super(`Invalid ${type} message: ${detail}`);
    this.name = 'InvalidMessageError';
  }
}

/** Where a message to the background comes from. */
export type SenderKind = 'content-script' | 'extension-page';

/**
 * Who may send each background message: the one sender policy, enforced
 * before any handler runs (createDispatcher). What only the extension's own
 * pages need (another tab's mentions, rebuilding the cache, snoozing) is
 * refused from content scripts, which run inside pages the user visits.
 */
export const MESSAGE_SENDERS = {
  getSummary: ['content-script', 'extension-page'],
  getCard: ['content-script', 'extension-page'],
  getFacts: ['content-script', 'extension-page'],
  search: ['extension-page'],
  getPageSetup: ['content-script'],
  getTabMentions: ['extension-page'],
  getFactBaseInfo: ['extension-page'],
  rebuildCache: ['extension-page'],
  reportMentions: ['content-script'],
  snoozeSite: ['extension-page'],
  setEntityMuted: ['content-script', 'extension-page'],
  listPacks: ['extension-page'],
  importPack: ['extension-page'],
  removePack: ['extension-page'],
  exportPack: ['extension-page'],
} as const satisfies Record<BackgroundMessage, readonly SenderKind[]>;

/** The parts of a runtime.MessageSender that say who sent a message. */
export interface RawSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * An extension page (popup, options, even opened in a tab) has a URL on the
 * extension's own origin; a content script has a tab and the URL of the page
 * it runs in. Anything else, another extension included, is no one we answer.
 */
export function classifySender(sender: RawSender | undefined, own: { id: string; origin: string }): SenderKind | null {
  if (!sender || sender.id !== own.id) return null;
  if (sender.url && originOf(sender.url) === originOf(own.origin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return null;
}

function originOf(url: string): string | null {
  try {
    // Extension origins (chrome-extension://, moz-extension://) are "null" for URL.origin: compare scheme and host.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
