import { type AliasSpec, aliasSpecs } from '@/lib/facts/alias-spec';
import { CATEGORIES, type Category, parseFactBase } from '@/lib/facts/schema';
import { compileMatcher } from '@/lib/text/matcher-spec';
import factBase from '@/seeds/fact-base.json';

/** The shipped fact base, validated as the extension validates it. */
export const seed = parseFactBase(factBase);

/** The content script's default: subjects only. */
export const subjects = compileMatcher(aliasSpecs(seed.entities));

/** Every category of the seed. */
export const everything = compileMatcher(aliasSpecs(seed.entities, CATEGORIES));

/**
 * The same alias sets without their context rules: for tests that compare
 * what the DOM scan finds with what the bare matcher finds in the flattened
 * text, the rules being checked on their own (precision set, context tests).
 */
const plain = (categories: readonly Category[]) =>
  compileMatcher(aliasSpecs(seed.entities, categories).map(({ context: _, ...alias }) => alias));
export const plainSubjects = plain(['subject']);
export const plainEverything = plain(CATEGORIES);

/**
 * Every alias of the seed read straight from its JSON, not through
 * `aliasSpecs`, so that matcher tests do not rest on the code they check.
 */
export const SEED_ALIASES: AliasSpec[] = factBase.entities.flatMap((entity) =>
  entity.aliases.map((alias) => ({
    text: alias.text,
    match: alias.match as 'fold' | 'case',
    afterFullName: 'afterFullName' in alias ? Boolean(alias.afterFullName) : false,
    entityId: entity.id,
    category: entity.category as Category,
  })),
);
