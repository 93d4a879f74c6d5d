import { toJsonSchema } from '@valibot/to-json-schema';
import { PACK_LIMITS } from '@/lib/facts/limits';
import { FactBaseSchema, FORMAT_VERSION } from '@/lib/facts/schema';

/**
 * The JSON Schema of the pack format, for pack authors and their editors,
 * made from the valibot schema the extension validates with, so the two
 * cannot drift apart (a test checks that the shipped file is this output).
 * What JSON Schema cannot say (references between ids, paragraphs within
 * the source, https links only, BCP 47 tags, the total of aliases) is
 * checked on import and said in the description.
 */
export function packJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJsonSchema(FactBaseSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    $schema,
    $id: 'fact-pack.schema.json',
    title: `Context Lens fact pack, format ${FORMAT_VERSION}`,
    description: [
      'A fact base about one source (docs/fact-packs.md).',
      'Also checked on import, beyond this schema:',
      'ids are unique and every id a fact or entity names exists;',
      "facts cite a paragraph within the source's count, background facts cite none;",
      'sections start at ascending paragraphs;',
      'source.url is an https address, source.language a BCP 47 tag;',
      `at most ${PACK_LIMITS.aliases} aliases in the pack; the file at most ${PACK_LIMITS.fileBytes} bytes.`,
      'Format 1 files import too (they are converted).',
    ].join(' '),
    ...schema,
  };
}
