import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { SummaryData } from '@/lib/store/fact-store';
import { PackSummary } from './PackSummary';

export interface SummaryViewProps {
  lang: Lang;
  data: SummaryData;
  version: string;
  fromBundle: boolean;
}

/**
 * The summaries of the enabled packs' sources: the bundled article's first,
 * then each imported pack's, under its name when there are several (one
 * list rather than a switcher: the popup's summary is read, not searched).
 * Its heading is the popup's, which can fold it away.
 */
export function SummaryView({ lang, data, version, fromBundle }: SummaryViewProps) {
  const packs = data.packs;
  if (packs && packs.length === 0) return <p class="muted">{translate(lang, 'summaryNoPacks')}</p>;
  if (!packs || packs.length === 1) {
    return (
      <div class="summary">
        <PackSummary
          lang={lang}
          source={data.source}
          summary={data.summary}
          version={version}
          fromBundle={fromBundle}
        />
      </div>
    );
  }
  return (
    <div class="summary">
      {packs.map((pack) => (
        <section
          key={pack.pack.id}
          class="pack-summary"
          aria-labelledby={`summary-${pack.pack.id}`}
          data-pack={pack.pack.id}
        >
          <h3 id={`summary-${pack.pack.id}`} class="pack-name">
            {pack.pack.name[lang]}
          </h3>
          <PackSummary
            lang={lang}
            source={pack.source}
            summary={pack.summary}
            version={pack.pack.version}
            fromBundle={fromBundle}
            nested
          />
        </section>
      ))}
    </div>
  );
}
