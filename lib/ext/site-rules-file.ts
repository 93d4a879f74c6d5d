import * as v from 'valibot';
import type { SiteMode, SiteRules } from './site-rules';

/**
 * The file the list of sites is exported to and imported from. Pure
 * functions on its text: reading and writing the file is the caller's.
 */
export const SITE_RULES_FILE_NAME = 'context-lens-sites.json';
/** Far above any real list; stops a wrong file (a video, a dump) from being read whole. */
export const MAX_SITE_RULES_FILE_BYTES = 1_000_000;

const FORMAT = 'context-lens-site-rules';

const SiteRulesFile = v.object({
  format: v.literal(FORMAT),
  version: v.literal(1),
  // Optional: a hand-written list of sites is welcome too.
  mode: v.optional(v.picklist(['all-except-listed', 'only-listed'])),
  sites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.maxLength(10_000)),
});

/** What a file holds, as written: its sites are not yet rule keys. */
export type SiteRulesFileContent = { mode: SiteMode | undefined; sites: string[] };

export type ParsedSiteRulesFile =
  | ({ ok: true } & SiteRulesFileContent)
  | { ok: false; error: 'not-json' | 'wrong-format' };

/** The text of an exported list: pretty-printed, ending with a newline. */
export function siteRulesFileText(rules: SiteRules): string {
  const file = { format: FORMAT, version: 1, mode: rules.mode, sites: rules.sites };
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
  const parsed = v.safeParse(SiteRulesFile, data);
  if (!parsed.success) return { ok: false, error: 'wrong-format' };
  return { ok: true, mode: parsed.output.mode, sites: parsed.output.sites };
}
