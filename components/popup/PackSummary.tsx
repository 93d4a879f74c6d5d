import { SourceLine } from '@/components/shared/SourceLine';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { SummaryData } from '@/lib/store/fact-store';

export interface PackSummaryProps {
  lang: Lang;
  source: SummaryData['source'];
  summary: SummaryData['summary'];
  version: string;
  fromBundle: boolean;
  /** One of several packs' summaries: its headings a level down. */
  nested?: boolean;
}

/** What is not known of the source, said plainly rather than left for the reader to guess. */
function unknownNote(source: SummaryData['source']): StringKey | null {
  if (!source.title && !source.outlet) return 'sourceNoTitleNoOutlet';
  if (!source.title) return 'sourceNoTitle';
  if (!source.outlet) return 'sourceNoOutlet';
  return null;
}

/** One pack's summary of its source: headline, source as far as it is known, key points, version. */
export function PackSummary({ lang, source, summary, version, fromBundle, nested }: PackSummaryProps) {
  const unknown = unknownNote(source);
  const Heading = nested ? 'h4' : 'h3';
  return (
    <>
      <p class="headline-label">{translate(lang, 'headlineLabel')}</p>
      <p class="headline">{summary.headline[lang]}</p>
      <p class="source">
        <SourceLine lang={lang} source={source} />
        {unknown && (
          <>
            <br />
            <small>{translate(lang, unknown)}</small>
          </>
        )}
      </p>
      <Heading>{translate(lang, 'keyPoints')}</Heading>
      <ul class="points">
        {summary.points.map((p) => (
          <li key={p.en}>{p[lang]}</li>
        ))}
      </ul>
      <p class="meta">
        <small>
          {translate(lang, 'factBaseVersion', { version })}
          {fromBundle ? ` · ${translate(lang, 'servedFromBundle')}` : ''}
        </small>
      </p>
    </>
  );
}
