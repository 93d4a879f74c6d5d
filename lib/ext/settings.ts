import * as v from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_CATEGORIES } from '@/lib/facts/alias-spec';
import { CATEGORIES, type Category } from '@/lib/facts/schema';
import type { LanguageChoice } from '@/lib/i18n/language';
import { DEFAULT_SITE_RULES, ruleKey, type SiteRules, setSiteEnabled } from './site-rules';

export type { LanguageChoice };

export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  siteRules: SiteRules;
  paused: boolean;
  categories: Category[];
  highlightStyle: HighlightStyle;
  hoverDelayMs: number;
  language: LanguageChoice;
}

export const DEFAULT_SETTINGS: Settings = {
  siteRules: DEFAULT_SITE_RULES,
  paused: false,
  categories: [...DEFAULT_CATEGORIES],
  highlightStyle: 'background',
  hoverDelayMs: 300,
  language: 'auto',
};

/**
 * A stored setting with the schema its value must meet. `salvage` recovers
 * what it can from a damaged value (so a bad entry does not cost the user
 * the rest of their list); without it, a damaged value falls back.
 */
export interface Setting<T> {
  item: WxtStorageItem<T, Record<string, unknown>>;
  schema: v.GenericSchema<unknown, T>;
  fallback: T;
  salvage?: (raw: unknown) => T | undefined;
}

const SiteRulesSchema = v.strictObject({
  mode: v.picklist(['all-except-listed', 'only-listed']),
  sites: v.pipe(
    v.array(v.string()),
    v.check((sites) => sites.every((s) => ruleKey(s) === s), 'every site is a normalised host'),
  ),
});

function salvageSiteRules(raw: unknown): SiteRules | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { mode, sites } = raw as { mode?: unknown; sites?: unknown };
  const keys = Array.isArray(sites)
    ? sites.flatMap((s) => (typeof s === 'string' && ruleKey(s) ? [ruleKey(s) as string] : []))
    : [];
  return {
    mode: mode === 'only-listed' ? 'only-listed' : 'all-except-listed',
    sites: [...new Set(keys)].sort(),
  };
}

export const SETTINGS: { [K in keyof Settings]: Setting<Settings[K]> } = {
  siteRules: {
    // Synced, so a site switched off stays off on the user's other browsers.
    item: storage.defineItem<SiteRules>('sync:siteRules', { fallback: DEFAULT_SETTINGS.siteRules, version: 1 }),
    schema: SiteRulesSchema,
    fallback: DEFAULT_SETTINGS.siteRules,
    salvage: salvageSiteRules,
  },
  paused: {
    // Pausing is about this browser, now: not synced.
    item: storage.defineItem<boolean>('local:paused', { fallback: DEFAULT_SETTINGS.paused, version: 1 }),
    schema: v.boolean(),
    fallback: DEFAULT_SETTINGS.paused,
  },
  categories: {
    item: storage.defineItem<Category[]>('sync:categories', { fallback: DEFAULT_SETTINGS.categories, version: 1 }),
    schema: v.pipe(v.array(v.picklist(CATEGORIES)), v.maxLength(CATEGORIES.length)),
    fallback: DEFAULT_SETTINGS.categories,
    // A damaged list with no known category left falls back to the default rather than highlighting nothing.
    salvage: (raw) => {
      const kept = Array.isArray(raw) ? [...new Set(raw.filter((c): c is Category => CATEGORIES.includes(c)))] : [];
      return kept.length > 0 ? kept : undefined;
    },
  },
  highlightStyle: {
    item: storage.defineItem<HighlightStyle>('sync:highlightStyle', {
      fallback: DEFAULT_SETTINGS.highlightStyle,
      version: 1,
    }),
    schema: v.picklist(['background', 'underline']),
    fallback: DEFAULT_SETTINGS.highlightStyle,
  },
  hoverDelayMs: {
    item: storage.defineItem<number>('sync:hoverDelayMs', { fallback: DEFAULT_SETTINGS.hoverDelayMs, version: 1 }),
    schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)),
    fallback: DEFAULT_SETTINGS.hoverDelayMs,
  },
  language: {
    item: storage.defineItem<LanguageChoice>('sync:language', { fallback: DEFAULT_SETTINGS.language, version: 1 }),
    schema: v.picklist(['auto', 'en', 'fr']),
    fallback: DEFAULT_SETTINGS.language,
  },
};

/** Settings that were unreadable and were reset or salvaged, shown once in the options page. */
export const settingsNotice = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });

// Settings are read in parallel (loadSettings): chaining the notice's
// read-modify-write keeps one repair from overwriting another's name.
let noticeWrites: Promise<void> = Promise.resolve();

function addNotice(name: string): Promise<void> {
  const write = noticeWrites.then(async () => {
    const stored: unknown = await settingsNotice.getValue();
    const notices = Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];
    if (!notices.includes(name)) await settingsNotice.setValue([...notices, name]);
  });
  noticeWrites = write.catch(() => {});
  return write;
}

/**
 * Reads one setting and checks it. A damaged value is salvaged or replaced
 * by its fallback, written back (repaired) and reported; reading never
 * throws, so no page ever breaks on bad settings.
 */
export async function readSetting<T>(setting: Setting<T>, name: string): Promise<T> {
  let raw: unknown;
  try {
    raw = await setting.item.getValue();
  } catch {
    return setting.fallback;
  }
  const parsed = v.safeParse(setting.schema, raw);
  if (parsed.success) return parsed.output;
  const repaired = setting.salvage?.(raw) ?? setting.fallback;
  try {
    await setting.item.setValue(repaired);
    await addNotice(name);
  } catch {
    // Storage is failing too: keep working with the repaired value in memory.
  }
  return repaired;
}

export async function loadSettings(): Promise<Settings> {
  const names = Object.keys(SETTINGS) as (keyof Settings)[];
  const values = await Promise.all(names.map((name) => readSetting(SETTINGS[name] as Setting<unknown>, name)));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as unknown as Settings;
}

export function saveSetting<K extends keyof Settings>(name: K, value: Settings[K]): Promise<void> {
  return (SETTINGS[name] as Setting<Settings[K]>).item.setValue(value);
}

/** Calls `onChange` with all settings, read again and checked, whenever one of them changes. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let pending = false;
  const reload = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      loadSettings().then(onChange, () => {});
    });
  };
  const stops = Object.values(SETTINGS).map((s) => (s as Setting<unknown>).item.watch(reload));
  return () => {
    for (const stop of stops) stop();
  };
}

/** Switches the extension on or off for one site: the popup's switch and the keyboard shortcut both come here. */
export async function saveSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const rules = await readSetting(SETTINGS.siteRules, 'siteRules');
  await saveSetting('siteRules', setSiteEnabled(rules, site, enabled));
}
