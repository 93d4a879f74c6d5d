import { type AliasSpec, aliasSpecs } from '@/lib/facts/alias-spec';
import type { Entity } from '@/lib/facts/schema';
import { resolveLanguage } from '@/lib/i18n/language';
import type { MatcherSpec } from '@/lib/text/matcher';
import { compileMatcherSpec } from '@/lib/text/matcher-spec';
import type { PageSetup } from './messages';
import type { PageSetup as SiteSetup } from './settings';

/**
 * Matcher specs by alias set: the background prepares each once (reading
 * every Unicode unit takes tens of milliseconds) and every frame of every
 * tab gets the same one.
 */
export class MatcherSpecs {
  private readonly specs = new Map<string, MatcherSpec<AliasSpec>>();

  get(key: string, aliases: () => AliasSpec[]): MatcherSpec<AliasSpec> {
    let spec = this.specs.get(key);
    if (!spec) {
      // A handful of alias sets are live at a time (one per combination of categories and muted names).
      if (this.specs.size >= 8) this.specs.clear();
      spec = compileMatcherSpec(aliases());
      this.specs.set(key, spec);
    }
    return spec;
  }
}

export interface SetupSources {
  entities: readonly Entity[];
  /** Version of the fact base the entities come from: part of the alias set's name. */
  version: string;
  uiLocale: string;
  specs: MatcherSpecs;
}

/**
 * What a frame runs with, from the background's decision for its site (see
 * `pageSetup` in settings.ts, which fails closed): no matcher where it does
 * not run; otherwise the aliases of the chosen categories, muted entities
 * left out.
 */
export function pageSetupFor(decided: SiteSetup, sources: SetupSources): PageSetup {
  const { settings } = decided;
  const categories = [...settings.categories].sort();
  const muted = [...settings.mutedEntities].sort();
  const matcherKey = `${sources.version}|${categories.join(',')}|${muted.join(',')}`;
  const entities = () => sources.entities.filter((e) => !muted.includes(e.id));
  return {
    enabled: decided.run,
    reason: decided.reason,
    snoozedUntil: decided.snoozedUntil,
    style: settings.highlightStyle,
    hoverDelayMs: settings.hoverDelayMs,
    lang: resolveLanguage(settings.language, sources.uiLocale),
    mutedEntities: muted,
    matcher: decided.run ? sources.specs.get(matcherKey, () => aliasSpecs(entities(), categories)) : null,
    matcherKey,
  };
}
