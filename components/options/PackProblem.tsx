import type { PackFileProblem } from '@/lib/facts/pack-file';
import { formatBytes } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { issueText } from '@/lib/i18n/pack-issue-text';
import { translateCount } from '@/lib/i18n/plural';
import { type StringKey, translate } from '@/lib/i18n/strings';

export interface PackProblemProps {
  lang: Lang;
  file: string;
  problem: PackFileProblem | { kind: 'unreadable' };
}

/** Why a file was refused, in full. */
export function PackProblem({ lang, file, problem }: PackProblemProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const formats = (list: readonly number[]) =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format(list.map(String));
  return (
    <div role="alert" class="field-error pack-problems">
      <p>{t('optPackNotImported', { file })}</p>
      {problem.kind === 'unreadable' && <p>{t('optPackUnreadable')}</p>}
      {problem.kind === 'too-large' && <p>{t('optPackTooLarge', { max: formatBytes(lang, problem.max) })}</p>}
      {problem.kind === 'not-json' && <p>{t('optPackNotJson', { detail: problem.detail })}</p>}
      {problem.kind === 'format' && (
        <p>{t('optPackFormat', { found: problem.found, formats: formats(problem.supported) })}</p>
      )}
      {problem.kind === 'invalid' && (
        <>
          <p>{translateCount(lang, 'optPackIssues', problem.total)}</p>
          <ul class="pack-issues">
            {problem.issues.map((issue, i) => (
              <li key={`${i}-${issue.path}`}>
                <code>{issue.path}</code>: {issueText(lang, issue)}
              </li>
            ))}
          </ul>
          {problem.total > problem.issues.length && (
            <p>{translateCount(lang, 'optPackMoreIssues', problem.total - problem.issues.length)}</p>
          )}
          <p>{t('optPackFormats', { formats: formats(problem.supported) })}</p>
        </>
      )}
    </div>
  );
}
