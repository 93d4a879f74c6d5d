import { useState } from 'preact/hooks';
import { isEntityRef, MAX_MUTED } from '@/lib/ext/settings-items';
import { addRules, type RejectedEntry, type SiteMode } from '@/lib/ext/site-rules';
import {
  MAX_FILE_ENTRIES,
  MAX_SITE_RULES_FILE_BYTES,
  parseSiteRulesFile,
  SITE_RULES_FILE_NAME,
  type SiteRulesFileContent,
  siteRulesFileText,
} from '@/lib/ext/site-rules-file';
import type { StoredSiteRules } from '@/lib/ext/site-rules-store';
import { formatBytes } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { downloadFile } from './download-file';
import { type SiteRulesMessage, SiteRulesStatus } from './SiteRulesStatus';
import { outcomeText, saveErrorText } from './save-error-text';
import { importReport } from './site-rules-text';
import type { SaveOutcome, SitesOutcome, SitesState } from './useSavedSettings';

export interface SettingsTransferProps {
  lang: Lang;
  sites: SitesState;
  muted: readonly string[];
  onChangeSites: (update: (current: SitesState) => StoredSiteRules | null) => Promise<SitesOutcome | null>;
  onChangeMuted: (update: (current: string[]) => string[]) => Promise<SaveOutcome>;
}

/**
 * Export of where to highlight, the sites and the muted names to a JSON
 * file, and import of one (or of a plain JSON list of sites): its sites and
 * muted names are added, its mode is not applied. What was added is said
 * only once it is stored.
 */
export function SettingsTransfer({ lang, sites, muted, onChangeSites, onChangeMuted }: SettingsTransferProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [message, setMessage] = useState<SiteRulesMessage>(null);
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);

  const exportFile = () => {
    const rules = { mode: sites.mode ?? 'all-except-listed', sites: sites.sites };
    downloadFile(SITE_RULES_FILE_NAME, siteRulesFileText(rules, muted));
    setMessage({ kind: 'status', text: t('optExported', { file: SITE_RULES_FILE_NAME }) });
  };

  const importFile = async (file: File) => {
    setMessage(null);
    const read = await readFile(file, lang);
    if (!read.ok) return setMessage({ kind: 'error', text: t(read.error, { file: file.name, ...read.params }) });
    // Worked out on the list stored when the save runs, which may be newer than the one shown.
    const merge: { added: number; rejected: RejectedEntry[]; mode: SiteMode | null } = {
      added: 0,
      rejected: [],
      mode: sites.mode,
    };
    const outcome = await onChangeSites((current) => {
      merge.mode = current.mode;
      if (current.mode === null) return null;
      const { rules, rejected } = addRules({ mode: current.mode, sites: current.sites }, read.sites);
      merge.added = rules.sites.length - current.sites.length;
      merge.rejected = rejected;
      return merge.added > 0 ? { mode: current.mode, sites: rules.sites, unreadable: current.unreadable } : null;
    });
    if (outcome && !outcome.ok) return setMessage(outcomeText(lang, outcome, ''));
    if (merge.mode === null && read.sites.length > 0) {
      return setMessage({ kind: 'error', text: `${t('optSaveFailed')} ${t('optModeUnknown')}` });
    }
    let mutedAdded = 0;
    const ids = read.mutedEntities.filter(isEntityRef);
    if (ids.length > 0) {
      const saved = await onChangeMuted((current) => {
        const next = [...new Set([...current, ...ids])].slice(0, MAX_MUTED);
        mutedAdded = next.length - current.length;
        return next;
      });
      if (!saved.ok) return setMessage({ kind: 'error', text: saveErrorText(lang, saved.error) });
    }
    const report = importReport(lang, {
      fileName: file.name,
      added: merge.added,
      rejected: merge.rejected,
      fileMode: read.mode,
      currentMode: merge.mode,
      mutedAdded,
    });
    setMessage(outcome ? outcomeText(lang, outcome, report) : { kind: 'status', text: report });
  };

  return (
    <section aria-labelledby="opt-transfer-heading">
      <h2 id="opt-transfer-heading">{t('optTransferHeading')}</h2>
      <p class="hint">{t('optTransferHint')}</p>
      <div class="row transfer">
        <button type="button" onClick={exportFile}>
          {t('optExport')}
        </button>
        <div class="import">
          <label for="opt-import">{t('optImportLabel')}</label>
          <input
            id="opt-import"
            type="file"
            accept="application/json,.json"
            aria-describedby="opt-import-limits"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // Cleared so that choosing the same file again is a change too.
              input.value = '';
              if (file)
                importFile(file).catch((error) => setMessage({ kind: 'error', text: saveErrorText(lang, error) }));
            }}
          />
        </div>
      </div>
      <p id="opt-import-limits" class="hint">
        {t('optImportLimits', { max: count(MAX_FILE_ENTRIES), size: formatBytes(lang, MAX_SITE_RULES_FILE_BYTES) })}
      </p>
      <SiteRulesStatus message={message} />
    </section>
  );
}

type ReadFile =
  | ({ ok: true } & SiteRulesFileContent)
  | { ok: false; error: StringKey; params?: Record<string, string> };

const FILE_ERRORS = {
  'not-json': 'optImportNotJson',
  'wrong-format': 'optImportWrongFormat',
  newer: 'optImportNewer',
  'too-many': 'optImportTooMany',
} as const satisfies Record<string, StringKey>;

/** The file's content, or the message saying why there is none. A file too large is not even read. */
async function readFile(file: File, lang: Lang): Promise<ReadFile> {
  const max = formatBytes(lang, MAX_SITE_RULES_FILE_BYTES);
  if (file.size > MAX_SITE_RULES_FILE_BYTES) return { ok: false, error: 'optImportTooLarge', params: { max } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'optImportUnreadable' };
  }
  const parsed = parseSiteRulesFile(text);
  if (parsed.ok) return parsed;
  const format = new Intl.NumberFormat(lang);
  const params = { count: format.format(parsed.count ?? 0), max: format.format(MAX_FILE_ENTRIES) };
  return { ok: false, error: FILE_ERRORS[parsed.error], params };
}
