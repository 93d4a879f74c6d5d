import type { Alias, Category, Entity } from './schema';

/** Only the article's subjects are highlighted until the user chooses more categories. */
export const DEFAULT_CATEGORIES: readonly Category[] = ['subject'];

/** One alias as the page matches it: what to find and whom it names. */
export interface AliasSpec extends Alias {
  entityId: string;
  category: Category;
}

/** The aliases the content script matches: those of the entities in the chosen categories. */
export function aliasSpecs(
  entities: readonly Entity[],
  categories: readonly Category[] = DEFAULT_CATEGORIES,
): AliasSpec[] {
  const wanted = new Set(categories);
  return entities
    .filter((e) => wanted.has(e.category))
    .flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id, category: e.category })));
}
