import type { EntityCard as CardData } from '@/lib/facts/query';
import type { FactBase } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { CardPackView } from './CardPackView';

export interface EntityCardProps {
  lang: Lang;
  /** Null while the data is on its way: a skeleton is shown. */
  card: CardData | null;
  error?: boolean;
  /**
   * Named once under the facts, and gives the section headings shown with
   * paragraph numbers; each pack's own source comes with the card's views
   * and is used instead when there.
   */
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
  /** A pinned card stays open until it is unpinned or closed; without a handler there is no pin button. */
  pinned?: boolean;
  onPinChange?: (pinned: boolean) => void;
  /** Whether the entity is muted (not highlighted anywhere); without a handler there is no mute button. */
  muted?: boolean;
  onMuteChange?: (muted: boolean) => void;
  /** Colours: the page's own (light or dark, as measured under the mention), or the system's. */
  theme?: 'light' | 'dark' | 'system';
}

/**
 * What the article says about one entity, or, for an entity several fact
 * packs name, what each pack says, each part with its own source. All text
 * is rendered as text: nothing from a pack or the page is ever parsed as
 * HTML, and a pack's link opens only when it is https (SourceLink).
 */
export function EntityCard(props: EntityCardProps) {
  const { lang, card, error, source, version, mentionText, backTo } = props;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
  const name = card?.entity.name[lang];
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const views = card?.views ?? [];
  const several = views.length > 1;

  return (
    <div
      class="card"
      data-theme={props.theme ?? 'system'}
      data-pinned={props.pinned ? 'true' : undefined}
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
        {props.pinned && <span class="pinned-label">{t('pinned')}</span>}
        {props.onPinChange && (
          <button
            type="button"
            class="pin"
            aria-pressed={props.pinned === true}
            title={t('pin')}
            onClick={() => props.onPinChange?.(!props.pinned)}
          >
            <PinIcon filled={props.pinned === true} />
            <span class="visually-hidden">{t('pin')}</span>
          </button>
        )}
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
            {!several && card.entity.descriptionBackground && <p class="background-note">{t('backgroundLabel')}</p>}
            {!several && (
              <p class={card.entity.descriptionBackground ? 'description background' : 'description'}>
                {card.entity.description[lang]}
              </p>
            )}
          </header>
          {several ? (
            views.map((view) => <CardPackView key={view.pack.id} lang={lang} view={view} nested />)
          ) : (
            <CardPackView
              lang={lang}
              view={{ entity: card.entity, facts: card.facts, source: views[0]?.source ?? source }}
            />
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
          {props.onMuteChange && name && (
            <p class="mute">
              {props.muted && <span class="muted-note">{t('mutedNote', { name })} </span>}
              <button type="button" class="link" onClick={() => props.onMuteChange?.(!props.muted)}>
                {props.muted ? t('unmute', { name }) : t('mute', { name })}
              </button>
            </p>
          )}
          {version && !several && <p class="version">{t('factBaseVersion', { version })}</p>}
        </>
      )}
    </div>
  );
}

/** A push pin, drawn rather than an emoji, which not every system's fonts have. */
function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
      <path
        d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9 10 12.5 8.5 14 5.5 11 2 14.5 1.5 14 5 10.5 2 7.5 3.5 6 7 6.5 9.5 4Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="1.2"
        stroke-linejoin="round"
      />
    </svg>
  );
}
