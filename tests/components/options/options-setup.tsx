import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import type { FactBaseInfo } from '@/components/options/OptionsData';
import { OptionsPage, type OptionsPageProps } from '@/components/options/OptionsPage';
import type { Settings, SettingsRead } from '@/lib/ext/settings';
import type { SiteRulesRead } from '@/lib/ext/site-rules-store';
import type { Lang } from '@/lib/i18n/language';
import type { Served } from '@/lib/store/fact-store';

export const INFO: Served<FactBaseInfo> = {
  value: { entities: 15, facts: 27 },
  origin: 'indexeddb',
  version: '2025.07.1',
};

export function baseSettings(over: Partial<Settings> = {}): Settings {
  return {
    siteRules: { mode: 'all-except-listed', sites: ['example.com', 'other.org'] },
    paused: false,
    categories: ['subject'],
    highlightStyle: 'background',
    hoverDelayMs: 300,
    language: 'auto',
    mutedEntities: [],
    enabledPacks: ['apple-ai-team-2025-07'],
    ...over,
  };
}

/** What reading storage would answer for these settings, with `rules` over the site rules' details. */
export function readOf(settings: Settings, rules: Partial<SiteRulesRead> = {}, over: Partial<SettingsRead> = {}) {
  const { siteRules, ...values } = settings;
  const read: SettingsRead = {
    values,
    siteRules: {
      ...siteRules,
      unreadable: [],
      area: 'sync',
      problem: null,
      extra: {},
      needsRepair: false,
      ...rules,
    },
    snoozes: {},
    problems: {},
    untrusted: [],
    repairs: {},
    ...over,
  };
  return read;
}

export interface SetupOptions {
  lang?: Lang;
  settings?: Partial<Settings>;
  rules?: Partial<SiteRulesRead>;
  read?: Partial<SettingsRead>;
  props?: Partial<OptionsPageProps>;
}

export function setup(options: SetupOptions = {}) {
  const onSave = vi.fn(async (_name: keyof Settings, _value: unknown) => {});
  const onSaveSiteRules = vi.fn(async (_rules: unknown) => 'sync' as const);
  const loadFactBaseInfo = vi.fn(async () => INFO);
  const onRebuild = vi.fn(
    async (): Promise<Served<FactBaseInfo>> => ({ ...INFO, value: { entities: 16, facts: 30 }, version: '2025.07.2' }),
  );
  const props: OptionsPageProps = {
    lang: options.lang ?? 'en',
    read: readOf(baseSettings(options.settings), options.rules, options.read),
    onSave: onSave as OptionsPageProps['onSave'],
    onSaveSiteRules: onSaveSiteRules as OptionsPageProps['onSaveSiteRules'],
    loadFactBaseInfo,
    onRebuild,
    ...options.props,
  };
  const view = render(<OptionsPage {...props} />);
  return { ...view, props, onSave, onSaveSiteRules, loadFactBaseInfo, onRebuild };
}

export const siteInput = () => screen.getByLabelText<HTMLInputElement>('Add a site');
export const listedSites = (container: Element) =>
  [...container.querySelectorAll('.site-list:not(.muted-list) .site')].map((e) => e.textContent);

export function addSite(text: string) {
  fireEvent.input(siteInput(), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

export function importFile(file: File) {
  const input = screen.getByLabelText<HTMLInputElement>(/^(Import a file|Importer un fichier)/);
  fireEvent.change(input, { target: { files: [file] } });
}

export const jsonFile = (data: unknown, name = 'sites.json') =>
  new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });

/** The status line of a section, by its heading id. */
export const statusOf = (container: Element, heading: string) =>
  container.querySelector(`section[aria-labelledby="${heading}"] [role="status"].status`);
