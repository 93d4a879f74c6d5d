import * as v from 'valibot';

/**
 * The fact-base format, also the format of fact packs about other articles.
 * Versioned so that files can be imported later: a reader refuses a
 * `formatVersion` it does not know instead of guessing (`migrate.ts` reads
 * the older ones).
 */
export const FORMAT_VERSION = 2;

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

/** Reports an issue at `keys` below the value being checked, so `parseFactBase` can say where it is. */
function issueAt(
  addIssue: (info: { message: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
  root: unknown,
  keys: [string | number, ...(string | number)[]],
  message: string,
) {
  let input = root as Record<string | number, unknown>;
  const path = keys.map((key) => {
    const value = input[key];
    const item = Array.isArray(input)
      ? ({ type: 'array', origin: 'value', input, key: key as number, value } as const)
      : ({ type: 'object', origin: 'value', input, key: key as string, value } as const);
    input = value as Record<string | number, unknown>;
    return item;
  }) as [v.IssuePathItem, ...v.IssuePathItem[]];
  addIssue({ message, path });
}

/**
 * How an alias matches:
 * - `fold`: case- and accent-insensitive (safe for distinctive names);
 * - `case`: accents folded but case kept, so a word that is also a common
 *   word ("Pang", "Meta") only matches when capitalised as written or in
 *   all caps (headings).
 */
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

export const AliasSchema = v.pipe(
  v.strictObject({
    text: nonEmptyText,
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

export const EntitySchema = v.strictObject({
  id: IdSchema,
  type: v.picklist(ENTITY_TYPES),
  category: v.picklist(CATEGORIES),
  name: LocalizedSchema,
  /** Either only what the source says, or, when `descriptionBackground` is set, only general background. */
  description: LocalizedSchema,
  /** The description is general background, not taken from the source: the card says so. */
  descriptionBackground: v.optional(v.boolean(), false),
  aliases: v.pipe(v.array(AliasSchema), v.nonEmpty()),
  related: v.array(IdSchema),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

const ParagraphNumber = v.pipe(v.number(), v.integer(), v.minValue(1));

/**
 * A claim of the source, citing the prose paragraph it comes from; or, with
 * `background`, general context the source does not state, which therefore
 * cites nothing. Whether the paragraph exists is checked against the source
 * by `FactBaseSchema`.
 */
export const FactSchema = v.pipe(
  v.strictObject({
    id: IdSchema,
    text: LocalizedSchema,
    paragraph: v.optional(ParagraphNumber),
    entities: v.pipe(v.array(IdSchema), v.nonEmpty()),
    background: v.optional(v.boolean(), false),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const fact = dataset.value;
    if (fact.background && fact.paragraph !== undefined) {
      issueAt(addIssue, fact, ['paragraph'], 'a background fact is not from the source and cites no paragraph');
    } else if (!fact.background && fact.paragraph === undefined) {
      issueAt(addIssue, fact, ['paragraph'], 'a fact of the source must cite its paragraph');
    }
  }),
);
export type Fact = v.InferOutput<typeof FactSchema>;

/** "2025-07" or "2025-07-14": sources are often known to the month only. */
const DateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/, 'dates are YYYY-MM or YYYY-MM-DD'),
);

const LanguageTagSchema = v.pipe(
  v.string(),
  v.check((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'a BCP 47 language tag, such as "fr" or "en-GB"'),
);

/** A link the user may follow: https only, so a pack cannot smuggle in a script or a local file. */
const HttpsUrlSchema = v.pipe(
  v.string(),
  v.url(),
  v.check((url) => URL.canParse(url) && new URL(url).protocol === 'https:', 'only https links'),
);

/** A heading of the source, and the first prose paragraph under it. */
export const SectionSchema = v.strictObject({ heading: nonEmptyText, from: ParagraphNumber });
export type Section = v.InferOutput<typeof SectionSchema>;

/**
 * What is known of the source. Paragraphs are numbered as a reader counts
 * them: prose paragraphs only, so headings, datelines and captions do not
 * shift the numbers; the headings are kept in `sections` instead.
 */
export const SourceSchema = v.pipe(
  v.strictObject({
    language: LanguageTagSchema,
    date: DateSchema,
    /** The publication whose reporting the source relays, when it relays one. */
    relays: v.optional(nonEmptyText),
    /** The source's own title, in its own language; absent when not known (never made up). */
    title: v.optional(nonEmptyText),
    outlet: v.optional(nonEmptyText),
    url: v.optional(HttpsUrlSchema),
    /** How the project names the source, from what is known of it ("French-language article, July 2025, …"). */
    label: LocalizedSchema,
    paragraphs: v.pipe(ParagraphNumber, v.maxValue(10_000)),
    sections: v.array(SectionSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const source = dataset.value;
    source.sections.forEach((section, i) => {
      const previous = source.sections[i - 1];
      if (section.from > source.paragraphs) {
        issueAt(addIssue, source, ['sections', i, 'from'], `past the source's last paragraph (${source.paragraphs})`);
      } else if (previous && section.from <= previous.from) {
        issueAt(addIssue, source, ['sections', i, 'from'], 'sections must start at ascending paragraphs');
      }
    });
  }),
);
export type Source = v.InferOutput<typeof SourceSchema>;

/** The project's own summary of the source: its headline is not the source's title. */
export const SummarySchema = v.strictObject({
  headline: LocalizedSchema,
  points: v.pipe(v.array(LocalizedSchema), v.nonEmpty()),
});

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const FactBaseSchema = v.pipe(
  v.strictObject({
    formatVersion: v.literal(FORMAT_VERSION),
    /** The pack's id, the same across its versions. */
    id: IdSchema,
    version: nonEmptyText,
    /** The project's name for the pack. */
    name: LocalizedSchema,
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

/** Validates unknown data as a fact base; throws a readable error listing every issue. */
export function parseFactBase(data: unknown): FactBase {
  const result = v.safeParse(FactBaseSchema, data);
  if (result.success) return result.output;
  const lines = result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  throw new Error(`Invalid fact base:\n${lines.join('\n')}`);
}
