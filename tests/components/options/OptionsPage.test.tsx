import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps } from '@/components/options/OptionsPage';
import type { Settings } from '@/lib/ext/settings';
import { baseSettings, listedSites, readOf, setup } from './options-setup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('OptionsPage', () => {
  it('shows every section with labelled controls, in English', async () => {
    const { container } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Context Lens settings' })).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    const sections = [
      'Sites',
      'Categories',
      'Highlight style',
      'Hover delay',
      'Language',
      'Muted names',
      'Export and import',
      'Data',
    ];
    expect(headings).toEqual(sections);
    for (const name of sections) expect(screen.getByRole('region', { name })).toBeTruthy();

    expect(screen.getByRole('group', { name: 'Where to highlight' })).toBeTruthy();
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: 'Everywhere, except on the sites listed' }).checked,
    ).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(false);
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    expect(screen.getByRole('button', { name: 'Remove example.com' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove other.org' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add a site' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export to a file' })).toBeTruthy();
    expect(
      screen.getByLabelText('Import a file (exported from Context Lens, or a JSON list of sites)').getAttribute('type'),
    ).toBe('file');
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
    expect(headings).toEqual([
      'Sites',
      'Catégories',
      'Style du surlignage',
      'Délai au survol',
      'Langue',
      'Noms masqués',
      'Exporter et importer',
      'Données',
    ]);
    expect(screen.getByRole('button', { name: 'Retirer example.com' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Seulement sur les sites de la liste' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^Les sujets de l’article/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reconstruire le cache' })).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('fr');
    expect(container.textContent).not.toMatch(/Remove|Add a site|Hover delay|Muted|sites listed/);
    expect(await screen.findByText('le cache de ce navigateur (IndexedDB)')).toBeTruthy();
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

    it('saves the categories in their canonical order, each click on what the one before stored', async () => {
      const { onSave } = setup();
      fireEvent.click(screen.getByRole('checkbox', { name: /^AI models/ }));
      fireEvent.click(screen.getByRole('checkbox', { name: /^Organisations/ }));
      await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
      expect(onSave).toHaveBeenNthCalledWith(1, 'categories', ['subject', 'model']);
      expect(onSave).toHaveBeenNthCalledWith(2, 'categories', ['subject', 'organisation', 'model']);
      fireEvent.click(screen.getByRole('checkbox', { name: /^The article’s subjects/ }));
      await waitFor(() => expect(onSave).toHaveBeenLastCalledWith('categories', ['organisation', 'model']));
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

  describe('hover delay', () => {
    const field = () => screen.getByRole<HTMLInputElement>('spinbutton', { name: /Wait before showing a card/ });

    it('saves a valid delay when committed', async () => {
      const { onSave } = setup();
      expect(field().value).toBe('300');
      expect(field().min).toBe('0');
      expect(field().max).toBe('3000');
      expect(field().step).toBe('50');
      fireEvent.input(field(), { target: { value: '450' } });
      expect(screen.queryByRole('alert')).toBeNull();
      fireEvent.change(field());
      await waitFor(() => expect(onSave).toHaveBeenCalledWith('hoverDelayMs', 450));
      fireEvent.input(field(), { target: { value: '0' } });
      fireEvent.change(field());
      await waitFor(() => expect(onSave).toHaveBeenLastCalledWith('hoverDelayMs', 0));
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
      rerender(<OptionsPage {...props} read={readOf(baseSettings({ hoverDelayMs: 1200 }))} />);
      expect(field().value).toBe('1200');
    });
  });

  it('saves the language', async () => {
    const { onSave } = setup();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: /Language of cards/ });
    fireEvent.change(select, { target: { value: 'fr' } });
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('language', 'fr'));
  });

  it('says when a change could not be saved, in its own section, with why', async () => {
    const { container } = setup({
      props: { onSave: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    const alert = await screen.findByText('This change could not be saved. The browser has no room left to store it.');
    expect(alert.closest('section')?.getAttribute('aria-labelledby')).toBe('opt-style-heading');
    // What is shown is what is stored.
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(false);
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });

  it('says so too when saving throws at once, and clears the alert on the next save that succeeds', async () => {
    const onSave = vi.fn((name: keyof Settings) => {
      if (name === 'highlightStyle') throw new Error('no storage');
      return Promise.resolve();
    });
    setup({ props: { onSave: onSave as OptionsPageProps['onSave'] } });
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    expect(await screen.findByText('This change could not be saved.')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Coloured background' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('combobox', { name: /Language of cards/ }));
    fireEvent.change(screen.getByRole('combobox', { name: /Language of cards/ }), { target: { value: 'fr' } });
    await waitFor(() => expect(screen.queryByText('This change could not be saved.')).toBeNull());
  });

  it('follows settings changed on another page', () => {
    const { container, rerender, props } = setup();
    rerender(
      <OptionsPage
        {...props}
        read={readOf(
          baseSettings({
            siteRules: { mode: 'only-listed', sites: ['news.org'] },
            highlightStyle: 'underline',
            categories: ['subject', 'product'],
          }),
        )}
      />,
    );
    expect(listedSites(container)).toEqual(['news.org']);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /^Products/ }).checked).toBe(true);
  });

  it('offers to resume when paused', async () => {
    const { onSave } = setup({ settings: { paused: true } });
    expect(screen.getByText('Paused: nothing is highlighted until you turn this back on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('paused', false));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull());
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
