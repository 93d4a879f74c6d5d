import { type CardView, groupByParagraph } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { CardFacts } from './CardFacts';

export interface CardPackViewProps {
  lang: Lang;
  /** Without a source (a card rendered on its own), facts are grouped by paragraph with no headings or source line. */
  view: Pick<CardView, 'entity' | 'facts'> & { source?: CardView['source']; pack?: CardView['pack'] };
  /**
   * One of several packs' views of the entity: it gets a heading naming its
   * pack, its own description, and headings a level down. A card with one
   * view shows the description in the card's header instead.
   */
  nested?: boolean;
}

/** What one pack says of the entity: its claims by paragraph with that pack's source, then its background. */
export function CardPackView({ lang, view, nested }: CardPackViewProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const { claims, background } = groupByParagraph(view.facts, view.source?.sections);
  const Heading = nested ? 'h4' : 'h3';
  const body = (
    <>
      {nested && view.entity.descriptionBackground && <p class="background-note">{t('backgroundLabel')}</p>}
      {nested && (
        <p class={view.entity.descriptionBackground ? 'description background' : 'description'}>
          {view.entity.description[lang]}
        </p>
      )}
      <CardFacts lang={lang} claims={claims} source={view.source} headingLevel={nested ? 4 : 3} />
      {background.length > 0 && (
        <section aria-label={t('backgroundLabel')}>
          <Heading>{t('backgroundLabel')}</Heading>
          <ul class="facts">
            {background.map((fact) => (
              <li key={fact.id} class="fact background">
                <span class="fact-text">{fact.text[lang]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {nested && view.pack && <p class="version">{t('factBaseVersion', { version: view.pack.version })}</p>}
    </>
  );
  if (!nested || !view.pack) return body;
  const says = t('cardPackSays', { pack: view.pack.name[lang] });
  return (
    <section class="pack-view" aria-label={says} data-pack={view.pack.id}>
      <h3 class="pack-says">{says}</h3>
      {body}
    </section>
  );
}
