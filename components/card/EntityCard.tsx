import { SourceLine } from '@/components/shared/SourceLine';
import { type EntityCard as CardData, groupByParagraph } from '@/lib/facts/query';
import type { FactBase } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

export interface EntityCardProps {
  lang: Lang;
  /** Null while the data is on its way: a skeleton is shown. */
  card: CardData | null;
  error?: boolean;
  /** Named once under the facts, and gives the section headings shown with paragraph numbers. */
  source?: FactBase['source'];
  version?: string;
  /** The text of the mention the card was opened from, announced to screen readers. */
  mentionText?: string;
  /** Name of the entity "Back" returns to, if any. */
  backTo?: string;
  onBack?: () => void;
  onNavigate?: (entityId: string) => void;
  onLangChange?: (lang: Lang) => void;
  onClose?: () => void;
}

/**
 * What the article says about one entity. All text is rendered as text:
 * nothing from the fact base or the page is ever parsed as HTML.
 */
export function EntityCard(props: EntityCardProps) {
  const { lang, card, error, source, version, mentionText, backTo } = props;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
  const name = card?.entity.name[lang];
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const { claims, background } = groupByParagraph(card?.facts ?? [], source?.sections);

  return (
    <div
      class="card"
      role="dialog"
      lang={lang}
      aria-label={name ? t('cardLabel', { name }) : error ? t('cardError') : t('loading')}
      aria-describedby={mentionText ? 'cl-mention' : undefined}
      aria-busy={card === null && !error}
      tabIndex={-1}
    >
      <div class="toolbar">
        {backTo && (
          <button type="button" class="back" onClick={props.onBack}>
            <span aria-hidden="true">←</span> {t('back', { name: backTo })}
          </button>
        )}
        <span class="spacer" />
        <button
          type="button"
          class="lang"
          lang={other}
          aria-label={t('switchLanguageLabel')}
          onClick={() => props.onLangChange?.(other)}
        >
          {t('switchLanguage')}
        </button>
        <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {mentionText && (
        <p id="cl-mention" class="visually-hidden">
          {t('mentionOnPage', { text: mentionText })}
        </p>
      )}
      {error && <p role="alert">{t('cardError')}</p>}
      {!error && card === null && (
        <div class="skeleton" aria-hidden="true">
          <div class="bar wide" />
          <div class="bar" />
          <div class="bar" />
        </div>
      )}
      {!error && card && (
        <>
          <header>
            <h2 class="name">{name}</h2>
            <p class="type">{t(`type_${card.entity.type}`)}</p>
            {card.entity.descriptionBackground && <p class="background-note">{t('backgroundLabel')}</p>}
            <p class={card.entity.descriptionBackground ? 'description background' : 'description'}>
              {card.entity.description[lang]}
            </p>
          </header>
          <section aria-label={t('factsHeading')}>
            <h3>{t('factsHeading')}</h3>
            {claims.length === 0 && <p class="empty">{t('noFacts')}</p>}
            {claims.map((group) => (
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
            {claims.length > 0 && source && (
              <p class="card-source">
                <SourceLine lang={lang} source={source} />
              </p>
            )}
          </section>
          {background.length > 0 && (
            <section aria-label={t('backgroundLabel')}>
              <h3>{t('backgroundLabel')}</h3>
              <ul class="facts">
                {background.map((fact) => (
                  <li key={fact.id} class="fact background">
                    <span class="fact-text">{fact.text[lang]}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {card.related.length > 0 && (
            <nav aria-label={t('relatedHeading')}>
              <h3>{t('relatedHeading')}</h3>
              <ul class="related">
                {card.related.map((r) => (
                  <li key={r.id}>
                    <button type="button" class="chip" onClick={() => props.onNavigate?.(r.id)}>
                      {r.name[lang]}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {version && <p class="version">{t('factBaseVersion', { version })}</p>}
        </>
      )}
    </div>
  );
}
