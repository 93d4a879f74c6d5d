import { useEffect, useState } from 'preact/hooks';
import { Disclosure } from '@/components/shared/Disclosure';
import { SwitchRow } from '@/components/shared/SwitchRow';
import { useServed } from '@/components/shared/useServed';
import type { TabMention } from '@/lib/ext/messages';
import type { EntityCard as CardData, SearchHit } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { FactSearch } from './FactSearch';
import { PageMentions } from './PageMentions';
import { SummaryView } from './SummaryView';

/** What the popup knows of the current tab. */
export type PageState =
  | { status: 'loading' }
  /** Browser pages, stores, extension pages: no extension may run there. */
  | { status: 'unsupported' }
  /** A page opened before the extension was installed: it has no content script yet. */
  | { status: 'reload' }
  | { status: 'ready'; site: string; enabled: boolean; paused: boolean };

export interface PopupProps {
  lang: Lang;
  loadSummary: () => Promise<Served<SummaryData>>;
  page?: PageState;
  loadMentions?: () => Promise<TabMention[]>;
  onReveal?: (entityId: string) => void;
  onSetSiteEnabled?: (enabled: boolean) => void;
  onSetPaused?: (paused: boolean) => void;
  search?: (query: string) => Promise<Served<SearchHit[]>>;
  loadCard?: (entityId: string) => Promise<Served<CardData>>;
  onOpenOptions?: () => void;
}

/**
 * Whether the summary starts unfolded: not while the page's mentions are on
 * their way or listed, since a toolbar popup (600 px at most) would then show
 * the summary instead of them; yes when there is no list to show, or it is
 * empty.
 */
function summaryOpenByDefault(listExpected: boolean, mentions: TabMention[] | null): boolean {
  if (!listExpected) return true;
  return mentions !== null && mentions.length === 0;
}

/**
 * The toolbar popup, in the order it is used: the switches, search, the
 * page's mentions, then the article's summary, one click away. Data and
 * actions come in as props, so it can be tested without a browser.
 */
export function Popup(props: PopupProps) {
  const { lang, loadSummary, page = { status: 'loading' }, loadMentions } = props;
  const [state] = useServed(loadSummary);
  const [mentions, setMentions] = useState<TabMention[] | null>(null);
  // Null until the reader opens or closes the summary: from then on, their choice stands.
  const [summaryChoice, setSummaryChoice] = useState<boolean | null>(null);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);

  const pageKey = page.status === 'ready' ? `${page.site}:${page.enabled}:${page.paused}` : page.status;
  // The list is read again whenever the page's state changes (pageKey).
  useEffect(() => {
    if (page.status !== 'ready' || !loadMentions) return;
    let live = true;
    loadMentions().then(
      (list) => live && setMentions(list),
      () => live && setMentions([]),
    );
    return () => {
      live = false;
    };
  }, [pageKey, loadMentions]);

  const listShown = page.status === 'ready' && page.enabled && !page.paused && !!loadMentions;
  const summaryOpen =
    summaryChoice ?? summaryOpenByDefault(listShown || (page.status === 'loading' && !!loadMentions), mentions);

  return (
    <main
      lang={lang}
      data-state={state.status}
      data-origin={state.status === 'ready' ? state.served.origin : undefined}
    >
      <header class="popup-header">
        <h1>Context Lens</h1>
        {props.onOpenOptions && (
          <button type="button" class="link" onClick={props.onOpenOptions}>
            {t('openOptions')}
          </button>
        )}
      </header>

      {page.status === 'unsupported' && <p class="notice">{t('unsupportedPage')}</p>}
      {page.status === 'reload' && <p class="notice">{t('reloadToStart')}</p>}
      {page.status === 'ready' && (
        <section class="switches" aria-label={t('siteSwitch', { site: page.site })}>
          <SwitchRow
            id="site-switch"
            label={t('siteSwitch', { site: page.site })}
            checked={page.enabled}
            disabled={page.paused}
            onChange={(on) => props.onSetSiteEnabled?.(on)}
          />
          <SwitchRow
            id="pause-switch"
            label={t('pauseSwitch')}
            checked={page.paused}
            onChange={(on) => props.onSetPaused?.(on)}
          />
          {page.paused && <p class="notice">{t('pausedNotice')}</p>}
          {!page.paused && !page.enabled && <p class="notice">{t('siteOffNotice', { site: page.site })}</p>}
        </section>
      )}
      {props.search && props.loadCard && (
        <FactSearch
          lang={lang}
          search={props.search}
          loadCard={props.loadCard}
          source={state.status === 'ready' ? state.served.value.source : undefined}
        />
      )}

      {listShown && <PageMentions lang={lang} mentions={mentions} onReveal={(id) => props.onReveal?.(id)} />}

      <Disclosure
        id="summary"
        class="summary-section"
        heading={t('summaryHeading')}
        open={summaryOpen}
        onToggle={setSummaryChoice}
      >
        {state.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
        {state.status === 'error' && <p role="alert">{t('loadError')}</p>}
        {state.status === 'ready' && (
          <SummaryView
            lang={lang}
            data={state.served.value}
            version={state.served.version}
            fromBundle={state.served.origin === 'bundled'}
          />
        )}
      </Disclosure>
    </main>
  );
}
