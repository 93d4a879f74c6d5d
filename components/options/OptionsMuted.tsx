import { useState } from 'preact/hooks';
import { useEntityNames } from '@/components/shared/useEntityNames';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { type SiteRulesMessage, SiteRulesStatus } from './SiteRulesStatus';
import { saveErrorText } from './save-error-text';
import type { SaveOutcome } from './useSavedSettings';

export interface OptionsMutedProps {
  lang: Lang;
  muted: readonly string[];
  /** The stored list could not be read: the extension stays off until it is cleared. */
  damaged: boolean;
  /** The entity's name in the page's language; null when the fact base does not hold it. */
  loadName?: (id: string, lang: Lang) => Promise<string | null>;
  onChange: (update: (current: string[]) => string[]) => Promise<SaveOutcome>;
}

/** The Muted names section: each muted entity with its Unmute button; the list is filled from the cards. */
export function OptionsMuted({ lang, muted, damaged, loadName, onChange }: OptionsMutedProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const names = useEntityNames(muted, lang, loadName);
  const [message, setMessage] = useState<SiteRulesMessage>(null);

  const label = (id: string) => names[id] ?? (names[id] === null ? t('optMutedUnknown', { id }) : id);

  const save = async (update: (current: string[]) => string[], done: string) => {
    const outcome = await onChange(update);
    setMessage(
      outcome.ok ? { kind: 'status', text: done } : { kind: 'error', text: saveErrorText(lang, outcome.error) },
    );
  };

  return (
    <section aria-labelledby="opt-muted-heading">
      <h2 id="opt-muted-heading">{t('optMutedHeading')}</h2>
      <p class="hint">{t('optMutedHint')}</p>
      {damaged && (
        <div class="notice" role="status">
          <p>{t('optMutedDamaged')}</p>
          <button type="button" onClick={() => save(() => [], t('optMutedCleared'))}>
            {t('optMutedClear')}
          </button>
        </div>
      )}
      {!damaged && muted.length === 0 && <p class="muted">{t('optMutedNone')}</p>}
      {!damaged && muted.length > 0 && (
        <ul class="site-list muted-list" aria-labelledby="opt-muted-heading">
          {muted.map((id) => (
            <li key={id}>
              <span class="site">{label(id)}</span>
              <button
                type="button"
                aria-label={t('optUnmuteName', { name: label(id) })}
                onClick={() => save((current) => current.filter((m) => m !== id), t('optUnmuted', { name: label(id) }))}
              >
                {t('optUnmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SiteRulesStatus message={message} />
    </section>
  );
}
