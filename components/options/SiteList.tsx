import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteMode } from '@/lib/ext/site-rules';
import { translatePlural } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';

/** Rows rendered at most: a list of 10,000 sites is searched, not scrolled through. */
const MAX_SHOWN = 200;
/** Past this many sites the list gets a search field. */
const FILTER_FROM = 10;

export interface SiteListProps {
  lang: Lang;
  rules: { mode: SiteMode | null; sites: readonly string[] };
  /** Without it the list cannot be changed (its mode is unknown): no Remove buttons. */
  onRemove?: (site: string) => void;
  /** Gives the focus to what follows the list, once its last site is removed. */
  focusAfterList: () => void;
}

/** The sites listed, each with its Remove button, or what an empty list means in the current mode. */
export function SiteList({ lang, rules, onRemove, focusAfterList }: SiteListProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);
  const [removed, setRemoved] = useState<{ site: string; index: number } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Once the removed site is gone (its save done), the focus that went with its button goes to
  // the one now in its place, else the last, else past the list.
  useEffect(() => {
    if (!removed || rules.sites.includes(removed.site)) return;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(removed.index, buttons.length - 1)];
    if (next) next.focus();
    else focusAfterList();
    setRemoved(null);
  }, [removed, rules.sites]);

  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matching = needle ? rules.sites.filter((site) => site.includes(needle)) : rules.sites;
  const shown = matching.slice(0, MAX_SHOWN);

  const remove = (site: string, index: number) => {
    onRemove?.(site);
    setRemoved({ site, index });
  };

  return (
    <>
      <h3 id="opt-sites-list-heading">{t('optSitesListHeading')}</h3>
      {rules.sites.length > 0 && <p class="site-count">{translatePlural(lang, 'optSitesCount', rules.sites.length)}</p>}
      <p class="hint">{t('optSitesHint')}</p>
      {rules.sites.length > FILTER_FROM && (
        <div class="site-filter">
          <label for="opt-site-filter">{t('optSitesFilter')}</label>
          <input
            id="opt-site-filter"
            type="search"
            autoComplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {needle && (
            <p class="hint" role="status">
              {t('optSitesShown', { shown: count(matching.length), total: count(rules.sites.length) })}
            </p>
          )}
        </div>
      )}
      {rules.sites.length === 0 ? (
        <p class="muted">{t(rules.mode === 'all-except-listed' ? 'optNoSitesAllExcept' : 'optNoSitesOnlyListed')}</p>
      ) : (
        <ul
          class={shown.length > FILTER_FROM ? 'site-list scrolls' : 'site-list'}
          ref={listRef}
          aria-labelledby="opt-sites-list-heading"
          // A box that scrolls must be reachable by keyboard even without its Remove buttons.
          tabIndex={shown.length > FILTER_FROM && !onRemove ? 0 : undefined}
        >
          {shown.map((site, index) => (
            <li key={site}>
              <span class="site">{site}</span>
              {onRemove && (
                <button type="button" aria-label={t('optRemoveSite', { site })} onClick={() => remove(site, index)}>
                  {t('optRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {matching.length > shown.length && (
        <p class="hint">{t('optSitesMore', { count: count(matching.length - shown.length) })}</p>
      )}
    </>
  );
}
