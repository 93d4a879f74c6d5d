import * as v from 'valibot';

/**
 * The fact-base format. Versioned so that later fact packs can be imported:
 * a reader refuses a `formatVersion` it does not know instead of guessing.
 */
export const FORMAT_VERSION = 1;

/** Paragraphs of the source article, counted as its file lays them out (blocks separated by a blank line). */
export const SOURCE_PARAGRAPHS = 9;

const nonEmptyText = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** Every user-visible string exists in both languages. */
export const LocalizedSchema = v.strictObject({ en: nonEmptyText, fr: nonEmptyText });
export type Localized = v.InferOutput<typeof LocalizedSchema>;

const IdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case'));

export const ENTITY_TYPES = ['person', 'product', 'company', 'team', 'model', 'publication'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Highlight categories: only `subject` is highlighted by default; the others
 * are shown in cards and the popup and can be switched on in options.
 */
export const CATEGORIES = ['subject', 'organisation', 'product', 'model'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How an alias matches:
 * - `fold`: case- and accent-insensitive (safe for distinctive names);
 * - `case`: accents folded but case kept, so a word that is also a common
 *   word ("Pang", "Meta") only matches when capitalised as written or in
 *   all caps (headings).
 */
export const AliasSchema = v.strictObject({
  text: nonEmptyText,
  match: v.picklist(['fold', 'case']),
  /** A bare surname counts only once the entity's full name has appeared on the page. */
  afterFullName: v.optional(v.boolean(), false),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

export const EntitySchema = v.strictObject({
  id: IdSchema,
  type: v.picklist(ENTITY_TYPES),
  category: v.picklist(CATEGORIES),
  name: LocalizedSchema,
  description: LocalizedSchema,
  aliases: v.pipe(v.array(AliasSchema), v.nonEmpty()),
  related: v.array(IdSchema),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const FactSchema = v.strictObject({
  id: IdSchema,
  text: LocalizedSchema,
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SOURCE_PARAGRAPHS)),
  entities: v.pipe(v.array(IdSchema), v.nonEmpty()),
  /** General background not stated by the article; shown as such, never as one of its claims. */
  background: v.optional(v.boolean(), false),
});
export type Fact = v.InferOutput<typeof FactSchema>;

export const SourceSchema = v.strictObject({
  title: LocalizedSchema,
  language: v.literal('fr'),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
  reporting: nonEmptyText,
  paragraphs: v.literal(SOURCE_PARAGRAPHS),
});

export const SummarySchema = v.strictObject({
  headline: LocalizedSchema,
  points: v.pipe(v.array(LocalizedSchema), v.nonEmpty()),
});

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const FactBaseSchema = v.pipe(
  v.strictObject({
    formatVersion: v.literal(FORMAT_VERSION),
    version: nonEmptyText,
    source: SourceSchema,
    summary: SummarySchema,
    entities: v.array(EntitySchema),
    facts: v.array(FactSchema),
  }),
  v.check((b) => uniqueIds(b.entities), 'entity ids must be unique'),
  v.check((b) => uniqueIds(b.facts), 'fact ids must be unique'),
  v.check((b) => {
    const ids = new Set(b.entities.map((e) => e.id));
    return b.entities.every((e) => e.related.every((r) => ids.has(r) && r !== e.id));
  }, 'every related entity must exist and differ from its entity'),
  v.check((b) => {
    const ids = new Set(b.entities.map((e) => e.id));
    return b.facts.every((f) => f.entities.every((r) => ids.has(r)));
  }, 'every entity a fact names must exist'),
);
export type FactBase = v.InferOutput<typeof FactBaseSchema>;

/** Validates unknown data as a fact base; throws a readable error listing every issue. */
export function parseFactBase(data: unknown): FactBase {
  const result = v.safeParse(FactBaseSchema, data);
  if (result.success) return result.output;
  const lines = result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  throw new Error(`Invalid fact base:\n${lines.join('\n')}`);
}
