import { useEffect, useRef, useState } from 'preact/hooks';
import { addRules, ruleKey, ruleMatches, type SiteMode, type SiteRules } from '@/lib/ext/site-rules';
import {
  MAX_SITE_RULES_FILE_BYTES,
  parseSiteRulesFile,
  SITE_RULES_FILE_NAME,
  siteRulesFileText,
} from '@/lib/ext/site-rules-file';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { ChoiceGroup } from './ChoiceGroup';

/** Rejected entries named in the import report; the rest are counted. */
const MAX_REJECTED_SHOWN = 5;

const MODES: readonly { value: SiteMode; label: StringKey }[] = [
  { value: 'all-except-listed', label: 'optModeAllExcept' },
  { value: 'only-listed', label: 'optModeOnlyListed' },
];

type Message = { kind: 'status' | 'error'; text: string } | null;

export interface SiteRulesEditorProps {
  lang: Lang;
  rules: SiteRules;
  /** Called with the new rules after every change; the caller saves them. */
  onChange: (rules: SiteRules) => void;
}

/** The Sites section: where to highlight, the list of sites, and its export and import. */
export function SiteRulesEditor({ lang, rules, onChange }: SiteRulesEditorProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [draft, setDraft] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [focusAfterRemove, setFocusAfterRemove] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // An import finishes after the file is read: merge into the rules of that moment, not of the click.
  const rulesRef = useRef(rules);
  rulesRef.current = rules;

  useEffect(() => {
    if (focusAfterRemove === null) return;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(focusAfterRemove, buttons.length - 1)] ?? inputRef.current;
    next?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove]);

  const add = () => {
    const text = draft.trim();
    if (!text) {
      setInputError(t('optSiteEmpty'));
      return;
    }
    const key = ruleKey(text);
    if (!key) {
      setInputError(t('optSiteInvalid', { input: text.length > 80 ? `${text.slice(0, 80)}…` : text }));
      return;
    }
    setInputError(null);
    setDraft('');
    const covering = rules.sites.find((rule) => ruleMatches(rule, key));
    if (covering) {
      const text =
        covering === key ? t('optSiteListed', { site: key }) : t('optSiteCovered', { site: key, rule: covering });
      setMessage({ kind: 'status', text });
      return;
    }
    onChange(addRules(rules, [key]).rules);
    setMessage({ kind: 'status', text: t('optSiteAdded', { site: key }) });
  };

  const remove = (site: string, index: number) => {
    onChange({ ...rules, sites: rules.sites.filter((s) => s !== site) });
    setMessage({ kind: 'status', text: t('optSiteRemoved', { site }) });
    setFocusAfterRemove(index);
  };

  const exportList = () => {
    const blob = new Blob([siteRulesFileText(rules)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = SITE_RULES_FILE_NAME;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Firefox may cancel a download whose URL is revoked at once.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMessage({ kind: 'status', text: t('optExported', { file: SITE_RULES_FILE_NAME }) });
  };

  const listRejected = (rejected: string[]) => {
    const shown = rejected.slice(0, MAX_REJECTED_SHOWN).map((entry) => {
      const short = entry.length > 60 ? `${entry.slice(0, 60)}…` : entry;
      return lang === 'fr' ? `« ${short} »` : `“${short}”`;
    });
    const more = rejected.length - shown.length;
    if (more > 0) shown.push(t('optImportMore', { count: String(more) }));
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(shown);
  };

  const importFile = async (file: File) => {
    const fail = (key: StringKey) => setMessage({ kind: 'error', text: t(key, { file: file.name }) });
    if (file.size > MAX_SITE_RULES_FILE_BYTES) return fail('optImportTooLarge');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return fail('optImportUnreadable');
    }
    const parsed = parseSiteRulesFile(text);
    if (!parsed.ok) return fail(parsed.error === 'not-json' ? 'optImportNotJson' : 'optImportWrongFormat');

    const current = rulesRef.current;
    const merged = addRules(current, parsed.sites);
    const added = merged.rules.sites.length - current.sites.length;
    if (added > 0) onChange(merged.rules);

    const plural = new Intl.PluralRules(lang).select(added) === 'one' ? 'optImportAdded_one' : 'optImportAdded_other';
    const report = [t(plural, { file: file.name, count: new Intl.NumberFormat(lang).format(added) })];
    if (merged.rejected.length > 0) report.push(t('optImportRejected', { entries: listRejected(merged.rejected) }));
    const fileMode = MODES.find((m) => m.value === parsed.mode);
    if (fileMode && fileMode.value !== current.mode) report.push(t('optImportModeKept', { mode: t(fileMode.label) }));
    setMessage({ kind: 'status', text: report.join(' ') });
  };

  const describedBy = inputError ? 'opt-site-hint opt-site-error' : 'opt-site-hint';
  return (
    <section aria-labelledby="opt-sites-heading">
      <h2 id="opt-sites-heading">{t('optSitesHeading')}</h2>
      <ChoiceGroup
        legend={t('optModeLegend')}
        name="opt-mode"
        choices={MODES.map(({ value, label }) => ({ value, label: t(label) }))}
        value={rules.mode}
        onChange={(mode) => onChange({ ...rules, mode })}
      />

      <h3 id="opt-sites-list-heading">{t('optSitesListHeading')}</h3>
      <p class="hint">{t('optSitesHint')}</p>
      {rules.sites.length === 0 ? (
        <p class="muted">{t(rules.mode === 'all-except-listed' ? 'optNoSitesAllExcept' : 'optNoSitesOnlyListed')}</p>
      ) : (
        <ul class="site-list" ref={listRef} aria-labelledby="opt-sites-list-heading">
          {rules.sites.map((site, index) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" aria-label={t('optRemoveSite', { site })} onClick={() => remove(site, index)}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form
        class="add-site"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label for="opt-site-input">{t('optAddLabel')}</label>
        <p id="opt-site-hint" class="hint">
          {t('optAddHint')}
        </p>
        <div class="row">
          <input
            ref={inputRef}
            id="opt-site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={draft}
            aria-invalid={inputError ? 'true' : undefined}
            aria-describedby={describedBy}
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              if (inputError) setInputError(null);
            }}
          />
          <button type="submit">{t('optAdd')}</button>
        </div>
        {inputError && (
          <p id="opt-site-error" class="field-error" role="alert">
            {inputError}
          </p>
        )}
      </form>

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
              if (file) importFile(file).catch(() => setMessage({ kind: 'error', text: t('optSaveFailed') }));
            }}
          />
        </div>
      </div>

      <p role="status" class="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {message?.kind === 'error' && (
        <p role="alert" class="field-error">
          {message.text}
        </p>
      )}
    </section>
  );
}
