import type { Lang } from '@/lib/i18n/language';
import { formatMonth, translate } from '@/lib/i18n/strings';
import type { SummaryData } from '@/lib/store/fact-store';

export interface SummaryViewProps {
  lang: Lang;
  data: SummaryData;
  version: string;
  fromBundle: boolean;
}

/** The article's summary: headline, source line, key points. */
export function SummaryView({ lang, data, version, fromBundle }: SummaryViewProps) {
  const { source, summary } = data;
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{translate(lang, 'summaryHeading')}</h2>
      <p class="headline">{summary.headline[lang]}</p>
      <p class="source">
        {source.title[lang]}
        <br />
        <small>
          {translate(lang, 'sourceLine', { date: formatMonth(lang, source.date), reporting: source.reporting })}
        </small>
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
    </section>
  );
}
