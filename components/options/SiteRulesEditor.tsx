import { useRef, useState } from 'preact/hooks';
import { addRules, ruleMatches, type SiteRules } from '@/lib/ext/site-rules';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { AddSiteForm } from './AddSiteForm';
import { ChoiceGroup } from './ChoiceGroup';
import { SiteList } from './SiteList';
import { type SiteRulesMessage, SiteRulesStatus } from './SiteRulesStatus';
import { SiteRulesTransfer } from './SiteRulesTransfer';
import { SITE_MODES } from './site-rules-text';

export interface SiteRulesEditorProps {
  lang: Lang;
  rules: SiteRules;
  /** Called with the new rules after every change; the caller saves them. */
  onChange: (rules: SiteRules) => void;
}

/** The Sites section: where to highlight, the list of sites, and its export and import. */
export function SiteRulesEditor({ lang, rules, onChange }: SiteRulesEditorProps) {
  const t = (key: StringKey, params?: Record<string, string>) => translate(lang, key, params);
  const [message, setMessage] = useState<SiteRulesMessage>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const say = (text: string) => setMessage({ kind: 'status', text });

  const add = (key: string) => {
    const covering = rules.sites.find((rule) => ruleMatches(rule, key));
    if (covering === key) return say(t('optSiteListed', { site: key }));
    if (covering) return say(t('optSiteCovered', { site: key, rule: covering }));
    onChange(addRules(rules, [key]).rules);
    say(t('optSiteAdded', { site: key }));
  };

  const remove = (site: string) => {
    onChange({ ...rules, sites: rules.sites.filter((s) => s !== site) });
    say(t('optSiteRemoved', { site }));
  };

  return (
    <section aria-labelledby="opt-sites-heading">
      <h2 id="opt-sites-heading">{t('optSitesHeading')}</h2>
      <ChoiceGroup
        legend={t('optModeLegend')}
        name="opt-mode"
        choices={SITE_MODES.map(({ value, label }) => ({ value, label: t(label) }))}
        value={rules.mode}
        onChange={(mode) => onChange({ ...rules, mode })}
      />
      <SiteList lang={lang} rules={rules} onRemove={remove} focusAfterList={() => inputRef.current?.focus()} />
      <AddSiteForm lang={lang} onAdd={add} inputRef={inputRef} />
      <SiteRulesTransfer lang={lang} rules={rules} onChange={onChange} onMessage={setMessage} />
      <SiteRulesStatus message={message} />
    </section>
  );
}
