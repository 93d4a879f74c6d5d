import type { Lang } from '@/lib/i18n/language';
import { translateCount } from '@/lib/i18n/plural';
import { type StringKey, translate } from '@/lib/i18n/strings';
import type { ImportOutcome } from '@/lib/store/pack-admin';
import { PackProblem } from './PackProblem';
import type { PackReport as Report } from './usePacks';

export interface PackReportProps {
  lang: Lang;
  report: Report;
  /** The answer to a "replace?" question. */
  onAnswer: (replace: boolean) => void;
}

const MESSAGE_KEYS = {
  kept: 'optPackKept',
  restored: 'optPackRestored',
  restoreFailed: 'optPackRestoreFailed',
  removeFailed: 'optPackRemoveFailed',
  exportFailed: 'optPackExportFailed',
  exported: 'optExported',
} as const satisfies Record<string, StringKey>;

/**
 * The last thing the Fact packs section has to say. The status paragraph is
 * always there (a live region must exist before its text changes); a file
 * refused says exactly why: each problem's path and reason, the first ten,
 * then how many more, and the formats this version reads.
 */
export function PackReport({ lang, report, onAnswer }: PackReportProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const status = statusText(lang, report);
  const outcome = report?.kind === 'outcome' ? report.outcome : null;
  const file = report && 'file' in report ? (report.file ?? '') : '';
  return (
    <div class="pack-report">
      <p role="status" class="status">
        {status}
      </p>
      {outcome?.status === 'confirm' && (
        <div class="notice pack-confirm" role="alert">
          <p>
            {outcome.same
              ? t('optPackConfirmSame', {
                  version: outcome.installed.version,
                  name: outcome.installed.name[lang],
                  file,
                })
              : t('optPackConfirmOlder', {
                  installed: outcome.installed.version,
                  version: outcome.pack.version,
                  name: outcome.installed.name[lang],
                  file,
                })}
          </p>
          <button type="button" onClick={() => onAnswer(true)}>
            {t('optPackReplace')}
          </button>{' '}
          <button type="button" onClick={() => onAnswer(false)}>
            {t('optPackKeep')}
          </button>
        </div>
      )}
      {report?.kind === 'refused' && <PackProblem lang={lang} file={file} problem={report.problem} />}
      {outcome?.status === 'invalid' && <PackProblem lang={lang} file={file} problem={outcome.problem} />}
      {outcome && errorKey(outcome) && (
        <p role="alert" class="field-error">
          {t(errorKey(outcome) as StringKey, {
            max: outcome.status === 'full' ? String(outcome.max) : '',
            reason: outcome.status === 'failed' ? outcome.reason : '',
          })}
        </p>
      )}
      {report?.kind === 'message' && report.tone === 'error' && (
        <p role="alert" class="field-error">
          {t(MESSAGE_KEYS[report.key], { name: report.name[lang] })}
        </p>
      )}
    </div>
  );
}

function errorKey(outcome: ImportOutcome): StringKey | null {
  if (outcome.status === 'full') return 'optPackFull';
  if (outcome.status === 'unavailable') return 'optPackUnavailable';
  if (outcome.status === 'failed') return 'optPackFailed';
  return null;
}

function statusText(lang: Lang, report: Report): string {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  if (!report) return '';
  if (report.kind === 'busy') return t('optPackBusy', { file: report.file });
  if (report.kind === 'message') {
    return report.tone === 'status'
      ? t(MESSAGE_KEYS[report.key], { name: report.name[lang], file: report.file ?? '' })
      : '';
  }
  if (report.kind !== 'outcome') return '';
  const { outcome } = report;
  if (outcome.status === 'bundled') return t('optPackIsBundled', { file: report.file });
  if (outcome.status !== 'installed' && outcome.status !== 'updated' && outcome.status !== 'replaced') return '';
  const { pack } = outcome;
  const name = pack.name[lang];
  const main =
    outcome.status === 'installed'
      ? t('optPackInstalled', {
          name,
          entities: translateCount(lang, 'optPackEntities', pack.counts?.entities ?? 0),
          facts: translateCount(lang, 'optPackFacts', pack.counts?.facts ?? 0),
        })
      : t(outcome.status === 'updated' ? 'optPackUpdated' : 'optPackReplaced', { name, version: pack.version });
  const renamed = outcome.renamedFrom ? ` ${t('optPackRenamed', { from: outcome.renamedFrom, id: pack.id })}` : '';
  const migrated = outcome.from === 1 ? ` ${t('optPackMigrated')}` : '';
  return `${main}${renamed}${migrated}`;
}
