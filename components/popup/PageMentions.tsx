import type { TabMention, TabMentions } from '@/lib/ext/messages';
import type { Lang } from '@/lib/i18n/language';
import { translateCount } from '@/lib/i18n/plural';
import { translate } from '@/lib/i18n/strings';
import { MAX_HIGHLIGHTED, MAX_TRACKED } from '@/lib/page/limits';

export interface PageMentionsProps {
  lang: Lang;
  /** Null while loading. */
  mentions: TabMention[] | null;
  /** The furthest cap the tab's frames reached: said, so that a reader knows why highlights or counts stop. */
  limit?: TabMentions['limit'];
  onReveal: (entityId: string) => void;
}

/** "On this page": each entity found in the tab with its count; choosing one shows it in the page. */
export function PageMentions({ lang, mentions, limit = 'none', onReveal }: PageMentionsProps) {
  const number = new Intl.NumberFormat(lang);
  return (
    <section class="mentions" aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">{translate(lang, 'onThisPage')}</h2>
      {mentions === null && <p aria-busy="true">{translate(lang, 'loading')}</p>}
      {mentions?.length === 0 && <p class="muted">{translate(lang, 'noMentions')}</p>}
      {mentions && mentions.length > 0 && limit !== 'none' && (
        <p class="notice" data-limit={limit}>
          {limit === 'counts'
            ? translate(lang, 'countsCapped', { max: number.format(MAX_TRACKED) })
            : translate(lang, 'highlightsCapped', { max: number.format(MAX_HIGHLIGHTED) })}
        </p>
      )}
      {mentions && mentions.length > 0 && (
        <ul class="mention-list">
          {mentions.map((m) => (
            <li key={m.entityId}>
              <button
                type="button"
                class="mention"
                data-entity={m.entityId}
                // The badge shows the bare number; the name says it in words, and still holds the
                // visible text ("Siri 2", punctuation aside) for those who speak to their browser.
                aria-label={translate(lang, 'mentionItem', {
                  name: m.name[lang],
                  count: translateCount(lang, 'mentionCount', m.count),
                })}
                onClick={() => onReveal(m.entityId)}
              >
                <span class="mention-name">{m.name[lang]}</span> <span class="count">{number.format(m.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
