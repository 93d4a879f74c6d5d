import type { AliasSpec } from '@/lib/facts/alias-spec';
import { type EntityGroups, type PackEntities, packAliasSpecs } from '@/lib/facts/pack-groups';
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
      // A handful of alias sets are live at a time (one per combination of packs, categories and muted names).
      if (this.specs.size >= 8) this.specs.clear();
      spec = compileMatcherSpec(aliases());
      this.specs.set(key, spec);
    }
    return spec;
  }
}

/** The enabled packs, as the store read them (lib/store/catalog.ts). */
export interface SetupCatalog {
  entities: readonly PackEntities[];
  groups: EntityGroups;
  /** Names the packs and their versions: part of the alias set's name. */
  key: string;
}

export interface SetupSources {
  catalog: SetupCatalog;
  uiLocale: string;
  specs: MatcherSpecs;
}

/**
 * What a frame runs with, from the background's decision for its site (see
 * `pageSetup` in settings.ts, which fails closed): no matcher where it does
 * not run; otherwise the aliases of the enabled packs' entities of the
 * chosen categories, muted entities left out, an entity several packs name
 * matched once (see `packAliasSpecs`).
 */
export function pageSetupFor(decided: SiteSetup, sources: SetupSources): PageSetup {
  const { settings } = decided;
  const categories = [...settings.categories].sort();
  const muted = [...settings.mutedEntities].sort();
  const { catalog } = sources;
  const matcherKey = `${catalog.key}|${categories.join(',')}|${muted.join(',')}`;
  const aliases = () => packAliasSpecs(catalog.entities, catalog.groups, categories, new Set(muted));
  return {
    enabled: decided.run,
    reason: decided.reason,
    snoozedUntil: decided.snoozedUntil,
    style: settings.highlightStyle,
    hoverDelayMs: settings.hoverDelayMs,
    lang: resolveLanguage(settings.language, sources.uiLocale),
    mutedEntities: muted,
    matcher: decided.run ? sources.specs.get(matcherKey, aliases) : null,
    matcherKey,
    factsKey: catalog.key,
  };
}
