import { useRef } from 'preact/hooks';
import { addRules, type SiteRules } from '@/lib/ext/site-rules';
import {
  MAX_SITE_RULES_FILE_BYTES,
  parseSiteRulesFile,
  SITE_RULES_FILE_NAME,
  type SiteRulesFileContent,
  siteRulesFileText,
} from '@/lib/ext/site-rules-file';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { SiteRulesMessage } from './SiteRulesStatus';
import { importReport } from './site-rules-text';

export interface SiteRulesTransferProps {
  lang: Lang;
  rules: SiteRules;
  /** Called with the merged rules after an import that added sites. */
  onChange: (rules: SiteRules) => void;
  onMessage: (message: SiteRulesMessage) => void;
}

/** Export of the list to a JSON file, and import of one: its sites are added to the list, its mode is not applied. */
export function SiteRulesTransfer({ lang, rules, onChange, onMessage }: SiteRulesTransferProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  // An import finishes after the file is read: merge into the rules of that moment, not of the click.
  const rulesRef = useRef(rules);
  rulesRef.current = rules;

  const exportList = () => {
    downloadFile(SITE_RULES_FILE_NAME, siteRulesFileText(rules));
    onMessage({ kind: 'status', text: t('optExported', { file: SITE_RULES_FILE_NAME }) });
  };

  const importFile = async (file: File) => {
    const read = await readSiteRulesFile(file);
    if (!read.ok) return onMessage({ kind: 'error', text: t(read.error, { file: file.name }) });
    const current = rulesRef.current;
    const merged = addRules(current, read.sites);
    const added = merged.rules.sites.length - current.sites.length;
    if (added > 0) onChange(merged.rules);
    const outcome = { fileName: file.name, added, rejected: merged.rejected, fileMode: read.mode };
    onMessage({ kind: 'status', text: importReport(lang, { ...outcome, currentMode: current.mode }) });
  };

  return (
    <div class="row transfer">
      <button type="button" onClick={exportList}>
        {t('optExport')}
      </button>
      <div class="import">
        <label for="opt-import">{t('optImportLabel')}</label>
        <input
          id="opt-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again is a change too.
            input.value = '';
            if (file) importFile(file).catch(() => onMessage({ kind: 'error', text: t('optSaveFailed') }));
          }}
        />
      </div>
    </div>
  );
}

/** Saves `text` as a download named `name`, through a link that is gone once clicked. */
function downloadFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox may cancel a download whose URL is revoked at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type ReadFile = ({ ok: true } & SiteRulesFileContent) | { ok: false; error: StringKey };

/** The file's content, or the message saying why there is none. A file too large is not even read. */
async function readSiteRulesFile(file: File): Promise<ReadFile> {
  if (file.size > MAX_SITE_RULES_FILE_BYTES) return { ok: false, error: 'optImportTooLarge' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'optImportUnreadable' };
  }
  const parsed = parseSiteRulesFile(text);
  if (parsed.ok) return parsed;
  return { ok: false, error: parsed.error === 'not-json' ? 'optImportNotJson' : 'optImportWrongFormat' };
}
