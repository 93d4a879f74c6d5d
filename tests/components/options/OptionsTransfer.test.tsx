import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile, jsonFile, listedSites, setup, statusOf } from './options-setup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const FORMAT = { format: 'context-lens-site-rules', version: 1 };
const report = (container: Element) => statusOf(container, 'opt-transfer-heading')?.textContent;

describe('Export and import', () => {
  it('exports where to highlight, the sites and the muted names as a JSON file', async () => {
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
      settings: { siteRules: { mode: 'only-listed', sites: ['example.com', '[::1]'] }, mutedEntities: ['siri'] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    expect(clicked).toEqual([{ href: 'blob:test-export', download: 'context-lens-settings.json' }]);
    expect(blob?.type).toBe('application/json');
    expect(JSON.parse(await (blob as Blob).text())).toEqual({
      ...FORMAT,
      mode: 'only-listed',
      sites: ['example.com', '[::1]'],
      mutedEntities: ['siri'],
    });
    expect(container.ownerDocument.querySelector('a[download]')).toBeNull();
  });

  it('imports a file: merges its sites and muted names, names what it skipped and why, once stored', async () => {
    const { container, onSaveSiteRules, onSave } = setup({ settings: { mutedEntities: ['apple'] } });
    importFile(
      jsonFile({
        ...FORMAT,
        mode: 'only-listed',
        sites: ['WWW.Foo.org', 'example.com', 'not a host', 'bücher.de', 42, 'chrome://settings'],
        mutedEntities: ['siri', 'apple', 'Not An Id'],
      }),
    );
    await waitFor(() => expect(report(container)).toBeTruthy());
    expect(onSaveSiteRules).toHaveBeenCalledWith({
      mode: 'all-except-listed',
      sites: ['example.com', 'foo.org', 'other.org', 'xn--bcher-kva.de'],
      unreadable: [],
    });
    expect(onSave).toHaveBeenCalledWith('mutedEntities', ['apple', 'siri']);
    expect(listedSites(container)).toEqual(['example.com', 'foo.org', 'other.org', 'xn--bcher-kva.de']);
    expect(report(container)).toBe(
      'sites.json: 2 new sites added. Skipped: “not a host” (not a site), “42” (not text), and “chrome://settings” (not a site). ' +
        'The file was exported with “Only on the sites listed”; your own choice above is unchanged. 1 muted name added.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('imports a plain JSON array of sites', async () => {
    const { container, onSaveSiteRules } = setup();
    importFile(jsonFile(['a.com', 'b.org'], 'list.json'));
    await waitFor(() => expect(report(container)).toBe('list.json: 2 new sites added.'));
    expect(onSaveSiteRules).toHaveBeenCalledTimes(1);
  });

  it('stores nothing for a file with nothing new', async () => {
    const { container, onSaveSiteRules } = setup();
    importFile(jsonFile({ ...FORMAT, sites: ['example.com'] }, 'same.json'));
    await waitFor(() => expect(report(container)).toBe('same.json: 0 new sites added.'));
    expect(onSaveSiteRules).not.toHaveBeenCalled();
  });

  it('says nothing was added when the sites could not be stored, and why', async () => {
    const { container } = setup({
      props: { onSaveSiteRules: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) },
    });
    importFile(jsonFile({ ...FORMAT, sites: ['new.net'] }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This change could not be saved. The browser has no room left to store it. What is shown is what is stored.',
    );
    expect(report(container)).toBe('');
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
  });

  it('clears an older report when a new error comes', async () => {
    const { container } = setup();
    importFile(jsonFile({ ...FORMAT, sites: ['new.net'] }, 'one.json'));
    await waitFor(() => expect(report(container)).toBe('one.json: 1 new site added.'));
    importFile(jsonFile('{"format": ', 'broken.json'));
    expect((await screen.findByRole('alert')).textContent).toBe('broken.json is not a JSON file. Nothing was changed.');
    expect(report(container)).toBe('');
  });

  it.each([
    [
      'another format',
      { format: 'something-else', version: 1, sites: ['a.com'] },
      'wrong.json is neither a file exported from Context Lens nor a JSON list of sites such as ["example.com", "news.org"]. Nothing was changed.',
    ],
    [
      'a newer version',
      { ...FORMAT, version: 2, sites: ['a.com'] },
      'wrong.json was exported by a newer version of Context Lens. Nothing was changed.',
    ],
    [
      'too many entries',
      Array.from({ length: 10_001 }, (_, i) => `s${i}.com`),
      'wrong.json holds 10,001 entries; a file may hold at most 10,000. Nothing was changed.',
    ],
  ])('changes nothing and says why for a file with %s', async (_what, data, message) => {
    const { container, onSaveSiteRules } = setup();
    importFile(jsonFile(data, 'wrong.json'));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(onSaveSiteRules).not.toHaveBeenCalled();
    expect(listedSites(container)).toEqual(['example.com', 'other.org']);
  });

  it('refuses a file too large to be a list, without reading it, and states the limits', async () => {
    const { container, onSaveSiteRules } = setup();
    expect(container.textContent).toContain('A file may hold up to 10,000 sites and weigh up to 4 MB.');
    const file = new File(['x'.repeat(4_000_001)], 'huge.json');
    const text = vi.spyOn(file, 'text');
    importFile(file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'huge.json is larger than 4 MB: too large to be a list of sites. Nothing was changed.',
    );
    expect(text).not.toHaveBeenCalled();
    expect(onSaveSiteRules).not.toHaveBeenCalled();
  });

  it('imports in French', async () => {
    const { container } = setup({ lang: 'fr' });
    importFile(jsonFile({ ...FORMAT, sites: ['a.com', 'b.com', 'x y'] }));
    await waitFor(() =>
      expect(report(container)).toBe('sites.json : 2 nouveaux sites ajoutés. Ignorés : « x y » (pas un site).'),
    );
  });
});

describe('Muted names', () => {
  it('lists muted names with their names, and unmutes one once stored', async () => {
    const loadEntityName = vi.fn(async (id: string) => (id === 'siri' ? 'Siri' : null));
    const { container, onSave } = setup({
      settings: { mutedEntities: ['siri', 'gone-entity'] },
      props: { loadEntityName },
    });
    expect(await screen.findByRole('button', { name: 'Unmute Siri' })).toBeTruthy();
    expect(await screen.findByText('gone-entity (not in this fact base)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute Siri' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('mutedEntities', ['gone-entity']));
    await waitFor(() => expect(statusOf(container, 'opt-muted-heading')?.textContent).toBe('Siri unmuted.'));
    expect(screen.queryByRole('button', { name: 'Unmute Siri' })).toBeNull();
  });

  it('says when none is muted, and offers to clear a list that could not be read', async () => {
    const { container, unmount } = setup();
    expect(container.textContent).toContain('No name is muted.');
    unmount();
    const { onSave } = setup({ read: { untrusted: ['mutedEntities'] } });
    expect(screen.getByText(/list of muted names could not be read/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('mutedEntities', []));
    await waitFor(() => expect(screen.queryByText(/could not be read/)).toBeNull());
  });
});
