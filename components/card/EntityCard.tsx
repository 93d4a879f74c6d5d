import type { EntityCard as CardData } from '@/lib/facts/query';
import type { FactBase } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { formatMonth, translate } from '@/lib/i18n/strings';

export interface EntityCardProps {
  lang: Lang;
  /** Null while the data is on its way: a skeleton is shown. */
  card: CardData | null;
  error?: boolean;
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
            <p class="description">{card.entity.description[lang]}</p>
          </header>
          <section aria-label={t('factsHeading')}>
            <h3>{t('factsHeading')}</h3>
            {card.facts.length === 0 ? (
              <p class="empty">{t('noFacts')}</p>
            ) : (
              <ul class="facts">
                {card.facts.map((fact) => (
                  <li key={fact.id} class={fact.background ? 'fact background' : 'fact'}>
                    <span class="fact-text">{fact.text[lang]}</span>
                    <span class="cite">
                      {fact.background ? `${t('backgroundFact')} · ` : ''}
                      {t('paragraph', { n: String(fact.paragraph) })}
                      {source
                        ? ` · ${t('sourceLine', { date: formatMonth(lang, source.date), reporting: source.reporting })}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
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
