import * as v from 'valibot';
import { CATEGORIES } from './categories';
import { ID_PATTERN } from './ids';
import { PACK_LIMITS } from './limits';
import {
  issueAt,
  LocalizedSchema,
  localized,
  ParagraphNumber,
  SourceSchema,
  SummarySchema,
  text,
} from './source-schema';

export {
  type Localized,
  LocalizedSchema,
  type Section,
  SectionSchema,
  type Source,
  SourceSchema,
  SummarySchema,
} from './source-schema';

/**
 * The fact-base format, also the format of fact packs about other articles
 * (docs/fact-packs.md). Versioned so that files can be imported later: a
 * reader refuses a `formatVersion` it does not know instead of guessing
 * (`migrate.ts` reads the older ones).
 */
export const FORMAT_VERSION = 2;
/** Every format a file may be in: older ones are migrated on import. */
export const SUPPORTED_FORMATS: readonly number[] = [1, FORMAT_VERSION];

export const IdSchema = v.pipe(
  v.string(),
  v.maxLength(PACK_LIMITS.idLength),
  v.regex(ID_PATTERN, 'ids are kebab-case: lower-case letters and digits, joined by single hyphens'),
);

export const ENTITY_TYPES = ['person', 'product', 'company', 'team', 'model', 'publication'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export { CATEGORIES, type Category } from './categories';

const Words = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(60))), v.maxLength(100));

/**
 * Context rules of an alias (see `ContextRules` in lib/text/context-rules.ts
 * and docs/fact-packs.md): when the words around a match make it someone
 * else's name or another word.
 */
export const ContextSchema = v.strictObject({
  name: v.optional(v.picklist(['full', 'given', 'surname'])),
  group: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/), v.maxLength(60))),
  otherNameBefore: v.optional(v.boolean()),
  otherNameAfter: v.optional(v.boolean()),
  ownNamesAfter: v.optional(Words),
  notInCompound: v.optional(v.boolean()),
  notInIdentifier: v.optional(v.boolean()),
  commonWordIn: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/))), v.maxLength(50))),
  allCaps: v.optional(v.boolean()),
  notBefore: v.optional(Words),
  notAfter: v.optional(Words),
  entityCues: v.optional(Words),
  personCues: v.optional(Words),
});

/**
 * How an alias matches:
 * - `fold`: case- and accent-insensitive (safe for distinctive names);
 * - `case`: accents folded but case kept, so a word that is also a common
 *   word ("Pang", "Meta") only matches when capitalised as written or in
 *   all caps (headings).
 */
export const AliasSchema = v.pipe(
  v.strictObject({
    text: text(PACK_LIMITS.aliasLength),
    match: v.picklist(['fold', 'case']),
    /** A bare surname counts only once the entity's full name has appeared on the page. */
    afterFullName: v.optional(v.boolean(), false),
    context: v.optional(ContextSchema),
  }),
  v.check(
    (a) => !a.afterFullName || a.context?.group !== undefined || a.context === undefined,
    'a bare name with context rules needs the group of its full names',
  ),
);
export type Alias = v.InferOutput<typeof AliasSchema>;

const entityEntries = {
  id: IdSchema,
  type: v.picklist(ENTITY_TYPES),
  category: v.picklist(CATEGORIES),
  name: localized(PACK_LIMITS.nameLength),
  /** Either only what the source says, or, when `descriptionBackground` is set, only general background. */
  description: LocalizedSchema,
  /** The description is general background, not taken from the source: the card says so. */
  descriptionBackground: v.optional(v.boolean(), false),
  aliases: v.pipe(v.array(AliasSchema), v.nonEmpty(), v.maxLength(PACK_LIMITS.aliasesPerEntity)),
  related: v.pipe(v.array(IdSchema), v.maxLength(PACK_LIMITS.relatedPerEntity)),
};

export const EntitySchema = v.strictObject(entityEntries);
export type Entity = v.InferOutput<typeof EntitySchema>;

const factEntries = {
  id: IdSchema,
  text: LocalizedSchema,
  paragraph: v.optional(ParagraphNumber),
  entities: v.pipe(v.array(IdSchema), v.nonEmpty(), v.maxLength(PACK_LIMITS.entitiesPerFact)),
  background: v.optional(v.boolean(), false),
};

type FactShape = { background: boolean; paragraph?: number };

/** A background fact cites nothing; every other one cites its paragraph. */
const citesAsItShould = <T extends FactShape>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const fact = dataset.value;
    if (fact.background && fact.paragraph !== undefined) {
      issueAt(addIssue, fact, ['paragraph'], 'a background fact is not from the source and cites no paragraph');
    } else if (!fact.background && fact.paragraph === undefined) {
      issueAt(addIssue, fact, ['paragraph'], 'a fact of the source must cite its paragraph');
    }
  });

/**
 * A claim of the source, citing the prose paragraph it comes from; or, with
 * `background`, general context the source does not state, which therefore
 * cites nothing. Whether the paragraph exists is checked against the source
 * by `FactBaseSchema`.
 */
export const FactSchema = v.pipe(v.strictObject(factEntries), citesAsItShould());
export type Fact = v.InferOutput<typeof FactSchema>;

/**
 * The shapes records take once stored (lib/store): ids are references
 * scoped by their pack (lib/facts/ids.ts), checked as such when read back.
 */
const RefSchema = v.pipe(
  v.string(),
  v.maxLength(PACK_LIMITS.idLength * 2 + 1),
  v.regex(/^(?:[a-z0-9-]+:)?[a-z0-9-]+$/),
);
export const StoredEntitySchema = v.strictObject({ ...entityEntries, id: RefSchema, related: v.array(RefSchema) });
export const StoredFactSchema = v.pipe(
  v.strictObject({ ...factEntries, id: RefSchema, entities: v.pipe(v.array(RefSchema), v.nonEmpty()) }),
  citesAsItShould(),
);

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const FactBaseSchema = v.pipe(
  v.strictObject({
    formatVersion: v.literal(FORMAT_VERSION),
    /** The pack's id, the same across its versions. */
    id: IdSchema,
    version: text(PACK_LIMITS.versionLength),
    /** The project's name for the pack. */
    name: localized(PACK_LIMITS.nameLength),
    source: SourceSchema,
    summary: SummarySchema,
    entities: v.pipe(v.array(EntitySchema), v.maxLength(PACK_LIMITS.entities)),
    facts: v.pipe(v.array(FactSchema), v.maxLength(PACK_LIMITS.facts)),
  }),
  v.check(
    (b) => b.entities.reduce((n, e) => n + e.aliases.length, 0) <= PACK_LIMITS.aliases,
    `a pack has at most ${PACK_LIMITS.aliases} aliases`,
  ),
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
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const base = dataset.value;
    base.facts.forEach((fact, i) => {
      if (fact.paragraph !== undefined && fact.paragraph > base.source.paragraphs) {
        const last = base.source.paragraphs;
        issueAt(addIssue, base, ['facts', i, 'paragraph'], `past the source's last paragraph (${last})`);
      }
    });
  }),
);
export type FactBase = v.InferOutput<typeof FactBaseSchema>;

export type FactBaseCheck = { ok: true; base: FactBase } | { ok: false; issues: v.BaseIssue<unknown>[] };

/** Validates unknown data as a fact base of the current format, answering every issue. */
export function checkFactBase(data: unknown): FactBaseCheck {
  const result = v.safeParse(FactBaseSchema, data);
  return result.success ? { ok: true, base: result.output } : { ok: false, issues: result.issues };
}

/** "path: message" lines, one per issue. */
export function issueLines(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
}

/** Validates unknown data as a fact base; throws a readable error listing every issue. */
export function parseFactBase(data: unknown): FactBase {
  const result = checkFactBase(data);
  if (result.ok) return result.base;
  throw new Error(`Invalid fact base:\n${issueLines(result.issues).join('\n')}`);
}
