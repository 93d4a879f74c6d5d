import { useEffect, useMemo, useState } from 'preact/hooks';
import { Disclosure } from '@/components/shared/Disclosure';
import { SwitchRow } from '@/components/shared/SwitchRow';
import { useServed } from '@/components/shared/useServed';
import type { TabMention, TabMentions } from '@/lib/ext/messages';
import type { SiteDecision } from '@/lib/ext/settings';
import type { EntityCard as CardData, SearchHit } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { FactSearch } from './FactSearch';
import { MutedNames } from './MutedNames';
import { PageMentions } from './PageMentions';
import { type SnoozeAction, SnoozeControls } from './SnoozeControls';
import { SummaryView } from './SummaryView';

/** What the popup knows of the current tab. */
export type PageState =
  | { status: 'loading' }
  /** Browser pages, stores, extension pages: no extension may run there. */
  | { status: 'unsupported' }
  /** A page opened before the extension was installed: it has no content script yet. */
  | { status: 'reload' }
  | {
      status: 'ready';
      site: string;
      /** What the site rules say, snoozes and pause aside. */
      enabled: boolean;
      paused: boolean;
      /** Whether the extension runs on the site now, and if not, why. */
      decision?: SiteDecision;
      /** False when the site rules could not be read whole: switching the site would write over them. */
      switchable?: boolean;
    };

export interface PopupProps {
  lang: Lang;
  loadSummary: () => Promise<Served<SummaryData>>;
  page?: PageState;
  loadMentions?: () => Promise<TabMentions>;
  onReveal?: (entityId: string) => void;
  onSetSiteEnabled?: (enabled: boolean) => void;
  onSetPaused?: (paused: boolean) => void;
  search?: (query: string) => Promise<Served<SearchHit[]>>;
  loadCard?: (entityId: string) => Promise<Served<CardData>>;
  onOpenOptions?: () => void;
  /** Entities muted from their cards, offered back under the page's mentions. */
  muted?: readonly string[];
  onUnmute?: (entityId: string) => void;
  onSnooze?: (action: SnoozeAction | 'clear') => void;
  /** The last snooze could not be saved. */
  snoozeFailed?: boolean;
  now?: number;
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
  const [limit, setLimit] = useState<TabMentions['limit']>('none');
  // Null until the reader opens or closes the summary: from then on, their choice stands.
  const [summaryChoice, setSummaryChoice] = useState<boolean | null>(null);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
  const { loadCard } = props;
  const loadName = useMemo(
    () => async (id: string, l: Lang) => (loadCard ? (await loadCard(id)).value.entity.name[l] : null),
    [loadCard],
  );

  const decision = page.status === 'ready' ? page.decision : undefined;
  const running = page.status === 'ready' && page.enabled && !page.paused && (decision?.run ?? true);
  const pageKey = page.status === 'ready' ? `${page.site}:${running}` : page.status;
  // The list is read again whenever the page's state changes (pageKey).
  useEffect(() => {
    if (page.status !== 'ready' || !loadMentions) return;
    let live = true;
    loadMentions().then(
      (found) => {
        if (!live) return;
        setMentions(found.mentions);
        setLimit(found.limit);
      },
      () => live && setMentions([]),
    );
    return () => {
      live = false;
    };
  }, [pageKey, loadMentions]);

  const listShown = running && !!loadMentions;
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
            disabled={page.paused || page.switchable === false}
            onChange={(on) => props.onSetSiteEnabled?.(on)}
          />
          <SwitchRow
            id="pause-switch"
            label={t('pauseSwitch')}
            checked={page.paused}
            onChange={(on) => props.onSetPaused?.(on)}
          />
          {page.paused && <p class="notice">{t('pausedNotice')}</p>}
          {!page.paused && !page.enabled && page.switchable !== false && (
            <p class="notice">{t('siteOffNotice', { site: page.site })}</p>
          )}
          {decision?.reason === 'undecided' && (
            <p class="notice" role="status">
              {t('undecidedNotice', {
                site: page.site,
                names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(
                  decision.undecided.map((name) => t(`settingName_${name}`)),
                ),
              })}
            </p>
          )}
          {decision?.undecided.includes('snoozes') && props.onSnooze && (
            <button type="button" onClick={() => props.onSnooze?.('clear')}>
              {t('snoozeClear')}
            </button>
          )}
          {!page.paused && page.enabled && props.onSnooze && decision?.reason !== 'undecided' && (
            <SnoozeControls
              lang={lang}
              site={page.site}
              snoozedUntil={decision?.snoozedUntil ?? null}
              now={props.now ?? Date.now()}
              onSnooze={(action) => props.onSnooze?.(action)}
              failed={props.snoozeFailed}
            />
          )}
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

      {listShown && (
        <PageMentions lang={lang} mentions={mentions} limit={limit} onReveal={(id) => props.onReveal?.(id)} />
      )}
      {props.muted && props.muted.length > 0 && props.loadCard && props.onUnmute && (
        <MutedNames lang={lang} muted={props.muted} loadName={loadName} onUnmute={props.onUnmute} />
      )}

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
