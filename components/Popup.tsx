import { useEffect, useState } from 'preact/hooks';
import type { Served, SummaryData } from '@/lib/fact-store';
import type { Lang } from '@/lib/language';
import { translate } from '@/lib/strings';
import { SummaryView } from './SummaryView';

export interface PopupProps {
  lang: Lang;
  loadSummary: () => Promise<Served<SummaryData>>;
}

type State = { status: 'loading' } | { status: 'ready'; served: Served<SummaryData> } | { status: 'error' };

/** The toolbar popup. Data comes in through `loadSummary` so the component can be tested without a browser. */
export function Popup({ lang, loadSummary }: PopupProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadSummary().then(
      (served) => live && setState({ status: 'ready', served }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [loadSummary]);

  return (
    <main
      lang={lang}
      data-state={state.status}
      data-origin={state.status === 'ready' ? state.served.origin : undefined}
    >
      <h1>Context Lens</h1>
      {state.status === 'loading' && <p aria-busy="true">{translate(lang, 'loading')}</p>}
      {state.status === 'error' && <p role="alert">{translate(lang, 'loadError')}</p>}
      {state.status === 'ready' && (
        <SummaryView
          lang={lang}
          data={state.served.value}
          version={state.served.version}
          fromBundle={state.served.origin === 'bundled'}
        />
      )}
    </main>
  );
}
