import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteRules } from '@/lib/ext/site-rules';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';

export interface SiteListProps {
  lang: Lang;
  rules: SiteRules;
  onRemove: (site: string) => void;
  /** Gives the focus to what follows the list, once its last site is removed. */
  focusAfterList: () => void;
}

/** The sites listed, each with its Remove button, or what an empty list means in the current mode. */
export function SiteList({ lang, rules, onRemove, focusAfterList }: SiteListProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [removedIndex, setRemovedIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // The focus went with the removed button: hand it to the one now in its place, else the last, else past the list.
  useEffect(() => {
    if (removedIndex === null) return;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(removedIndex, buttons.length - 1)];
    if (next) next.focus();
    else focusAfterList();
    setRemovedIndex(null);
  }, [removedIndex]);

  const remove = (site: string, index: number) => {
    onRemove(site);
    setRemovedIndex(index);
  };

  return (
    <>
      <h3 id="opt-sites-list-heading">{t('optSitesListHeading')}</h3>
      <p class="hint">{t('optSitesHint')}</p>
      {rules.sites.length === 0 ? (
        <p class="muted">{t(rules.mode === 'all-except-listed' ? 'optNoSitesAllExcept' : 'optNoSitesOnlyListed')}</p>
      ) : (
        <ul class="site-list" ref={listRef} aria-labelledby="opt-sites-list-heading">
          {rules.sites.map((site, index) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" aria-label={t('optRemoveSite', { site })} onClick={() => remove(site, index)}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
