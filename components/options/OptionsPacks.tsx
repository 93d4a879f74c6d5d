import { PACK_LIMITS } from '@/lib/facts/limits';
import { SUPPORTED_FORMATS } from '@/lib/facts/schema';
import { formatBytes } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { PackImport } from './PackImport';
import { PackReport } from './PackReport';
import { PackRow } from './PackRow';
import { SaveError } from './SaveError';
import { type PacksApi, usePacks } from './usePacks';
import type { SaveOutcome } from './useSavedSettings';

export interface OptionsPacksProps {
  lang: Lang;
  api: PacksApi;
  /** Ids of the enabled packs, as stored. */
  enabled: readonly string[];
  onChangeEnabled: (update: (current: string[]) => string[]) => Promise<SaveOutcome>;
  /** The enabled set could not be saved: why. */
  saveError?: string | null;
  /** Changes when packs change elsewhere (another page imported one): the list is read again. */
  listKey?: unknown;
}

/**
 * The Fact packs section: every installed pack with its switch, the import
 * (button and drop), what the last import said, and the packs removed from
 * this page, each with its undo until the page is closed.
 */
export function OptionsPacks({ lang, api, enabled, onChangeEnabled, saveError, listKey }: OptionsPacksProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const packs = usePacks(api, onChangeEnabled, listKey);
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);
  const toggle = (id: string, on: boolean) =>
    void onChangeEnabled((current) => (on ? [...new Set([...current, id])] : current.filter((p) => p !== id)));
  const limits = t('optPacksLimits', {
    size: formatBytes(lang, PACK_LIMITS.fileBytes),
    entities: count(PACK_LIMITS.entities),
    aliases: count(PACK_LIMITS.aliases),
    facts: count(PACK_LIMITS.facts),
    id: count(PACK_LIMITS.idLength),
    alias: count(PACK_LIMITS.aliasLength),
    name: count(PACK_LIMITS.nameLength),
    text: count(PACK_LIMITS.textLength),
    packs: count(PACK_LIMITS.installedPacks),
    formats: new Intl.ListFormat(lang, { type: 'conjunction' }).format(SUPPORTED_FORMATS.map(String)),
  });

  return (
    <section aria-labelledby="opt-packs-heading" class="packs">
      <h2 id="opt-packs-heading">{t('optPacksHeading')}</h2>
      <p class="hint">{t('optPacksHint')}</p>
      {packs.listing?.storage === 'unavailable' && <p class="notice">{t('optPacksStorageUnavailable')}</p>}
      {packs.failed && <p class="field-error">{t('loadError')}</p>}
      {packs.listing === null && !packs.failed && <p aria-busy="true">{t('loading')}</p>}
      {packs.listing && (
        <ul class="pack-list" aria-label={t('optPacksList')}>
          {packs.listing.packs.map((pack) => (
            <PackRow
              key={pack.id}
              lang={lang}
              pack={pack}
              enabled={enabled.includes(pack.id)}
              onToggle={(on) => toggle(pack.id, on)}
              onExport={() => void packs.exportPack(pack)}
              onRemove={() => void packs.remove(pack, enabled.includes(pack.id))}
            />
          ))}
        </ul>
      )}
      <SaveError message={saveError ?? null} />
      {packs.removed.length > 0 && (
        <ul class="pack-removed">
          {packs.removed.map((entry) => (
            <li key={entry.pack.id}>
              {t('optPackRemoved', { name: entry.pack.name[lang] })}{' '}
              {entry.text !== null && (
                <button type="button" onClick={() => void packs.undo(entry)}>
                  {t('optPackUndo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <PackImport lang={lang} limitsId="opt-pack-limits" onFile={(file) => void packs.importFile(file)} />
      <p id="opt-pack-limits" class="hint">
        {limits}{' '}
        <a href="/fact-pack.schema.json" target="_blank" rel="noopener noreferrer">
          {t('optPacksSchema')}
        </a>
      </p>
      <PackReport lang={lang} report={packs.report} onAnswer={(replace) => void packs.answer(replace)} />
    </section>
  );
}
