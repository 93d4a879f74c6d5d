import { type AliasSpec, aliasSpecs } from '@/lib/facts/alias-spec';
import type { Entity } from '@/lib/facts/schema';
import { resolveLanguage } from '@/lib/i18n/language';
import type { MatcherSpec } from '@/lib/text/matcher';
import { compileMatcherSpec } from '@/lib/text/matcher-spec';
import type { PageSetup } from './messages';
import type { Settings } from './settings';
import { isEnabledOn } from './site-rules';

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
      // A handful of alias sets are live at a time (one per combination of categories in use).
      if (this.specs.size >= 8) this.specs.clear();
      spec = compileMatcherSpec(aliases());
      this.specs.set(key, spec);
    }
    return spec;
  }
}

export interface SetupSources {
  settings: Settings;
  entities: readonly Entity[];
  /** Version of the fact base the entities come from: part of the alias set's name. */
  version: string;
  uiLocale: string;
  specs: MatcherSpecs;
}

/** What a frame on `site` runs with, under the user's settings. */
export function pageSetupFor(site: string | null, sources: SetupSources): PageSetup {
  const { settings, entities, version, specs } = sources;
  const enabled = isEnabledOn(site, settings.siteRules, settings.paused);
  const categories = [...settings.categories].sort();
  const matcherKey = `${version}|${categories.join(',')}`;
  return {
    enabled,
    style: settings.highlightStyle,
    hoverDelayMs: settings.hoverDelayMs,
    lang: resolveLanguage(settings.language, sources.uiLocale),
    matcher: enabled ? specs.get(matcherKey, () => aliasSpecs(entities, categories)) : null,
    matcherKey,
  };
}
