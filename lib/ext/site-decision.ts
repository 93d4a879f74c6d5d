import { isListed, type SiteRules, setSiteEnabled } from './site-rules';
import type { SiteRulesRead } from './site-rules-store';
import { activeSnooze, type Snoozes } from './snooze';

/**
 * Whether the extension runs on a site, failing closed: a setting that
 * cannot be read or trusted leaves it off wherever that setting could have
 * said "off", and names the setting so the popup can say why. Pure.
 */

/** What decides where the extension runs, as read from storage. */
export interface DecisionInput {
  siteRules: SiteRulesRead;
  paused: boolean;
  /** Null when the snoozes could not be read: any site may be snoozed. */
  snoozes: Snoozes | null;
  /** Settings whose value could not be trusted (read failed, or damaged beyond salvage). */
  untrusted: readonly UndecidedSetting[];
}

export type UndecidedSetting = 'siteRules' | 'paused' | 'snoozes' | 'mutedEntities';

export type OffReason = 'unsupported' | 'paused' | 'site-off' | 'snoozed' | 'undecided';

export interface SiteDecision {
  run: boolean;
  /** Why it does not run; null when it runs. */
  reason: OffReason | null;
  /** When the snooze ends, for reason 'snoozed'. */
  snoozedUntil: number | null;
  /** The settings that could not be read, for reason 'undecided'. */
  undecided: UndecidedSetting[];
}

const off = (reason: OffReason, snoozedUntil: number | null = null): SiteDecision => ({
  run: false,
  reason,
  snoozedUntil,
  undecided: [],
});

/** Whether the stored mode and list can be used at all. */
export function rulesUsable(rules: SiteRulesRead): rules is SiteRulesRead & { mode: SiteRules['mode'] } {
  return rules.mode !== null && rules.problem !== 'unreadable' && rules.problem !== 'incomplete';
}

export function decideSite(input: DecisionInput, site: string | null, now: number): SiteDecision {
  if (site === null) return off('unsupported');
  const undecided = new Set<UndecidedSetting>(input.untrusted.filter((name) => name !== 'siteRules'));
  // A setting known to say "off" is enough, whatever the others: checked first.
  if (!undecided.has('paused') && input.paused) return off('paused');
  const rules = input.siteRules;
  if (!rulesUsable(rules)) undecided.add('siteRules');
  else {
    const listed = isListed(rules, site);
    if (rules.mode === 'all-except-listed' ? listed : !listed) return off('site-off');
    // An entry that could not be read may have been this site: in "all except" mode it stays off.
    if (rules.mode === 'all-except-listed' && rules.unreadable.length > 0) undecided.add('siteRules');
  }
  if (input.snoozes === null) undecided.add('snoozes');
  else {
    const until = activeSnooze(input.snoozes, site, now);
    if (until !== null) return off('snoozed', until);
  }
  if (undecided.size > 0) return { ...off('undecided'), undecided: [...undecided] };
  return { run: true, reason: null, snoozedUntil: null, undecided: [] };
}

const NOWHERE: SiteRules = { mode: 'only-listed', sites: [] };

/**
 * The same decision as plain site rules and a pause switch, for code that
 * only knows those: what cannot be decided becomes "off", and snoozed sites
 * are switched off (in "only listed" mode this also switches off the rest of
 * a listed parent domain: narrower, never wider).
 */
export function effectiveRules(input: DecisionInput, now: number): { siteRules: SiteRules; paused: boolean } {
  const paused = input.paused || input.untrusted.includes('paused');
  const rules = input.siteRules;
  const unsure =
    !rulesUsable(rules) ||
    input.snoozes === null ||
    input.untrusted.includes('mutedEntities') ||
    input.untrusted.includes('snoozes');
  if (unsure || (rules.mode === 'all-except-listed' && rules.unreadable.length > 0))
    return { siteRules: NOWHERE, paused };
  let effective: SiteRules = { mode: rules.mode, sites: rules.sites };
  for (const [site, until] of Object.entries(input.snoozes ?? {})) {
    if (until > now) effective = setSiteEnabled(effective, site, false);
  }
  return { siteRules: effective, paused };
}
