import { useRef, useState } from 'preact/hooks';
import { addRules, ruleMatches, type SiteMode } from '@/lib/ext/site-rules';
import type { StoredSiteRules } from '@/lib/ext/site-rules-store';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { AddSiteForm } from './AddSiteForm';
import { ChoiceGroup } from './ChoiceGroup';
import { SiteList } from './SiteList';
import { type SiteRulesMessage, SiteRulesStatus } from './SiteRulesStatus';
import { SiteStorageInfo } from './SiteStorageInfo';
import { SitesProblem } from './SitesProblem';
import { outcomeText } from './save-error-text';
import { SITE_MODES } from './site-rules-text';
import { type SitesOutcome, type SitesState, sitesEditable } from './useSavedSettings';

export interface SiteRulesEditorProps {
  lang: Lang;
  sites: SitesState;
  /** Stores what `update` makes of the stored rules (null: nothing to store); resolves once stored, or failed. */
  onChange: (update: (current: SitesState) => StoredSiteRules | null) => Promise<SitesOutcome | null>;
}

/** The Sites section: where to highlight, the list of sites, and where the list is kept. */
export function SiteRulesEditor({ lang, sites, onChange }: SiteRulesEditorProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [message, setMessage] = useState<SiteRulesMessage>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const editable = sitesEditable(sites);
  const say = (text: string) => setMessage({ kind: 'status', text });

  // Each change is worked out on the rules stored when it runs, and reported once stored.
  const change = async (update: (c: SitesState & { mode: SiteMode }) => StoredSiteRules | null, done: string) => {
    const outcome = await onChange((c) => (c.mode === null ? null : update(c as SitesState & { mode: SiteMode })));
    if (outcome) setMessage(outcomeText(lang, outcome, done));
  };

  const add = (key: string) => {
    const covering = sites.sites.find((rule) => ruleMatches(rule, key));
    if (covering === key) return say(t('optSiteListed', { site: key }));
    if (covering) return say(t('optSiteCovered', { site: key, rule: covering }));
    void change((c) => ({ ...c, sites: addRules(c, [key]).rules.sites }), t('optSiteAdded', { site: key }));
  };

  const remove = (site: string) =>
    change((c) => ({ ...c, sites: c.sites.filter((s) => s !== site) }), t('optSiteRemoved', { site }));

  const setMode = (mode: SiteMode) => {
    void onChange((c) => ({ mode, sites: c.sites, unreadable: c.unreadable })).then(
      (outcome) => outcome && !outcome.ok && setMessage(outcomeText(lang, outcome, '')),
    );
  };

  return (
    <section aria-labelledby="opt-sites-heading">
      <h2 id="opt-sites-heading">{t('optSitesHeading')}</h2>
      <SitesProblem
        lang={lang}
        sites={sites}
        onRemoveUnreadable={() => change((c) => ({ ...c, unreadable: [] }), t('optUnreadableRemoved'))}
      />
      {editable && (
        <>
          <ChoiceGroup
            legend={t('optModeLegend')}
            name="opt-mode"
            choices={SITE_MODES.map(({ value, label }) => ({ value, label: t(label) }))}
            value={sites.mode}
            onChange={setMode}
          />
          <SiteList
            lang={lang}
            rules={sites}
            onRemove={sites.mode === null ? undefined : (site) => void remove(site)}
            focusAfterList={() => inputRef.current?.focus()}
          />
          {sites.mode !== null && (
            <AddSiteForm lang={lang} onAdd={add} inputRef={inputRef} onInvalid={() => setMessage(null)} />
          )}
          <SiteStorageInfo lang={lang} sites={sites} />
        </>
      )}
      <SiteRulesStatus message={message} />
    </section>
  );
}
