import { MAX_ID_LENGTH } from './ids';

/**
 * What a fact pack may hold. The file's size is checked before it is read
 * as JSON, the counts before the schema walks the arrays (a file of a
 * million entities is refused without checking each), and every limit again
 * by the schema itself (`schema.ts`), which the JSON Schema for authors is
 * made from. docs/fact-packs.md and the options page state them.
 *
 * Sized so that the largest pack stays cheap where it costs: 20,000 aliases
 * in one matcher (a 10,000-alias pack annotates a 1 MB page well within
 * twice the time of the bundled pack alone), one IndexedDB transaction, and
 * a message from the options page to the background.
 */
export const PACK_LIMITS = {
  /** Bytes of the file, as UTF-8. */
  fileBytes: 5 * 1024 * 1024,
  entities: 10_000,
  /** In the whole pack. */
  aliases: 20_000,
  aliasesPerEntity: 50,
  facts: 20_000,
  relatedPerEntity: 100,
  entitiesPerFact: 50,
  summaryPoints: 50,
  sections: 1_000,
  /** Pack, entity and fact ids. */
  idLength: MAX_ID_LENGTH,
  /** Characters of an alias. */
  aliasLength: 100,
  /** Names of entities and packs, headings, source titles, labels, outlets, headlines. */
  nameLength: 300,
  /** Descriptions, facts and summary points, in each language. */
  textLength: 2_000,
  versionLength: 40,
  urlLength: 2_000,
  /** Packs installed at once, the bundled one included. */
  installedPacks: 20,
} as const;

/** A problem in a pack file: where (a dotted path, "(root)" for the whole file) and why. */
export interface PackIssue {
  path: string;
  /** What kind of check failed (valibot's issue type, or `limit`). */
  type: string;
  /** The reason in English; the options page words the common kinds in the reader's language. */
  message: string;
  expected?: string | null;
  received?: string;
  /** The number a length or value limit asks for. */
  requirement?: number;
}

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

function limitIssue(path: string, count: number, max: number, what: string): PackIssue {
  return {
    path,
    type: 'limit',
    message: `${count} ${what}, more than the ${max} a pack may have`,
    received: String(count),
    requirement: max,
  };
}

/**
 * The counts of a parsed but not yet validated pack, checked before the
 * schema reads every item: an answer in microseconds however large the
 * arrays. Only what is certainly over a limit is reported; the schema says
 * the rest.
 */
export function countIssues(data: unknown): PackIssue[] {
  if (typeof data !== 'object' || data === null) return [];
  const { entities, facts } = data as { entities?: unknown; facts?: unknown };
  const issues: PackIssue[] = [];
  const entityCount = lengthOf(entities);
  if (entityCount > PACK_LIMITS.entities)
    issues.push(limitIssue('entities', entityCount, PACK_LIMITS.entities, 'entities'));
  const factCount = lengthOf(facts);
  if (factCount > PACK_LIMITS.facts) issues.push(limitIssue('facts', factCount, PACK_LIMITS.facts, 'facts'));
  if (Array.isArray(entities) && entityCount <= PACK_LIMITS.entities) {
    const aliases = entities.reduce<number>((n, e) => n + lengthOf((e as { aliases?: unknown } | null)?.aliases), 0);
    if (aliases > PACK_LIMITS.aliases) issues.push(limitIssue('entities', aliases, PACK_LIMITS.aliases, 'aliases'));
  }
  return issues;
}

/** Bytes `text` takes as UTF-8, or `Infinity` as soon as it is certainly over `max` (no copy made then). */
export function utf8Bytes(text: string, max: number = PACK_LIMITS.fileBytes): number {
  // A UTF-16 unit never takes less than one byte: a longer string is over the limit without encoding it.
  if (text.length > max) return Number.POSITIVE_INFINITY;
  return new TextEncoder().encode(text).length;
}
