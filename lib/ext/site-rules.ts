/**
 * Per-site switching. A rule is a host; it matches that host and its
 * subdomains. Pure functions: no browser globals.
 */

export type SiteMode = 'all-except-listed' | 'only-listed';

export interface SiteRules {
  mode: SiteMode;
  /** Normalised rule keys (see `ruleKey`), unique. */
  sites: string[];
}

export const DEFAULT_SITE_RULES: SiteRules = { mode: 'all-except-listed', sites: [] };

/** All local files share one rule. */
export const FILE_SITE = 'file://';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isIp(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[');
}

/**
 * The site a page belongs to, as a rule key: its host in lower case and
 * punycode (the URL parser does IDN), without port, trailing dot or a
 * leading `www.`; `file://` for local files; null where the extension does
 * not run (browser pages, extension pages, data: and the like).
 */
export function siteOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return FILE_SITE;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return hostKey(parsed.hostname);
}

function hostKey(hostname: string): string | null {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  // Only where a domain remains: "www.com" is a site, and a rule "com" would cover every .com site.
  if (!isIp(host) && host.startsWith('www.') && host.slice(4).includes('.')) host = host.slice(4);
  return host;
}

/** DNS names stop at 253 characters, and each of their labels at 63. */
export const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** Far longer than any address of a site: such an entry is not parsed at all. */
const MAX_INPUT_LENGTH = 2048;

/** Why an entry typed or imported is not a site. */
export type RuleRejection = 'not-text' | 'too-long' | 'not-a-site';

/**
 * Turns what a user types or imports ("https://www.Example.com:8080/x",
 * "*.example.com", "bücher.de", "file://") into a rule key, or says why it
 * is not a site. Empty text is not a site either.
 */
export function readRule(input: unknown): { key: string } | { rejected: RuleRejection } {
  if (typeof input !== 'string') return { rejected: 'not-text' };
  const text = input.trim();
  if (text.length > MAX_INPUT_LENGTH) return { rejected: 'too-long' };
  if (!text) return { rejected: 'not-a-site' };
  if (/^file:/i.test(text)) return { key: FILE_SITE };
  const withoutWildcard = text.replace(/^\*\./, '');
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(withoutWildcard) ? withoutWildcard : `http://${withoutWildcard}`;
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { rejected: 'not-a-site' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { rejected: 'not-a-site' };
  const host = hostKey(parsed.hostname);
  if (!host) return { rejected: 'not-a-site' };
  if (isIp(host)) return { key: host };
  if (host.length > MAX_HOST_LENGTH || host.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) {
    return { rejected: 'too-long' };
  }
  // Single-label hosts (intranet, localhost) are sites too: the popup must be able to list what siteOf names.
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
    return { rejected: 'not-a-site' };
  }
  return { key: host };
}

/** The rule key of what a user types or imports; null when it is not a site. */
export function ruleKey(input: string): string | null {
  const read = readRule(input);
  return 'key' in read ? read.key : null;
}

/** Whether a rule covers a site: the same host, or one of its subdomains (never for IP addresses). */
export function ruleMatches(rule: string, site: string): boolean {
  if (rule === site) return true;
  if (rule === FILE_SITE || site === FILE_SITE || isIp(site) || isIp(rule)) return false;
  return site.endsWith(`.${rule}`);
}

export function isListed(rules: SiteRules, site: string): boolean {
  return rules.sites.some((rule) => ruleMatches(rule, site));
}

/** Whether the extension runs on a site under the user's rules and pause switch. */
export function isEnabledOn(site: string | null, rules: SiteRules, paused: boolean): boolean {
  if (paused || site === null) return false;
  const listed = isListed(rules, site);
  return rules.mode === 'all-except-listed' ? !listed : listed;
}

/**
 * The rules after switching a site on or off. Turning a site off in
 * "all except" mode lists it; turning it on removes every rule covering it
 * (a rule for a parent domain would otherwise keep it off). The reverse in
 * "only listed" mode.
 */
export function setSiteEnabled(rules: SiteRules, site: string, enabled: boolean): SiteRules {
  const listWanted = rules.mode === 'all-except-listed' ? !enabled : enabled;
  if (listWanted) return isListed(rules, site) ? rules : { ...rules, sites: [...rules.sites, site].sort() };
  return { ...rules, sites: rules.sites.filter((rule) => !ruleMatches(rule, site)) };
}

/** An entry that could not be added, and why. */
export interface RejectedEntry {
  entry: unknown;
  reason: RuleRejection;
}

/** Adds rules typed or imported by the user; answers the rules and what could not be read. */
export function addRules(
  rules: SiteRules,
  inputs: readonly unknown[],
): { rules: SiteRules; rejected: RejectedEntry[] } {
  const sites = new Set(rules.sites);
  const rejected: RejectedEntry[] = [];
  for (const entry of inputs) {
    const read = readRule(entry);
    if ('key' in read) sites.add(read.key);
    // Blank lines of a hand-written list are not worth a complaint.
    else if (typeof entry !== 'string' || entry.trim()) rejected.push({ entry, reason: read.rejected });
  }
  return { rules: { ...rules, sites: [...sites].sort() }, rejected };
}
