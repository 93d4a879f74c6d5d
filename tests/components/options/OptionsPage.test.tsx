import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FactBaseInfo } from '@/components/options/OptionsData';
import { OptionsPage, type OptionsPageProps } from '@/components/options/OptionsPage';
import type { Settings } from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import type { Served } from '@/lib/store/fact-store';
import { ROOT } from '@/tests/helpers/paths';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const INFO: Served<FactBaseInfo> = { value: { entities: 15, facts: 27 }, origin: 'indexeddb', version: '2025.07.1' };

function baseSettings(over: Partial<Settings> = {}): Settings {
  return {
    siteRules: { mode: 'all-except-listed', sites: ['example.com', 'other.org'] },
    paused: false,
    categories: ['subject'],
    highlightStyle: 'background',
    hoverDelayMs: 300,
    language: 'auto',
    ...over,
  };
}

function setup(options: { lang?: Lang; settings?: Partial<Settings>; props?: Partial<OptionsPageProps> } = {}) {
  const onSave = vi.fn(async (_name: keyof Settings, _value: unknown) => {});
  const loadFactBaseInfo = vi.fn(async () => INFO);
  const onRebuild = vi.fn(
    async (): Promise<Served<FactBaseInfo>> => ({ ...INFO, value: { entities: 16, facts: 30 }, version: '2025.07.2' }),
  );
  const props: OptionsPageProps = {
    lang: options.lang ?? 'en',
    settings: baseSettings(options.settings),
    onSave: onSave as OptionsPageProps['onSave'],
    loadFactBaseInfo,
    onRebuild,
    ...options.props,
  };
  const view = render(<OptionsPage {...props} />);
  return { ...view, props, onSave, loadFactBaseInfo, onRebuild };
}

const siteInput = () => screen.getByLabelText<HTMLInputElement>('Add a site');
const listedSites = (container: Element) =>
  [...container.querySelectorAll('.site-list .site')].map((e) => e.textContent);

function addSite(text: string) {
  fireEvent.input(siteInput(), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

function importFile(file: File) {
  const input = screen.getByLabelText<HTMLInputElement>(/^(Import a list|Importer une liste)/);
  fireEvent.change(input, { target: { files: [file] } });
}

const jsonFile = (data: unknown, name = 'sites.json') =>
  new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });

describe('OptionsPage', () => {
  it('shows every section with labelled controls, in English', async () => {
    const { container } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Context Lens settings' })).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Sites', 'Categories', 'Highlight style', 'Hover delay', 'Language', 'Data']);
    for (const name of ['Sites', 'Categories', 'Highlight style', 'Hover delay', 'Language', 'Data'])
      expect(screen.getByRole('region', { name })).toBeTruthy();

    expect(screen.getByRole('group', { name: 'Where to highlight' })).toBeTruthy();
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: 'Everywhere, except on the sites listed' }).checked,
    ).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(false);
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    expect(screen.getByRole('button', { name: 'Remove example.com' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove other.org' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add a site' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export the list' })).toBeTruthy();
    expect(screen.getByLabelText('Import a list (a JSON file exported from Context Lens)').getAttribute('type')).toBe(
      'file',
    );
    expect(screen.getByRole('spinbutton', { name: 'Wait before showing a card, in milliseconds' })).toBeTruthy();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language of cards, popup and settings' });
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Automatic (the browser’s language)',
      'English',
      'Français',
    ]);
    expect(select.value).toBe('auto');
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('en');

    expect(await screen.findByText('2025.07.1')).toBeTruthy();
    expect(screen.getByText('15')).toBeTruthy();
    expect(screen.getByText('27')).toBeTruthy();
    expect(screen.getByText('the cache in this browser (IndexedDB)')).toBeTruthy();
  });

  it('speaks French', async () => {
    const { container } = setup({ lang: 'fr' });
    expect(screen.getByRole('heading', { level: 1, name: 'Réglages de Context Lens' })).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Sites', 'Catégories', 'Style du surlignage', 'Délai au survol', 'Langue', 'Données']);
    expect(screen.getByRole('button', { name: 'Retirer example.com' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Seulement sur les sites de la liste' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^Les sujets de l’article/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reconstruire le cache' })).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('fr');
    expect(container.textContent).not.toMatch(/Remove|Add a site|Hover delay/);

    fireEvent.input(screen.getByLabelText('Ajouter un site'), { target: { value: 'pas un site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(screen.getByRole('alert').textContent).toBe(
      '« pas un site » n’est pas un site. Saisissez un domaine comme example.com, l’adresse d’une page, une adresse IP ou file://.',
    );
    expect(await screen.findByText('le cache de ce navigateur (IndexedDB)')).toBeTruthy();
  });

  describe('sites', () => {
    it('adds a site typed in any form, as its rule key', async () => {
      const { container, onSave } = setup();
      addSite('https://WWW.News.org:8080/page');
      expect(onSave).toHaveBeenCalledWith('siteRules', {
        mode: 'all-except-listed',
        sites: ['example.com', 'news.org', 'other.org'],
      });
      expect(listedSites(container)).toEqual(['example.com', 'news.org', 'other.org']);
      expect(container.textContent).toContain('news.org added.');
      expect(siteInput().value).toBe('');
    });

    it('adds international names as punycode', () => {
      const { onSave } = setup();
      addSite('bücher.de');
      expect(onSave).toHaveBeenLastCalledWith('siteRules', {
        mode: 'all-except-listed',
        sites: ['example.com', 'other.org', 'xn--bcher-kva.de'],
      });
    });

    it('rejects what is not a site with an inline error, and saves nothing', () => {
      const { onSave } = setup();
      addSite('not a host');
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(
        '“not a host” is not a site. Type a domain such as example.com, a page address, an IP address or file://.',
      );
      expect(siteInput().getAttribute('aria-invalid')).toBe('true');
      expect(siteInput().getAttribute('aria-describedby')).toContain(alert.id);
      expect(siteInput().value).toBe('not a host');
      for (const bad of ['chrome://extensions', 'about:blank', 'exa_mple']) {
        addSite(bad);
        expect(screen.getByRole('alert').textContent).toContain(`“${bad}” is not a site.`);
      }
      addSite('   ');
      expect(screen.getByRole('alert').textContent).toBe('Type a site to add.');
      expect(onSave).not.toHaveBeenCalled();

      // Typing again clears the error.
      fireEvent.input(siteInput(), { target: { value: 'ok.com' } });
      expect(screen.queryByRole('alert')).toBeNull();
      expect(siteInput().hasAttribute('aria-invalid')).toBe(false);
    });

    it('says when a site is already listed or covered by a parent, and saves nothing', () => {
      const { container, onSave } = setup();
      addSite('www.example.com');
      expect(container.textContent).toContain('example.com is already listed.');
      addSite('blog.example.com');
      expect(container.textContent).toContain('blog.example.com is already covered by example.com.');
      addSite('notexample.com');
      expect(onSave).toHaveBeenCalledTimes(1);
      expect(onSave).toHaveBeenCalledWith('siteRules', {
        mode: 'all-except-listed',
        sites: ['example.com', 'notexample.com', 'other.org'],
      });
    });

    it('removes a site and moves the focus to the next Remove button, then to the input', () => {
      const { container, onSave } = setup();
      const first = screen.getByRole('button', { name: 'Remove example.com' });
      first.focus();
      fireEvent.click(first);
      expect(onSave).toHaveBeenLastCalledWith('siteRules', { mode: 'all-except-listed', sites: ['other.org'] });
      expect(listedSites(container)).toEqual(['other.org']);
      expect(container.textContent).toContain('example.com removed.');
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove other.org' }));

      fireEvent.click(screen.getByRole('button', { name: 'Remove other.org' }));
      expect(onSave).toHaveBeenLastCalledWith('siteRules', { mode: 'all-except-listed', sites: [] });
      expect(container.querySelector('.site-list')).toBeNull();
      expect(container.textContent).toContain('No site listed: names are highlighted on every site.');
      expect(document.activeElement).toBe(siteInput());
    });

    it('switches the mode, keeping the list', () => {
      const { container, onSave } = setup();
      fireEvent.click(screen.getByRole('radio', { name: 'Only on the sites listed' }));
      expect(onSave).toHaveBeenCalledWith('siteRules', { mode: 'only-listed', sites: ['example.com', 'other.org'] });
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(true);
      expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    });

    it('explains an empty list in only-listed mode', () => {
      const { container } = setup({ settings: { siteRules: { mode: 'only-listed', sites: [] } } });
      expect(container.textContent).toContain('No site listed: nothing is highlighted until you add one.');
    });

    it('exports the list as a JSON file through a Blob and an object URL', async () => {
      let blob: Blob | undefined;
      const createObjectURL = vi.fn((b: Blob) => {
        blob = b;
        return 'blob:test-export';
      });
      vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
      const clicked: { href: string; download: string }[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      });
      const { container } = setup({
        settings: { siteRules: { mode: 'only-listed', sites: ['example.com', '[::1]'] } },
      });

      fireEvent.click(screen.getByRole('button', { name: 'Export the list' }));
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(clicked).toEqual([{ href: 'blob:test-export', download: 'context-lens-sites.json' }]);
      expect(blob?.type).toBe('application/json');
      expect(JSON.parse(await (blob as Blob).text())).toEqual({
        format: 'context-lens-site-rules',
        version: 1,
        mode: 'only-listed',
        sites: ['example.com', '[::1]'],
      });
      // The link is gone once used.
      expect(container.ownerDocument.querySelector('a[download]')).toBeNull();
    });

    it('imports a valid file: merges its sites and reports what was added and skipped', async () => {
      const { container, onSave } = setup();
      importFile(
        jsonFile({
          format: 'context-lens-site-rules',
          version: 1,
          mode: 'only-listed',
          sites: ['WWW.Foo.org', 'example.com', 'not a host', 'bücher.de', 'chrome://settings'],
        }),
      );
      await waitFor(() => expect(onSave).toHaveBeenCalled());
      expect(onSave).toHaveBeenCalledWith('siteRules', {
        mode: 'all-except-listed',
        sites: ['example.com', 'foo.org', 'other.org', 'xn--bcher-kva.de'],
      });
      expect(listedSites(container)).toEqual(['example.com', 'foo.org', 'other.org', 'xn--bcher-kva.de']);
      const report = container.querySelector('section[aria-labelledby="opt-sites-heading"] [role="status"]');
      expect(report?.textContent).toBe(
        'sites.json: 2 new sites added. Skipped, not sites: “not a host” and “chrome://settings”. ' +
          'The file was exported with “Only on the sites listed”; your own choice above is unchanged.',
      );
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('reports a single new site, and a file with nothing new', async () => {
      const { container, onSave } = setup();
      importFile(jsonFile({ format: 'context-lens-site-rules', version: 1, sites: ['new.net'] }, 'one.json'));
      expect(await screen.findByText('one.json: 1 new site added.')).toBeTruthy();
      expect(onSave).toHaveBeenCalledTimes(1);
      importFile(jsonFile({ format: 'context-lens-site-rules', version: 1, sites: ['example.com'] }, 'same.json'));
      expect(await screen.findByText('same.json: 0 new sites added.')).toBeTruthy();
      expect(onSave).toHaveBeenCalledTimes(1);
      expect(listedSites(container)).toEqual(['example.com', 'new.net', 'other.org']);
    });

    it('imports in French', async () => {
      setup({ lang: 'fr' });
      importFile(jsonFile({ format: 'context-lens-site-rules', version: 1, sites: ['a.com', 'b.com', 'x y'] }));
      expect(
        await screen.findByText('sites.json : 2 nouveaux sites ajoutés. Ignorés, ce ne sont pas des sites : « x y ».'),
      ).toBeTruthy();
    });

    it('changes nothing and says why for a file that is not JSON', async () => {
      const { container, onSave } = setup();
      importFile(jsonFile('{"format": "context-lens-site-rules", ', 'broken.json'));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'broken.json is not a JSON file. Nothing was changed.',
      );
      expect(onSave).not.toHaveBeenCalled();
      expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    });

    it.each([
      ['another format', { format: 'something-else', version: 1, sites: ['a.com'] }],
      ['a newer version', { format: 'context-lens-site-rules', version: 2, sites: ['a.com'] }],
      ['no sites', { format: 'context-lens-site-rules', version: 1 }],
      ['sites as a string', { format: 'context-lens-site-rules', version: 1, sites: 'a.com' }],
      ['a number among the sites', { format: 'context-lens-site-rules', version: 1, sites: ['a.com', 42] }],
      ['an unknown mode', { format: 'context-lens-site-rules', version: 1, mode: 'sometimes', sites: ['a.com'] }],
      ['a bare array', ['a.com']],
      ['null', null],
      ['a number', 7],
    ])('changes nothing and says why for a file with %s', async (_what, data) => {
      const { container, onSave } = setup();
      importFile(jsonFile(data, 'wrong.json'));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'wrong.json is not a list of sites exported from Context Lens. Nothing was changed.',
      );
      expect(onSave).not.toHaveBeenCalled();
      expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    });

    it('refuses a file too large to be a list, without reading it', async () => {
      const { onSave } = setup();
      const file = new File(['x'.repeat(1_000_001)], 'huge.json');
      const text = vi.spyOn(file, 'text');
      importFile(file);
      expect((await screen.findByRole('alert')).textContent).toBe(
        'huge.json is too large to be a list of sites. Nothing was changed.',
      );
      expect(text).not.toHaveBeenCalled();
      expect(onSave).not.toHaveBeenCalled();
    });

    it('accepts a file that starts with a byte-order mark', async () => {
      const { onSave } = setup();
      importFile(
        jsonFile(`\uFEFF${JSON.stringify({ format: 'context-lens-site-rules', version: 1, sites: ['a.com'] })}`),
      );
      await waitFor(() => expect(onSave).toHaveBeenCalled());
    });
  });

  describe('categories', () => {
    it('has the article’s subjects on by default and the others off', () => {
      setup();
      const box = (name: RegExp) => screen.getByRole<HTMLInputElement>('checkbox', { name });
      expect(screen.getByRole('group', { name: 'Names to highlight' })).toBeTruthy();
      expect(box(/^The article’s subjects/).checked).toBe(true);
      expect(box(/^Organisations/).checked).toBe(false);
      expect(box(/^Products/).checked).toBe(false);
      expect(box(/^AI models/).checked).toBe(false);
    });

    it('saves the categories in their canonical order', () => {
      const { onSave } = setup();
      fireEvent.click(screen.getByRole('checkbox', { name: /^AI models/ }));
      expect(onSave).toHaveBeenLastCalledWith('categories', ['subject', 'model']);
      fireEvent.click(screen.getByRole('checkbox', { name: /^Organisations/ }));
      expect(onSave).toHaveBeenLastCalledWith('categories', ['subject', 'organisation', 'model']);
      fireEvent.click(screen.getByRole('checkbox', { name: /^The article’s subjects/ }));
      expect(onSave).toHaveBeenLastCalledWith('categories', ['organisation', 'model']);
    });

    it('keeps at least one category, and says how to stop highlighting instead', () => {
      const { onSave } = setup();
      const subjects = screen.getByRole<HTMLInputElement>('checkbox', { name: /^The article’s subjects/ });
      fireEvent.click(subjects);
      expect(subjects.checked).toBe(true);
      expect(onSave).not.toHaveBeenCalled();
      const note = document.getElementById('opt-categories-note');
      expect(note?.getAttribute('role')).toBe('status');
      expect(note?.textContent).toBe(
        'Keep at least one category. To stop highlighting, pause Context Lens from its toolbar button, or list sites above.',
      );
      fireEvent.click(screen.getByRole('checkbox', { name: /^Products/ }));
      expect(note?.textContent).toBe('');
    });

    it('warns when the stored list is empty', () => {
      setup({ settings: { categories: [] } });
      expect(document.getElementById('opt-categories-note')?.textContent).toBe(
        'No category is selected: nothing will be highlighted.',
      );
    });
  });

  describe('highlight style and preview', () => {
    class FakeHighlight {
      readonly ranges = new Set<Range>();
      add(range: Range) {
        this.ranges.add(range);
        return this;
      }
    }

    function fakeHighlightApi() {
      const registry = new Map<string, FakeHighlight>();
      // happy-dom has neither; its `CSS` is a fresh object on every read, so the whole global is stubbed.
      vi.stubGlobal('Highlight', FakeHighlight);
      vi.stubGlobal('CSS', { highlights: registry });
      return {
        registry,
        painted: () =>
          Object.fromEntries(
            [...registry].map(([name, h]) => [name, [...h.ranges].map((r) => r.toString()).sort()]),
          ) as Record<string, string[]>,
      };
    }

    it('paints the preview under the content script’s highlight names, and follows the style', () => {
      const api = fakeHighlightApi();
      const { onSave, unmount } = setup();
      expect(api.painted()).toEqual({ 'context-lens-subject': ['Apple Intelligence', 'Craig Federighi', 'Siri'] });

      fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
      expect(onSave).toHaveBeenCalledWith('highlightStyle', 'underline');
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(true);
      expect(api.painted()).toEqual({
        'context-lens-subject-underline': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
      });

      fireEvent.click(screen.getByRole('checkbox', { name: /^Organisations/ }));
      fireEvent.click(screen.getByRole('checkbox', { name: /^AI models/ }));
      expect(api.painted()).toEqual({
        'context-lens-subject-underline': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
        'context-lens-organisation-underline': ['Apple'],
        'context-lens-model-underline': ['ChatGPT'],
      });

      unmount();
      expect(api.registry.size).toBe(0);
    });

    it('paints the French sentence too', () => {
      const api = fakeHighlightApi();
      setup({ lang: 'fr', settings: { categories: ['subject', 'product'] } });
      expect(document.querySelector('.preview-text')?.textContent).toMatch(/^Sur une page qui cite Craig Federighi/);
      expect(api.painted()).toEqual({
        'context-lens-subject': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
        'context-lens-product': ['iPhone'],
      });
    });

    it('shows the sentence unpainted where the Highlight API is missing', () => {
      expect(CSS.highlights).toBeUndefined();
      setup();
      expect(screen.getByText('Preview')).toBeTruthy();
      expect(document.querySelector('.preview-text')?.textContent).toBe(
        'A page that mentions Craig Federighi, Siri or Apple Intelligence shows them like this; ' +
          'Apple, the iPhone and ChatGPT too, once their categories are on.',
      );
    });

    it('paints its preview with the content script’s own stylesheet, and has no copy of its rules', () => {
      const rules = (path: string) =>
        readFileSync(`${ROOT}${path}`, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .match(/::highlight\([^{]+\{[^}]*\}/g) ?? [];
      expect(rules('components/highlights.css').length).toBeGreaterThanOrEqual(4);
      expect(rules('entrypoints/options/style.css')).toEqual([]);
      for (const entry of ['entrypoints/options/main.tsx', 'entrypoints/annotate.content/index.ts'])
        expect(readFileSync(`${ROOT}${entry}`, 'utf8')).toContain("import '@/components/highlights.css';");
    });
  });

  describe('hover delay', () => {
    const field = () => screen.getByRole<HTMLInputElement>('spinbutton', { name: /Wait before showing a card/ });

    it('saves a valid delay when committed', () => {
      const { onSave } = setup();
      expect(field().value).toBe('300');
      expect(field().min).toBe('0');
      expect(field().max).toBe('3000');
      expect(field().step).toBe('50');
      fireEvent.input(field(), { target: { value: '450' } });
      expect(screen.queryByRole('alert')).toBeNull();
      fireEvent.change(field());
      expect(onSave).toHaveBeenCalledWith('hoverDelayMs', 450);
      fireEvent.input(field(), { target: { value: '0' } });
      fireEvent.change(field());
      expect(onSave).toHaveBeenLastCalledWith('hoverDelayMs', 0);
    });

    it.each(['5000', '3001', '-50', '', '12.5'])('shows an error for %j and saves nothing', (value) => {
      const { onSave } = setup();
      fireEvent.input(field(), { target: { value } });
      fireEvent.change(field());
      expect(screen.getByRole('alert').textContent).toBe('Enter a whole number of milliseconds from 0 to 3000.');
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(onSave).not.toHaveBeenCalled();
    });

    it('shows a value saved elsewhere', () => {
      const { rerender, props } = setup();
      rerender(<OptionsPage {...props} settings={baseSettings({ hoverDelayMs: 1200 })} />);
      expect(field().value).toBe('1200');
    });
  });

  it('saves the language', () => {
    const { onSave } = setup();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: /Language of cards/ });
    fireEvent.change(select, { target: { value: 'fr' } });
    expect(onSave).toHaveBeenCalledWith('language', 'fr');
  });

  it('says when a change could not be saved', async () => {
    setup({ props: { onSave: vi.fn(async () => Promise.reject(new Error('quota'))) } });
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    expect(await screen.findByText('This change could not be saved.')).toBeTruthy();
  });

  it('says so too when saving throws at once, and clears the alert on the next save that succeeds', async () => {
    const onSave = vi.fn((name: keyof Settings) => {
      if (name === 'highlightStyle') throw new Error('no storage');
      return Promise.resolve();
    });
    setup({ props: { onSave: onSave as OptionsPageProps['onSave'] } });
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    expect(await screen.findByText('This change could not be saved.')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Only on the sites listed' }));
    await waitFor(() => expect(screen.queryByText('This change could not be saved.')).toBeNull());
  });

  it('follows settings changed on another page', () => {
    const { container, rerender, props } = setup();
    rerender(
      <OptionsPage
        {...props}
        settings={baseSettings({
          siteRules: { mode: 'only-listed', sites: ['news.org'] },
          highlightStyle: 'underline',
          categories: ['subject', 'product'],
        })}
      />,
    );
    expect(listedSites(container)).toEqual(['news.org']);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /^Products/ }).checked).toBe(true);
  });

  it('offers to resume when paused', () => {
    const { onSave } = setup({ settings: { paused: true } });
    expect(screen.getByText('Paused: nothing is highlighted until you turn this back on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onSave).toHaveBeenCalledWith('paused', false);
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
  });

  describe('data', () => {
    it('rebuilds the cache and announces the result', async () => {
      const { onRebuild, container } = setup();
      await screen.findByText('2025.07.1');
      let finish!: (served: Served<FactBaseInfo>) => void;
      onRebuild.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
      const button = screen.getByRole('button', { name: 'Rebuild the cache' });
      button.focus();
      fireEvent.click(button);
      expect(onRebuild).toHaveBeenCalledTimes(1);
      const status = container.querySelector('section[aria-labelledby="opt-data-heading"] [role="status"]');
      expect(status?.getAttribute('aria-live')).toBe('polite');
      await waitFor(() => expect(status?.textContent).toBe('Rebuilding the cache…'));
      expect(button.getAttribute('aria-disabled')).toBe('true');
      fireEvent.click(button);
      expect(onRebuild).toHaveBeenCalledTimes(1);

      finish({ value: { entities: 1234, facts: 30 }, origin: 'indexeddb', version: '2025.07.2' });
      await waitFor(() =>
        expect(status?.textContent).toBe('Cache rebuilt: 1,234 entities and 30 facts, version 2025.07.2.'),
      );
      expect(screen.getByText('2025.07.2')).toBeTruthy();
      expect(button.hasAttribute('aria-disabled')).toBe(false);
      // Never disabled, so the keyboard focus stayed on it throughout.
      expect(document.activeElement).toBe(button);
    });

    it('says when the rebuild fell back to the bundled copy, or failed', async () => {
      const { onRebuild, container } = setup({ lang: 'fr' });
      const status = () => container.querySelector('section[aria-labelledby="opt-data-heading"] [role="status"]');
      onRebuild.mockResolvedValueOnce({ ...INFO, origin: 'bundled' });
      fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
      await waitFor(() =>
        expect(status()?.textContent).toBe(
          'Le cache n’a pas pu être reconstruit ; la copie fournie avec l’extension est utilisée à la place.',
        ),
      );
      expect(screen.getByText('la copie fournie avec l’extension (le cache est indisponible)')).toBeTruthy();

      onRebuild.mockRejectedValueOnce(new Error('no background'));
      fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
      await waitFor(() => expect(status()?.textContent).toBe('Le cache n’a pas pu être reconstruit.'));
    });

    it('shows French number formats', async () => {
      const { onRebuild, container } = setup({ lang: 'fr' });
      onRebuild.mockResolvedValueOnce({ ...INFO, value: { entities: 1234, facts: 5 } });
      fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
      await waitFor(() => expect(container.textContent).toMatch(/Cache reconstruit : 1\s234 entités et 5 faits/));
    });

    it('says when the fact base cannot be read', async () => {
      setup({ props: { loadFactBaseInfo: () => Promise.reject(new Error('x')) } });
      expect(await screen.findByText('The fact base could not be read.')).toBeTruthy();
    });
  });

  describe('repaired-settings notice', () => {
    it('names the repaired settings once, until dismissed', () => {
      const onDismissNotices = vi.fn();
      setup({ props: { notices: ['siteRules', 'hoverDelayMs'], onDismissNotices } });
      const notice = screen.getByText('Some settings could not be read and were reset: Sites and Hover delay.');
      expect(notice.closest('[role="status"]')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(onDismissNotices).toHaveBeenCalledTimes(1);
      expect(screen.queryByText(/could not be read and were reset/)).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    });

    it('speaks French and shows no notice when nothing was repaired', () => {
      const { unmount } = setup({ lang: 'fr', props: { notices: ['language', 'categories', 'paused'] } });
      expect(
        screen.getByText(
          'Des réglages étaient illisibles et ont été rétablis : Langue, Catégories et Tout mettre en pause.',
        ),
      ).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Masquer' })).toBeTruthy();
      unmount();
      setup({ props: { notices: [] } });
      expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    });
  });
});
