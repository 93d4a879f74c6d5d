import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import {
  SETTINGS,
  type Setting,
  type Settings,
  type SimpleSettingName,
  settingsNotice,
  snoozesItem,
} from './settings-items';
import { decideSite, effectiveRules, rulesUsable, type SiteDecision, type UndecidedSetting } from './site-decision';
import { setSiteEnabled } from './site-rules';
import {
  type RulesArea,
  readSiteRules,
  type SiteRulesRead,
  type StoredSiteRules,
  writeSiteRules,
} from './site-rules-store';
import { parseSnoozes, type Snoozes, withSnooze } from './snooze';

export * from './settings-items';
export type { OffReason, SiteDecision } from './site-decision';

/**
 * Reading settings never writes: a damaged value is salvaged in memory and
 * reported, and only the background writes repairs back (repairSettings),
 * once, rather than every page and frame. A value written by a newer
 * version is read as well as it can be and never repaired, so an older
 * install cannot strip what a newer one wrote.
 */
export type SettingProblem = 'unreadable' | 'damaged' | 'newer';

export interface SettingRead<T> {
  value: T;
  problem: SettingProblem | null;
  /** Whether `value` can be used; false leaves the extension off where this setting decides. */
  trusted: boolean;
  /** What the background may write back; undefined when nothing should be written. */
  repair?: T;
}

function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null)?.v;
  return typeof v === 'number' ? v : 1;
}

/** Reads one setting and checks it. Never throws, never writes. */
export async function readSetting<T>(setting: Setting<T>): Promise<SettingRead<T>> {
  let raw: unknown;
  let meta: unknown;
  try {
    // The value and WXT's metadata item (`key$`) in one read of the area.
    const [value, metadata] = await storage.getItems([setting.item.key, `${setting.item.key}$`]);
    raw = value?.value;
    meta = metadata?.value;
  } catch {
    const trusted = !setting.failClosed;
    return { value: trusted ? setting.fallback : (setting.closed ?? setting.fallback), problem: 'unreadable', trusted };
  }
  if (raw === null || raw === undefined) return { value: setting.fallback, problem: null, trusted: true };
  const parsed = v.safeParse(setting.schema, raw);
  if (parsed.success) return { value: parsed.output, problem: null, trusted: true };
  const newer = storedVersion(meta) > setting.version;
  const salvaged = setting.salvage?.(raw);
  const trusted = salvaged !== undefined || !setting.failClosed;
  const value = salvaged ?? (trusted ? setting.fallback : (setting.closed ?? setting.fallback));
  return { value, problem: newer ? 'newer' : 'damaged', trusted, repair: newer || !trusted ? undefined : value };
}

export type StoredName = SimpleSettingName | 'siteRules' | 'snoozes';

/** Everything stored, as read: what the popup and the options page show, and what decides where to run. */
export interface SettingsRead {
  values: Omit<Settings, 'siteRules'>;
  siteRules: SiteRulesRead;
  /** Null when damaged or unreadable. */
  snoozes: Snoozes | null;
  problems: Partial<Record<StoredName, SettingProblem | SiteRulesRead['problem']>>;
  untrusted: UndecidedSetting[];
  /** Repairs only the background writes. */
  repairs: Partial<Settings>;
}

const SIMPLE_NAMES = Object.keys(SETTINGS) as SimpleSettingName[];

export async function readSettings(): Promise<SettingsRead> {
  const [reads, siteRules, snoozes] = await Promise.all([
    Promise.all(SIMPLE_NAMES.map((name) => readSetting(SETTINGS[name] as Setting<unknown>))),
    readSiteRules(),
    snoozesItem.getValue().then(parseSnoozes, () => null),
  ]);
  const result: SettingsRead = {
    values: {} as SettingsRead['values'],
    siteRules,
    snoozes,
    problems: {},
    untrusted: [],
    repairs: {},
  };
  SIMPLE_NAMES.forEach((name, i) => {
    const read = reads[i] as SettingRead<unknown>;
    (result.values as Record<string, unknown>)[name] = read.value;
    if (read.problem) result.problems[name] = read.problem;
    if (!read.trusted && (name === 'paused' || name === 'mutedEntities')) result.untrusted.push(name);
    if (read.repair !== undefined) (result.repairs as Record<string, unknown>)[name] = read.repair;
  });
  if (siteRules.problem) result.problems.siteRules = siteRules.problem;
  if (!rulesUsable(siteRules)) result.untrusted.push('siteRules');
  if (snoozes === null) {
    result.problems.snoozes = 'damaged';
    result.untrusted.push('snoozes');
  }
  return result;
}

/**
 * The settings as they apply now, failing closed: site rules and pause that
 * cannot be decided read as "off", snoozed sites as switched off. For code
 * that applies plain settings; pageSetup says the same with its reasons.
 */
export function effectiveSettings(read: SettingsRead, now = Date.now()): Settings {
  return { ...read.values, ...effectiveRules(decisionInput(read), now) };
}

export async function loadSettings(now?: number): Promise<Settings> {
  return effectiveSettings(await readSettings(), now);
}

function decisionInput(read: SettingsRead) {
  return { siteRules: read.siteRules, paused: read.values.paused, snoozes: read.snoozes, untrusted: read.untrusted };
}

/** What a page needs to highlight, besides whether to. */
export type PageSettings = Omit<Settings, 'siteRules' | 'paused'>;

export interface PageSetup extends SiteDecision {
  site: string | null;
  settings: PageSettings;
}

/**
 * Whether the extension runs on `site` and with which settings: the one
 * answer the background gives each frame. Fails closed (see site-decision.ts).
 */
export async function pageSetup(site: string | null, now = Date.now(), read?: SettingsRead): Promise<PageSetup> {
  const current = read ?? (await readSettings());
  const { paused: _paused, ...settings } = current.values;
  return { site, ...decideSite(decisionInput(current), site, now), settings };
}

export function siteDecision(read: SettingsRead, site: string | null, now = Date.now()): SiteDecision {
  return decideSite(decisionInput(read), site, now);
}

/** Stores one setting, after checking it; rejects when it is invalid or storage refuses it. */
export async function saveSetting<K extends SimpleSettingName>(name: K, value: Settings[K]): Promise<void> {
  const setting = SETTINGS[name] as Setting<Settings[K]>;
  const parsed = v.safeParse(setting.schema, value);
  if (!parsed.success) throw new Error(`Invalid ${name}`);
  await setting.item.setValue(parsed.output);
}

/** The stored rules cannot be changed safely: they could not be read whole. */
export class SiteRulesUnavailableError extends Error {
  constructor(readonly problem: SiteRulesRead['problem']) {
    super(`The site rules cannot be changed now (${problem})`);
    this.name = 'SiteRulesUnavailableError';
  }
}

/** Stores site rules as the options page edited them, keeping any fields a newer version added. */
export async function saveSiteRules(rules: StoredSiteRules): Promise<RulesArea> {
  const current = await readSiteRules();
  if (current.problem === 'unreadable' || current.problem === 'incomplete') {
    throw new SiteRulesUnavailableError(current.problem);
  }
  return writeSiteRules(rules, current.extra);
}

/** Switches the extension on or off for one site: the popup's switch and the keyboard shortcut both come here. */
export async function saveSiteEnabled(site: string, enabled: boolean): Promise<RulesArea> {
  const current = await readSiteRules();
  if (!rulesUsable(current)) throw new SiteRulesUnavailableError(current.problem);
  const next = setSiteEnabled(current, site, enabled);
  return writeSiteRules({ ...next, unreadable: current.unreadable }, current.extra);
}

/** Snoozes a site until `until`, or ends its snooze (null). */
export async function saveSnooze(site: string, until: number | null, now = Date.now()): Promise<Snoozes> {
  const current = parseSnoozes(await snoozesItem.getValue()) ?? {};
  const next = withSnooze(current, site, until, now);
  await snoozesItem.setValue(next);
  return next;
}

/** Keys of every item settings are stored in (values, WXT metadata, site-rule parts). */
export function isSettingsKey(key: string): boolean {
  const name = key.replace(/\$$/, '');
  return (
    /^siteRules(?:\.\d+|Local)?$/.test(name) ||
    name === 'snoozes' ||
    SIMPLE_NAMES.some((n) => SETTINGS[n].item.key.endsWith(`:${name}`))
  );
}

/** Calls `onChange` with everything read again whenever a stored setting changes, here or through sync. */
export function watchSettingsRead(onChange: (read: SettingsRead) => void): () => void {
  let pending = false;
  let started = 0;
  let applied = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (pending || (area !== 'sync' && area !== 'local') || !Object.keys(changes).some(isSettingsKey)) return;
    pending = true;
    // A save writes several items at once: one read for all of them.
    queueMicrotask(() => {
      pending = false;
      const ticket = ++started;
      // Two reads close together may answer out of order: an older one never replaces a newer one.
      readSettings().then(
        (read) => {
          if (ticket < applied) return;
          applied = ticket;
          onChange(read);
        },
        () => {},
      );
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `onChange` with the settings as they apply (effectiveSettings) whenever one changes. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchSettingsRead((read) => onChange(effectiveSettings(read)));
}

// Chained, so that two repairs close together cannot overwrite each other's names.
let noticeWrites: Promise<void> = Promise.resolve();

function addNotices(names: readonly string[]): Promise<void> {
  const write = noticeWrites.then(async () => {
    const stored: unknown = await settingsNotice.getValue();
    const notices = Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];
    const added = names.filter((n) => !notices.includes(n));
    if (added.length > 0 || !Array.isArray(stored)) await settingsNotice.setValue([...notices, ...added]);
  });
  noticeWrites = write.catch(() => {});
  return write;
}

/**
 * Writes back what reading repaired: damaged values salvaged or reset
 * (named in the options page's notice), and site rules whose keys only
 * needed normalising. Never the mode, never an entry, never a value from a
 * newer version. The background calls it; nothing else writes repairs.
 * Answers the names of the settings repaired.
 */
export async function repairSettings(read?: SettingsRead): Promise<string[]> {
  const current = read ?? (await readSettings());
  const repaired: string[] = [];
  for (const [name, value] of Object.entries(current.repairs) as [SimpleSettingName, unknown][]) {
    try {
      await (SETTINGS[name] as Setting<unknown>).item.setValue(value);
      repaired.push(name);
    } catch {
      // Storage refuses writes too: the salvaged value is still used in memory.
    }
  }
  const rules = current.siteRules;
  if (rules.needsRepair && (rules.problem === null || rules.problem === 'damaged') && rules.mode !== null) {
    const stored = { mode: rules.mode, sites: rules.sites, unreadable: rules.unreadable };
    await writeSiteRules(stored, rules.extra, rules.area).catch(() => {});
  }
  if (repaired.length > 0) await addNotices(repaired).catch(() => {});
  return repaired;
}
