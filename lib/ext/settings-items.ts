import * as v from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_CATEGORIES } from '@/lib/facts/alias-spec';
import { BUNDLED_PACK_ID, isEntityRef, isId } from '@/lib/facts/ids';
import { CATEGORIES, type Category } from '@/lib/facts/schema';
import type { LanguageChoice } from '@/lib/i18n/language';
import { DEFAULT_SITE_RULES, type SiteRules } from './site-rules';

export type { LanguageChoice };

export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  siteRules: SiteRules;
  paused: boolean;
  categories: Category[];
  highlightStyle: HighlightStyle;
  hoverDelayMs: number;
  language: LanguageChoice;
  /** Entities the user asked never to be highlighted, by reference (lib/facts/ids.ts). */
  mutedEntities: string[];
  /** Ids of the fact packs whose entities are highlighted; ids of packs not installed here are kept for the browsers that sync them. */
  enabledPacks: string[];
}

export type SettingName = keyof Settings;
/** Settings stored as one item each (the site rules have their own layout: site-rules-store.ts). */
export type SimpleSettingName = Exclude<SettingName, 'siteRules'>;

export const DEFAULT_SETTINGS: Settings = {
  siteRules: DEFAULT_SITE_RULES,
  paused: false,
  categories: [...DEFAULT_CATEGORIES],
  highlightStyle: 'background',
  hoverDelayMs: 300,
  language: 'auto',
  mutedEntities: [],
  enabledPacks: [BUNDLED_PACK_ID],
};

/** Entity references as messages accept them (one rule for every message: lib/facts/ids.ts). */
export { isEntityRef };
/** 64 references of at most 97 characters take 6.4 KB: one storage.sync item holds them with room to spare. */
export const MAX_MUTED = 64;
/** 64 pack ids of at most 48 characters: 3.2 KB. */
export const MAX_ENABLED_PACKS = 64;

/**
 * A stored setting with the schema its value must meet. `salvage` recovers
 * what it can from a damaged value, so a bad entry does not cost the user
 * the rest. `failClosed`: when neither the value nor a salvage can be
 * trusted, the extension stays off rather than use the fallback, which would
 * widen what it does (unpause, unmute).
 */
export interface Setting<T> {
  item: WxtStorageItem<T, Record<string, unknown>>;
  schema: v.GenericSchema<unknown, T>;
  fallback: T;
  /** The value used when the stored one cannot be trusted (failClosed): the reading that enables nothing. */
  closed?: T;
  /** The item's `version`; a stored value with a higher one was written by a newer version. */
  version: number;
  salvage?: (raw: unknown) => T | undefined;
  failClosed?: boolean;
}

const VERSION = 1;

export const SETTINGS: { [K in SimpleSettingName]: Setting<Settings[K]> } = {
  paused: {
    // Pausing is about this browser, now: not synced.
    item: storage.defineItem<boolean>('local:paused', { fallback: DEFAULT_SETTINGS.paused, version: VERSION }),
    schema: v.boolean(),
    fallback: DEFAULT_SETTINGS.paused,
    version: VERSION,
    // Damaged means unknown: paused is the reading that never widens where the extension runs.
    salvage: () => true,
    failClosed: true,
  },
  categories: {
    item: storage.defineItem<Category[]>('sync:categories', {
      fallback: DEFAULT_SETTINGS.categories,
      version: VERSION,
    }),
    schema: v.pipe(v.array(v.picklist(CATEGORIES)), v.maxLength(CATEGORIES.length)),
    fallback: DEFAULT_SETTINGS.categories,
    version: VERSION,
    // A damaged list with no known category left falls back to the default rather than highlighting nothing.
    salvage: (raw) => {
      const kept = Array.isArray(raw) ? [...new Set(raw.filter((c): c is Category => CATEGORIES.includes(c)))] : [];
      return kept.length > 0 ? kept : undefined;
    },
  },
  highlightStyle: {
    item: storage.defineItem<HighlightStyle>('sync:highlightStyle', {
      fallback: DEFAULT_SETTINGS.highlightStyle,
      version: VERSION,
    }),
    schema: v.picklist(['background', 'underline']),
    fallback: DEFAULT_SETTINGS.highlightStyle,
    version: VERSION,
  },
  hoverDelayMs: {
    item: storage.defineItem<number>('sync:hoverDelayMs', {
      fallback: DEFAULT_SETTINGS.hoverDelayMs,
      version: VERSION,
    }),
    schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)),
    fallback: DEFAULT_SETTINGS.hoverDelayMs,
    version: VERSION,
  },
  language: {
    item: storage.defineItem<LanguageChoice>('sync:language', {
      fallback: DEFAULT_SETTINGS.language,
      version: VERSION,
    }),
    schema: v.picklist(['auto', 'en', 'fr']),
    fallback: DEFAULT_SETTINGS.language,
    version: VERSION,
  },
  mutedEntities: {
    // Synced: a name muted on one browser stays muted on the others.
    item: storage.defineItem<string[]>('sync:mutedEntities', {
      fallback: DEFAULT_SETTINGS.mutedEntities,
      version: VERSION,
    }),
    schema: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.check((s: string) => isEntityRef(s), 'an entity reference'),
        ),
      ),
      v.maxLength(MAX_MUTED),
      v.check((ids) => new Set(ids).size === ids.length, 'ids are unique'),
    ),
    fallback: DEFAULT_SETTINGS.mutedEntities,
    version: VERSION,
    // Entries that cannot be ids match no entity: dropping them unmutes nothing.
    salvage: (raw) => (Array.isArray(raw) ? [...new Set(raw.filter(isEntityRef))].slice(0, MAX_MUTED) : undefined),
    failClosed: true,
  },
  enabledPacks: {
    // Synced: a pack switched off stays off on the other browsers that have it.
    item: storage.defineItem<string[]>('sync:enabledPacks', {
      fallback: DEFAULT_SETTINGS.enabledPacks,
      version: VERSION,
    }),
    schema: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.check((s: string) => isId(s), 'a pack id'),
        ),
      ),
      v.maxLength(MAX_ENABLED_PACKS),
      v.check((ids) => new Set(ids).size === ids.length, 'ids are unique'),
    ),
    fallback: DEFAULT_SETTINGS.enabledPacks,
    version: VERSION,
    // Every id kept was enabled by the user; nothing is added, so no pack the user switched off comes back.
    salvage: (raw) => (Array.isArray(raw) ? [...new Set(raw.filter(isId))].slice(0, MAX_ENABLED_PACKS) : []),
    // Unreadable: no pack is enabled (not the default, which would switch the bundled pack back on).
    closed: [],
    failClosed: true,
  },
};

/** Sites snoozed from the popup (see snooze.ts). This browser only, like the pause switch. */
export const snoozesItem = storage.defineItem<Record<string, number>>('local:snoozes', {
  fallback: {},
  version: VERSION,
});

/** Settings that were damaged and were repaired, shown once in the options page. */
export const settingsNotice = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });
