import { useState } from 'preact/hooks';
import { useServed } from '@/components/shared/useServed';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { Served } from '@/lib/store/fact-store';

export interface FactBaseInfo {
  entities: number;
  facts: number;
}

export interface OptionsDataProps {
  lang: Lang;
  loadInfo: () => Promise<Served<FactBaseInfo>>;
  onRebuild: () => Promise<Served<FactBaseInfo>>;
}

/** The Data section: what the fact base holds, where it is read from, and rebuilding its cache. */
export function OptionsData({ lang, loadInfo, onRebuild }: OptionsDataProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [info, setInfo] = useServed(loadInfo);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);

  const rebuild = async () => {
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    if (busy) return;
    setBusy(true);
    setStatus(t('optRebuilding'));
    try {
      const served = await onRebuild();
      setInfo({ status: 'ready', served });
      setStatus(
        served.origin === 'bundled'
          ? t('optRebuiltBundled')
          : t('optRebuilt', {
              entities: count(served.value.entities),
              facts: count(served.value.facts),
              version: served.version,
            }),
      );
    } catch {
      setStatus(t('optRebuildFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="opt-data-heading">
      <h2 id="opt-data-heading">{t('optDataHeading')}</h2>
      <p class="hint">{t('optDataHint')}</p>
      {info.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {info.status === 'error' && <p class="field-error">{t('loadError')}</p>}
      {info.status === 'ready' && (
        <dl class="facts-table">
          <dt>{t('optDataVersion')}</dt>
          <dd>{info.served.version}</dd>
          <dt>{t('optDataEntities')}</dt>
          <dd>{count(info.served.value.entities)}</dd>
          <dt>{t('optDataFacts')}</dt>
          <dd>{count(info.served.value.facts)}</dd>
          <dt>{t('optDataOrigin')}</dt>
          <dd data-origin={info.served.origin}>
            {t(info.served.origin === 'bundled' ? 'optOrigin_bundled' : 'optOrigin_indexeddb')}
          </dd>
        </dl>
      )}
      <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={rebuild}>
        {t('optRebuild')}
      </button>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
