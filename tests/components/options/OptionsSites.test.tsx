import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addSite, listedSites, setup, siteInput, statusOf } from './options-setup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const stored = (sites: string[], mode = 'all-except-listed') => ({ mode, sites, unreadable: [] });

describe('the Sites section', () => {
  it('adds a site typed in any form, as its rule key, and says so once it is stored', async () => {
    const { container, onSaveSiteRules } = setup();
    addSite('https://WWW.News.org:8080/page');
    await waitFor(() => expect(onSaveSiteRules).toHaveBeenCalledWith(stored(['example.com', 'news.org', 'other.org'])));
    expect(siteInput().value).toBe('');
    await waitFor(() => expect(listedSites(container)).toEqual(['example.com', 'news.org', 'other.org']));
    expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe('news.org added.');
    expect(container.textContent).toContain('3 sites listed');
  });

  it('adds international names as punycode', async () => {
    const { onSaveSiteRules } = setup();
    addSite('bücher.de');
    await waitFor(() =>
      expect(onSaveSiteRules).toHaveBeenLastCalledWith(stored(['example.com', 'other.org', 'xn--bcher-kva.de'])),
    );
  });

  it('rejects what is not a site with an inline error, clears the last status, and saves nothing', async () => {
    const { container, onSaveSiteRules } = setup();
    addSite('new.org');
    await waitFor(() => expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe('new.org added.'));
    addSite('not a host');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      '“not a host” is not a site. Type a domain such as example.com, a page address, an IP address or file://.',
    );
    // The old "added" line does not stay beside the new error.
    expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe('');
    expect(siteInput().getAttribute('aria-invalid')).toBe('true');
    expect(siteInput().getAttribute('aria-describedby')).toContain(alert.id);
    for (const bad of ['chrome://extensions', 'about:blank', 'exa_mple']) {
      addSite(bad);
      expect(screen.getByRole('alert').textContent).toContain(`“${bad}” is not a site.`);
    }
    addSite(`${'a'.repeat(250)}.com`);
    expect(screen.getByRole('alert').textContent).toBe('A site name has at most 253 characters.');
    addSite('   ');
    expect(screen.getByRole('alert').textContent).toBe('Type a site to add.');
    expect(onSaveSiteRules).toHaveBeenCalledTimes(1);
    fireEvent.input(siteInput(), { target: { value: 'ok.com' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when a site is already listed or covered by a parent, and saves nothing', async () => {
    const { container, onSaveSiteRules } = setup();
    addSite('www.example.com');
    expect(container.textContent).toContain('example.com is already listed.');
    addSite('blog.example.com');
    expect(container.textContent).toContain('blog.example.com is already covered by example.com.');
    expect(onSaveSiteRules).not.toHaveBeenCalled();
  });

  it('removes sites, each worked out on the list the one before stored, and moves the focus', async () => {
    const { container, onSaveSiteRules } = setup();
    const first = screen.getByRole('button', { name: 'Remove example.com' });
    first.focus();
    fireEvent.click(first);
    // A second click before the first save is done: both removals count.
    fireEvent.click(screen.getByRole('button', { name: 'Remove other.org' }));
    await waitFor(() => expect(onSaveSiteRules).toHaveBeenCalledTimes(2));
    expect(onSaveSiteRules.mock.calls.map(([rules]) => rules)).toEqual([stored(['other.org']), stored([])]);
    await waitFor(() => expect(container.querySelector('.site-list:not(.muted-list)')).toBeNull());
    expect(container.textContent).toContain('No site listed: names are highlighted on every site.');
    expect(document.activeElement).toBe(siteInput());
  });

  it('switches the mode once stored, keeping the list', async () => {
    const { container, onSaveSiteRules } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Only on the sites listed' }));
    await waitFor(() =>
      expect(onSaveSiteRules).toHaveBeenCalledWith(stored(['example.com', 'other.org'], 'only-listed')),
    );
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Only on the sites listed' }).checked).toBe(true),
    );
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
  });

  it('shows what is stored, and why, when a change could not be saved', async () => {
    const { container } = setup({
      props: { onSaveSiteRules: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) },
    });
    addSite('new.org');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This change could not be saved. The browser has no room left to store it. What is shown is what is stored.',
    );
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
    expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe('');
    expect(container.textContent).not.toContain('new.org added');
  });

  it('says when too many changes came too fast', async () => {
    const rate = new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    setup({ props: { onSaveSiteRules: vi.fn(async () => Promise.reject(rate)) } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove other.org' }));
    expect((await screen.findByRole('alert')).textContent).toContain('wait a minute and try again');
    expect(screen.getByRole('button', { name: 'Remove other.org' })).toBeTruthy();
  });

  it('says where the list is kept, and when a change moved it out of sync', async () => {
    const { container } = setup({ props: { onSaveSiteRules: vi.fn(async () => 'local' as const) } });
    expect(container.querySelector('[data-area="sync"]')?.textContent).toMatch(
      /^Synced with your other browsers \(0\.\d kB of the 86 kB that can be synced\)\.$/,
    );
    expect(container.textContent).toContain('Up to 20,000 sites.');
    addSite('new.org');
    await waitFor(() =>
      expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe(
        'new.org added. The list is now too large to sync: it is kept in this browser only.',
      ),
    );
    expect(container.querySelector('[data-area="local"]')?.textContent).toMatch(/^Kept in this browser only/);
  });

  it('names entries that are not sites and what they mean, and removes them on request', async () => {
    const { container, onSaveSiteRules } = setup({ rules: { unreadable: [42, 'x y'], problem: 'damaged' } });
    expect(container.querySelector('.sites-problem')?.textContent).toContain(
      'Some entries of the list are not sites: “42” and “x y”. Until you remove them, Context Lens stays off on sites not listed',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    await waitFor(() => expect(onSaveSiteRules).toHaveBeenCalledWith(stored(['example.com', 'other.org'])));
    await waitFor(() => expect(container.querySelector('.sites-problem')).toBeNull());
    expect(statusOf(container, 'opt-sites-heading')?.textContent).toBe('Entries that were not sites removed.');
  });

  it('keeps entries it cannot read through other changes', async () => {
    const { onSaveSiteRules } = setup({ rules: { unreadable: [42], problem: 'damaged' } });
    addSite('new.org');
    await waitFor(() =>
      expect(onSaveSiteRules).toHaveBeenCalledWith({
        ...stored(['example.com', 'new.org', 'other.org']),
        unreadable: [42],
      }),
    );
  });

  it('asks for a mode when the stored one is unknown, and offers no change of the list until then', async () => {
    const { container, onSaveSiteRules } = setup({ rules: { mode: null, problem: 'damaged' } });
    expect(container.textContent).toContain('Where to highlight could not be read');
    expect(screen.getAllByRole<HTMLInputElement>('radio', { name: /sites listed/ }).some((r) => r.checked)).toBe(false);
    expect(screen.queryByRole('button', { name: 'Remove example.com' })).toBeNull();
    expect(screen.queryByLabelText('Add a site')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Only on the sites listed' }));
    await waitFor(() =>
      expect(onSaveSiteRules).toHaveBeenCalledWith(stored(['example.com', 'other.org'], 'only-listed')),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove example.com' })).toBeTruthy());
  });

  it.each([
    ['incomplete', 'has not fully arrived from your other browsers'],
    ['unreadable', 'could not be read, so Context Lens stays off everywhere'],
  ] as const)('shows no editor while the list is %s, and says why', (problem, text) => {
    const { container } = setup({ rules: { problem } });
    expect(container.textContent).toContain(text);
    expect(screen.queryByRole('group', { name: 'Where to highlight' })).toBeNull();
    expect(screen.queryByLabelText('Add a site')).toBeNull();
  });

  it('finds a site in a long list, and shows a few hundred rows at most', () => {
    const sites = Array.from({ length: 1500 }, (_, i) => `s${String(i).padStart(4, '0')}.example`);
    const { container } = setup({ settings: { siteRules: { mode: 'all-except-listed', sites } } });
    expect(container.textContent).toContain('1,500 sites listed');
    expect(listedSites(container)).toHaveLength(200);
    expect(container.textContent).toContain('1,300 more not shown: find a site to see it.');
    fireEvent.input(screen.getByLabelText('Find a site in the list'), { target: { value: 'S1499' } });
    expect(listedSites(container)).toEqual(['s1499.example']);
    expect(screen.getByText('Sites found: 1 of 1,500.')).toBeTruthy();
  });

  it('speaks French', () => {
    const { container } = setup({ lang: 'fr' });
    expect(container.textContent).toContain('2 sites dans la liste');
    expect(container.textContent).toContain('Synchronisée avec vos autres navigateurs');
    fireEvent.input(screen.getByLabelText('Ajouter un site'), { target: { value: 'pas un site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(screen.getByRole('alert').textContent).toBe(
      '« pas un site » n’est pas un site. Saisissez un domaine comme example.com, l’adresse d’une page, une adresse IP ou file://.',
    );
  });
});
