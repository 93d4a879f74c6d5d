import * as v from 'valibot';
import { PACK_LIMITS } from './limits';

/** Trimmed, non-empty, at most `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/** A user-visible string in both languages. */
export const localized = (max: number) => v.strictObject({ en: text(max), fr: text(max) });

/** Every user-visible string exists in both languages. */
export const LocalizedSchema = localized(PACK_LIMITS.textLength);
export type Localized = v.InferOutput<typeof LocalizedSchema>;

export const ParagraphNumber = v.pipe(v.number(), v.integer(), v.minValue(1));

/** "2025-07" or "2025-07-14": sources are often known to the month only. */
const DateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/, 'dates are YYYY-MM or YYYY-MM-DD'),
);

const LanguageTagSchema = v.pipe(
  v.string(),
  v.maxLength(35),
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
  v.maxLength(PACK_LIMITS.urlLength),
  v.url(),
  v.check((url) => URL.canParse(url) && new URL(url).protocol === 'https:', 'only https links'),
);

/** A heading of the source, and the first prose paragraph under it. */
export const SectionSchema = v.strictObject({ heading: text(PACK_LIMITS.nameLength), from: ParagraphNumber });
export type Section = v.InferOutput<typeof SectionSchema>;

/** Reports an issue at `keys` below the value being checked, so that the reader can say where it is. */
export function issueAt(
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
 * What is known of the source. Paragraphs are numbered as a reader counts
 * them: prose paragraphs only, so headings, datelines and captions do not
 * shift the numbers; the headings are kept in `sections` instead.
 */
export const SourceSchema = v.pipe(
  v.strictObject({
    language: LanguageTagSchema,
    date: DateSchema,
    /** The publication whose reporting the source relays, when it relays one. */
    relays: v.optional(text(PACK_LIMITS.nameLength)),
    /** The source's own title, in its own language; absent when not known (never made up). */
    title: v.optional(text(PACK_LIMITS.nameLength)),
    outlet: v.optional(text(PACK_LIMITS.nameLength)),
    url: v.optional(HttpsUrlSchema),
    /** How the project names the source, from what is known of it ("French-language article, July 2025, …"). */
    label: localized(PACK_LIMITS.nameLength),
    paragraphs: v.pipe(ParagraphNumber, v.maxValue(10_000)),
    sections: v.pipe(v.array(SectionSchema), v.maxLength(PACK_LIMITS.sections)),
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
  headline: localized(PACK_LIMITS.nameLength),
  points: v.pipe(v.array(LocalizedSchema), v.nonEmpty(), v.maxLength(PACK_LIMITS.summaryPoints)),
});
