import { useState } from 'preact/hooks';
import { SourceLine } from '@/components/shared/SourceLine';
import type { ParagraphGroup } from '@/lib/facts/query';
import type { FactBase } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

/** Facts shown before "Show all": enough to read at a glance, few enough that related entities stay in view. */
export const FACTS_AT_FIRST = 3;

export interface CardFactsProps {
  lang: Lang;
  claims: readonly ParagraphGroup[];
  /** Named once under the facts. */
  source?: FactBase['source'];
  /** 4 inside one pack's part of a card that shows several. */
  headingLevel?: 3 | 4;
}

/** The article's claims about the entity, grouped by paragraph, the longer lists folded. */
export function CardFacts({ lang, claims, source, headingLevel = 3 }: CardFactsProps) {
  const Heading = headingLevel === 4 ? 'h4' : 'h3';
  const [all, setAll] = useState(false);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
  const total = claims.reduce((n, g) => n + g.facts.length, 0);
  let budget = all ? Number.POSITIVE_INFINITY : FACTS_AT_FIRST;
  const shown = claims.flatMap((group) => {
    if (budget <= 0) return [];
    const facts = group.facts.slice(0, budget);
    budget -= facts.length;
    return [{ ...group, facts }];
  });
  return (
    <section aria-label={t('factsHeading')}>
      <Heading>{t('factsHeading')}</Heading>
      {claims.length === 0 && <p class="empty">{t('noFacts')}</p>}
      {shown.map((group) => (
        <div key={group.paragraph} class="fact-group">
          <p class="cite">
            <span aria-hidden="true">¶{group.paragraph}</span>
            <span class="visually-hidden">{t('paragraph', { n: String(group.paragraph) })}</span>
            {group.section && (
              <>
                {' · '}
                <span lang={source?.language}>{group.section}</span>
              </>
            )}
          </p>
          <ul class="facts">
            {group.facts.map((fact) => (
              <li key={fact.id} class="fact">
                <span class="fact-text">{fact.text[lang]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {total > FACTS_AT_FIRST && (
        <button type="button" class="more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewerFacts') : t('showAllFacts', { count: String(total) })}
        </button>
      )}
      {claims.length > 0 && source && (
        <p class="card-source">
          <SourceLine lang={lang} source={source} />
        </p>
      )}
    </section>
  );
}
