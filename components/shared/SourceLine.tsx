import type { Source } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

export interface SourceLineProps {
  lang: Lang;
  source: Source;
}

/**
 * "Source: …", naming the source only as far as it is known: its own title
 * and outlet when the pack gives them, then the project's label for it.
 */
export function SourceLine({ lang, source }: SourceLineProps) {
  // Split around the placeholder so the title can keep its own language attribute.
  const [before, after] = translate(lang, 'sourceIs').split('{source}');
  const known = source.title || source.outlet;
  return (
    <>
      {before}
      {source.title && <cite lang={source.language}>{source.title}</cite>}
      {source.title && source.outlet && ', '}
      {source.outlet}
      {known && ' · '}
      {source.label[lang]}
      {after}
    </>
  );
}
