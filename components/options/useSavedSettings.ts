import { useEffect, useRef, useState } from 'preact/hooks';
import { oneAtATime } from '@/lib/ext/one-at-a-time';
import type { Settings, SettingsRead, SimpleSettingName } from '@/lib/ext/settings';
import type { RulesArea, SiteRulesRead, StoredSiteRules } from '@/lib/ext/site-rules-store';

/** Stores one setting; the promise rejects when it could not be stored. */
export type SaveSetting = <K extends SimpleSettingName>(name: K, value: Settings[K]) => Promise<void>;
/** Stores the site rules; resolves with where they went (synced, or this browser only). */
export type SaveSiteRules = (rules: StoredSiteRules) => Promise<RulesArea>;

/** The site rules as the page shows them: what is stored, and whether it could be read whole. */
export type SitesState = Pick<SiteRulesRead, 'mode' | 'sites' | 'unreadable' | 'area' | 'problem'>;

export type SaveOutcome = { ok: true } | { ok: false; error: unknown };
export type SitesOutcome = { ok: true; area: RulesArea; movedFrom: RulesArea | null } | { ok: false; error: unknown };

/** Whether the stored rules can be changed: read whole, with a known mode (or about to get one). */
export function sitesEditable(sites: SitesState): boolean {
  return sites.problem !== 'unreadable' && sites.problem !== 'incomplete';
}

function sitesOf(read: SettingsRead): SitesState {
  const { mode, sites, unreadable, area, problem } = read.siteRules;
  return { mode, sites, unreadable, area, problem };
}

/**
 * The settings as the page shows them: what storage holds. A change shows
 * once storage has accepted it, never before, so the page cannot claim what
 * was not saved; what storage holds replaces it whenever it changes (another
 * page, the popup, sync). Changes run one after the other, each on the result
 * of the one before: two quick removals both count. `failed` names the last
 * setting whose save failed, until the next save.
 */
export function useSavedSettings(read: SettingsRead, onSave: SaveSetting, onSaveSiteRules: SaveSiteRules) {
  const [values, setValues] = useState(read.values);
  const [sites, setSites] = useState<SitesState>(() => sitesOf(read));
  const [failed, setFailed] = useState<{ name: SimpleSettingName; error: unknown } | null>(null);
  // Settings that could not be read, until the user saves a value of their own.
  const [untrusted, setUntrusted] = useState(read.untrusted);
  const current = useRef({ values, sites });
  const enqueue = useRef(oneAtATime()).current;

  useEffect(() => {
    current.current = { values: read.values, sites: sitesOf(read) };
    setValues(read.values);
    setSites(sitesOf(read));
    setUntrusted(read.untrusted);
  }, [read]);

  const save = <K extends SimpleSettingName>(
    name: K,
    update: Settings[K] | ((current: Settings[K]) => Settings[K]),
  ): Promise<SaveOutcome> =>
    enqueue(async () => {
      const before = current.current.values[name] as Settings[K];
      const value = typeof update === 'function' ? (update as (c: Settings[K]) => Settings[K])(before) : update;
      setFailed(null);
      try {
        // A save that throws instead of rejecting is reported the same way.
        await Promise.resolve().then(() => onSave(name, value));
      } catch (error) {
        setFailed({ name, error });
        return { ok: false, error };
      }
      current.current = { ...current.current, values: { ...current.current.values, [name]: value } };
      setValues(current.current.values);
      setUntrusted((names) => names.filter((n) => n !== name));
      return { ok: true };
    });

  /** `update` answers the rules to store from those stored now, or null to store nothing. */
  const saveSites = (update: (current: SitesState) => StoredSiteRules | null): Promise<SitesOutcome | null> =>
    enqueue(async () => {
      const before = current.current.sites;
      const changed = update(before);
      if (!changed) return null;
      const next: StoredSiteRules = { mode: changed.mode, sites: changed.sites, unreadable: changed.unreadable };
      let area: RulesArea;
      try {
        area = await Promise.resolve().then(() => onSaveSiteRules(next));
      } catch (error) {
        return { ok: false, error };
      }
      const problem = next.unreadable.length > 0 ? 'damaged' : null;
      const saved: SitesState = { ...next, sites: [...next.sites], unreadable: [...next.unreadable], area, problem };
      current.current = { ...current.current, sites: saved };
      setSites(saved);
      return { ok: true, area, movedFrom: area === before.area ? null : before.area };
    });

  return { values, sites, untrusted, save, saveSites, failed };
}
