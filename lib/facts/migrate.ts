import * as v from 'valibot';
import type { Lang } from '@/lib/i18n/language';
import { formatSourceDate, translate } from '@/lib/i18n/strings';
import { MAX_ID_LENGTH } from './ids';
import {
  checkFactBase,
  type FactBase,
  type FactBaseCheck,
  FORMAT_VERSION,
  issueLines,
  type Localized,
  LocalizedSchema,
} from './schema';

/**
 * Format 1, the only older one: a single source with a `title` (the
 * project's own words, not the source's), `reporting` for what it relays,
 * paragraphs counted as blank-line blocks, and background facts that cited
 * a paragraph. Only what migration reads is checked here; the result is
 * validated as a whole by `parseFactBase`.
 */
const V1Schema = v.object({
  formatVersion: v.literal(1),
  version: v.string(),
  source: v.object({
    title: LocalizedSchema,
    language: v.string(),
    date: v.string(),
    reporting: v.string(),
    paragraphs: v.number(),
  }),
  summary: v.unknown(),
  entities: v.array(v.unknown()),
  facts: v.array(v.looseObject({ paragraph: v.unknown(), background: v.optional(v.boolean()) })),
});

export interface MigrateOptions {
  /** The pack id to use when the old title yields none (a title in a script without Latin letters). */
  fallbackId?: string;
}

const DEFAULT_ID = 'imported-fact-pack';

/** Why a file's format cannot be read: `formatVersion` is missing or not one this version knows. */
export class UnknownFormatError extends Error {
  constructor(readonly found: unknown) {
    super(`Invalid fact base:\nformatVersion: ${String(found)} is not a format this version can read`);
    this.name = 'UnknownFormatError';
  }
}

export type MigrateCheck = (FactBaseCheck & { from: number }) | { ok: false; unknownFormat: unknown };

/**
 * Reads a fact base of any known format and answers it in the current one,
 * or every issue found: those of the old shape first (`from` 1), else those
 * of the result. A current file is only validated.
 */
export function checkAnyFormat(data: unknown, options: MigrateOptions = {}): MigrateCheck {
  const format = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (format === FORMAT_VERSION) return { ...checkFactBase(data), from: FORMAT_VERSION };
  if (format !== 1) return { ok: false, unknownFormat: format };
  const result = v.safeParse(V1Schema, data);
  if (!result.success) return { ok: false, issues: result.issues, from: 1 };
  const old = result.output;
  const { title, language, date, reporting, paragraphs } = old.source;
  const migrated = checkFactBase({
    formatVersion: FORMAT_VERSION,
    id: packId(title.en) ?? options.fallbackId ?? DEFAULT_ID,
    version: old.version,
    // The old title was the project's own wording, so it names the pack; the source's title stays unknown.
    name: title,
    source: {
      language,
      date,
      relays: reporting,
      label: sourceLabel({ language, date, relays: reporting }),
      paragraphs,
      // Format 1 kept no headings.
      sections: [],
    },
    summary: old.summary,
    entities: old.entities,
    // Background is not from the source, so it keeps no citation; claims keep their numbers.
    facts: old.facts.map(({ paragraph, ...fact }) => (fact.background ? fact : { ...fact, paragraph })),
  });
  return { ...migrated, from: 1 };
}

/**
 * Reads a fact base of any known format and returns it in the current one,
 * so that files written for older versions still import; throws a readable
 * error listing every issue otherwise.
 */
export function migrateFactBase(data: unknown, options: MigrateOptions = {}): FactBase {
  const result = checkAnyFormat(data, options);
  if (result.ok) return result.base;
  if ('unknownFormat' in result) throw new UnknownFormatError(result.unknownFormat);
  const heading = result.from === 1 ? 'Invalid fact base (format 1):' : 'Invalid fact base:';
  throw new Error(`${heading}\n${issueLines(result.issues).join('\n')}`);
}

/** Kebab-case id from a title ("Apple's AI team" → "apples-ai-team"), or null when nothing of it is usable. */
export function packId(title: string): string | null {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘ʼ]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return null;
  if (slug.length <= MAX_ID_LENGTH) return slug;
  // Cut at a word boundary so the id does not end in half a word.
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_ID_LENGTH);
}

/** "French-language article, July 2025, relaying The Information", in both languages, from what is known. */
export function sourceLabel(source: { language: string; date: string; relays?: string }): Localized {
  const label = (lang: Lang) => {
    const params = { language: languageName(lang, source.language), date: formatSourceDate(lang, source.date) };
    return source.relays
      ? translate(lang, 'sourceLabelRelaying', { ...params, relays: source.relays })
      : translate(lang, 'sourceLabel', params);
  };
  return { en: label('en'), fr: label('fr') };
}

function languageName(lang: Lang, tag: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    // Not a tag Intl knows: the tag itself is still better than nothing.
    return tag;
  }
}
