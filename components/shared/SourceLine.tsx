import type { Source } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { SourceLink } from './SourceLink';

export interface SourceLineProps {
  lang: Lang;
  source: Source;
}

/**
 * "Source: …", naming the source only as far as it is known: its own title
 * and outlet when the pack gives them, then the project's label for it; the
 * title (or the label) links to the source when the pack gives an https
 * address for it.
 */
export function SourceLine({ lang, source }: SourceLineProps) {
  // Split around the placeholder so the title can keep its own language attribute.
  const [before, after] = translate(lang, 'sourceIs').split('{source}');
  const known = source.title || source.outlet;
  return (
    <>
      {before}
      {source.title && (
        <SourceLink url={source.url}>
          <cite lang={source.language}>{source.title}</cite>
        </SourceLink>
      )}
      {source.title && source.outlet && ', '}
      {source.outlet}
      {known && ' · '}
      {source.title ? source.label[lang] : <SourceLink url={source.url}>{source.label[lang]}</SourceLink>}
      {after}
    </>
  );
}
