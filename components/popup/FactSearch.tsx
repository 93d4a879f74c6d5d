import { useEffect, useRef, useState } from 'preact/hooks';
import { EntityCard } from '@/components/card/EntityCard';
import type { EntityCard as CardData, SearchHit } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { Served, SummaryData } from '@/lib/store/fact-store';

export interface FactSearchProps {
  lang: Lang;
  search: (query: string) => Promise<Served<SearchHit[]>>;
  loadCard: (entityId: string) => Promise<Served<CardData>>;
  source?: SummaryData['source'];
}

type View = { kind: 'results' } | { kind: 'entity'; trail: string[]; card: Served<CardData> | null; error: boolean };

/**
 * Search over the fact base (accent- and case-insensitive, both languages).
 * A hit opens the same view as the hover card, with related entities and back.
 */
export function FactSearch({ lang, search, loadCard, source }: FactSearchProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [view, setView] = useState<View>({ kind: 'results' });
  const latest = useRef(0);
  // Names of entities already opened, for the "Back to …" button.
  const names = useRef(new Map<string, CardData['entity']['name']>());

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setHits(null);
      return;
    }
    search(query).then(
      (served) => ticket === latest.current && setHits(served.value),
      () => ticket === latest.current && setHits([]),
    );
  }, [query, search]);

  const open = (trail: string[]) => {
    const id = trail[trail.length - 1] as string;
    setView({ kind: 'entity', trail, card: null, error: false });
    loadCard(id).then(
      (card) => {
        names.current.set(id, card.value.entity.name);
        setView({ kind: 'entity', trail, card, error: false });
      },
      () => setView({ kind: 'entity', trail, card: null, error: true }),
    );
  };

  if (view.kind === 'entity') {
    return (
      <section class="search-view">
        <button type="button" class="link" onClick={() => setView({ kind: 'results' })}>
          <span aria-hidden="true">←</span> {translate(lang, 'backToResults')}
        </button>
        <EntityCard
          lang={lang}
          card={view.card?.value ?? null}
          error={view.error}
          version={view.card?.version}
          source={source}
          backTo={
            view.trail.length > 1 ? names.current.get(view.trail[view.trail.length - 2] as string)?.[lang] : undefined
          }
          onBack={() => open(view.trail.slice(0, -1))}
          onNavigate={(id) => open([...view.trail, id])}
          onClose={() => setView({ kind: 'results' })}
        />
      </section>
    );
  }

  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading">{translate(lang, 'searchLabel')}</h2>
      <input
        type="search"
        class="search-input"
        aria-labelledby="search-heading"
        placeholder={translate(lang, 'searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <div aria-live="polite">
        {hits?.length === 0 && <p class="muted">{translate(lang, 'noResults')}</p>}
        {hits && hits.length > 0 && (
          <ul class="hits">
            {hits.map((hit) =>
              hit.kind === 'entity' ? (
                <li key={`e-${hit.entity.id}`}>
                  <button type="button" class="hit" onClick={() => open([hit.entity.id])}>
                    <strong>{hit.entity.name[lang]}</strong>
                    <span class="muted"> · {translate(lang, `type_${hit.entity.type}`)}</span>
                  </button>
                </li>
              ) : (
                <li key={`f-${hit.fact.id}`}>
                  <button type="button" class="hit" onClick={() => open([hit.fact.entities[0] as string])}>
                    {hit.fact.text[lang]}
                  </button>
                </li>
              ),
            )}
          </ul>
        )}
      </div>
    </section>
  );
}
