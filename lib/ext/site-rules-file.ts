import type { SiteMode, SiteRules } from './site-rules';

/**
 * The file settings are exported to and imported from: where to highlight,
 * the list of sites and the muted names. A plain JSON array of sites is
 * accepted too. Pure functions on its text: reading and writing the file is
 * the caller's. Entries are returned as written, for the caller to check one
 * by one and name each it refuses.
 */
export const SITE_RULES_FILE_NAME = 'context-lens-settings.json';
/** A file of 10,000 sites of the longest kind weighs 2.6 MB: this stops a wrong file (a video, a dump) from being read whole. */
export const MAX_SITE_RULES_FILE_BYTES = 4_000_000;
export const MAX_FILE_ENTRIES = 10_000;

const FORMAT = 'context-lens-site-rules';
/** Muted names were added to version 1 as an optional field: older versions ignore it. */
const VERSION = 1;

/** What a file holds, as written: its sites are not yet rule keys. */
export interface SiteRulesFileContent {
  mode: SiteMode | undefined;
  sites: unknown[];
  mutedEntities: unknown[];
}

export type SiteRulesFileError = 'not-json' | 'wrong-format' | 'newer' | 'too-many';

export type ParsedSiteRulesFile =
  | ({ ok: true } & SiteRulesFileContent)
  | { ok: false; error: SiteRulesFileError; count?: number };

/** The text of an export: pretty-printed, ending with a newline. */
export function siteRulesFileText(rules: SiteRules, mutedEntities: readonly string[] = []): string {
  const file = { format: FORMAT, version: VERSION, mode: rules.mode, sites: rules.sites, mutedEntities };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads the text of a file chosen for import; a byte-order mark (some editors write one) is ignored. */
export function parseSiteRulesFile(text: string): ParsedSiteRulesFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (Array.isArray(data)) return withEntries(data, undefined, []);
  if (typeof data !== 'object' || data === null) return { ok: false, error: 'wrong-format' };
  const file = data as Record<string, unknown>;
  if (file.format !== FORMAT || typeof file.version !== 'number') return { ok: false, error: 'wrong-format' };
  if (file.version > VERSION) return { ok: false, error: 'newer' };
  if (file.version !== VERSION || !Array.isArray(file.sites)) return { ok: false, error: 'wrong-format' };
  // The file's mode is only ever mentioned, never applied: one it does not know is left out.
  const mode = file.mode === 'all-except-listed' || file.mode === 'only-listed' ? file.mode : undefined;
  return withEntries(file.sites, mode, Array.isArray(file.mutedEntities) ? file.mutedEntities : []);
}

function withEntries(sites: unknown[], mode: SiteMode | undefined, mutedEntities: unknown[]): ParsedSiteRulesFile {
  if (sites.length > MAX_FILE_ENTRIES) return { ok: false, error: 'too-many', count: sites.length };
  return { ok: true, mode, sites, mutedEntities: mutedEntities.slice(0, MAX_FILE_ENTRIES) };
}
