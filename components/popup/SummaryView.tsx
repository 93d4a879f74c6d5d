import { SourceLine } from '@/components/shared/SourceLine';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { SummaryData } from '@/lib/store/fact-store';

export interface SummaryViewProps {
  lang: Lang;
  data: SummaryData;
  version: string;
  fromBundle: boolean;
}

/** What is not known of the source, said plainly rather than left for the reader to guess. */
function unknownNote(source: SummaryData['source']): StringKey | null {
  if (!source.title && !source.outlet) return 'sourceNoTitleNoOutlet';
  if (!source.title) return 'sourceNoTitle';
  if (!source.outlet) return 'sourceNoOutlet';
  return null;
}

/**
 * The project's summary of the article: headline, source as far as it is
 * known, key points. Its heading is the popup's, which can fold it away.
 */
export function SummaryView({ lang, data, version, fromBundle }: SummaryViewProps) {
  const { source, summary } = data;
  const unknown = unknownNote(source);
  return (
    <div class="summary">
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
      <h3>{translate(lang, 'keyPoints')}</h3>
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
    </div>
  );
}
