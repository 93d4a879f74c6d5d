import { httpsUrl, SourceLink } from '@/components/shared/SourceLink';
import type { Lang } from '@/lib/i18n/language';
import { translateCount } from '@/lib/i18n/plural';
import { formatSourceDate, type StringKey, translate } from '@/lib/i18n/strings';
import type { PackInfo } from '@/lib/store/pack-admin';

export interface PackRowProps {
  lang: Lang;
  pack: PackInfo;
  enabled: boolean;
  /** The enabled set could not be saved last time, or cannot be changed now. */
  onToggle: (enabled: boolean) => void;
  onExport: () => void;
  onRemove: () => void;
}

const STATE_NOTES: Partial<Record<PackInfo['state'], StringKey>> = {
  unavailable: 'optPackStateUnavailable',
  damaged: 'optPackStateDamaged',
  missing: 'optPackStateMissing',
};

function languageName(lang: Lang, tag: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * One installed pack: its name, its source as far as it is known, its
 * version and size, and its switch; export and (for imported packs)
 * removal. Everything from the pack is text: nothing of it is markup.
 */
export function PackRow({ lang, pack, enabled, onToggle, onExport, onRemove }: PackRowProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const base = `pack-${pack.id}`;
  const name = pack.name[lang];
  const { source, counts } = pack;
  const note = STATE_NOTES[pack.state];
  const readable = pack.state === 'ready' || pack.origin === 'bundled';
  return (
    <li class="pack" data-pack={pack.id} data-state={pack.state}>
      <div class="pack-head">
        <h3 id={`${base}-name`} class="pack-name">
          {name}
        </h3>
        <span class="pack-origin">{t(pack.origin === 'bundled' ? 'optPackBundled' : 'optPackImported')}</span>
      </div>
      <p class="pack-meta">
        {pack.version && t('optPackVersion', { version: pack.version })}
        {counts && (
          <>
            {' · '}
            {translateCount(lang, 'optPackEntities', counts.entities)}
            {' · '}
            {translateCount(lang, 'optPackFacts', counts.facts)}
            {' · '}
            {translateCount(lang, 'optPackAliases', counts.aliases)}
          </>
        )}
      </p>
      {source && (
        <dl class="pack-source">
          <dt>{t('optPackSourceTitle')}</dt>
          <dd>
            {source.title ? (
              <cite lang={source.language}>{source.title}</cite>
            ) : (
              <span class="muted">{t('optPackTitleUnknown')}</span>
            )}
            {source.outlet && `, ${source.outlet}`}
          </dd>
          <dt>{t('optPackDate')}</dt>
          <dd>{formatSourceDate(lang, source.date)}</dd>
          <dt>{t('optPackLanguage')}</dt>
          <dd>{languageName(lang, source.language)}</dd>
          {source.relays && (
            <>
              <dt>{t('optPackRelays')}</dt>
              <dd>{source.relays}</dd>
            </>
          )}
          {httpsUrl(source.url) && (
            <>
              <dt>{t('optPackLink')}</dt>
              <dd class="pack-link">
                <SourceLink url={source.url}>{httpsUrl(source.url)}</SourceLink>
              </dd>
            </>
          )}
        </dl>
      )}
      {note && <p class="notice pack-state">{t(note)}</p>}
      <div class="pack-actions">
        <span class="switch-row">
          <input
            id={`${base}-enabled`}
            type="checkbox"
            role="switch"
            aria-checked={enabled}
            checked={enabled}
            aria-labelledby={`${base}-switch ${base}-name`}
            onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
          />
          <label id={`${base}-switch`} for={`${base}-enabled`}>
            {t('optPackEnabled')}
          </label>
        </span>
        <button
          type="button"
          aria-label={t('optPackExportName', { name })}
          aria-disabled={readable ? undefined : 'true'}
          onClick={() => readable && onExport()}
        >
          {t('optPackExport')}
        </button>
        {pack.origin === 'imported' && (
          <button type="button" aria-label={t('optPackRemoveName', { name })} onClick={onRemove}>
            {t('optPackRemove')}
          </button>
        )}
      </div>
    </li>
  );
}
