import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { sampleMentions, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const loadSummary = async () => servedSummary();
const mentions = sampleMentions();

/** A loadSummary whose promise the test settles by hand. */
function deferred() {
  let resolve!: (value: Served<SummaryData>) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Served<SummaryData>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { load: () => promise, resolve, reject };
}

describe('Popup', () => {
  it('shows loading, then the headline, source and key points in English', async () => {
    const { load, resolve } = deferred();
    const { container } = render(<Popup lang="en" loadSummary={load} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('data-state')).toBe('loading');
    expect(screen.queryByText('Apple shelved an open-source plan')).toBeNull();

    resolve(servedSummary());
    expect(await screen.findByText('Apple shelved an open-source plan')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('heading', { name: 'What the article says' })).toBeTruthy();
    expect(screen.getByText('Key points')).toBeTruthy();
    const points = [...container.querySelectorAll('.points li')].map((li) => li.textContent);
    expect(points).toEqual(['The models team wanted to publish its models.', 'Craig Federighi opposed it.']);
    // The headline is labelled as the project's summary; the source is named by what is known of it.
    expect(container.querySelector('.headline-label')?.textContent).toBe(
      'Summary by Context Lens, not the article’s title',
    );
    expect(container.querySelector('.source')?.textContent).toBe(
      'Source: French-language article, July 2025, relaying The Information' +
        'Its title and the outlet that published it are not known.',
    );
    expect(container.querySelector('.source cite')).toBeNull();
    // The pack's name is the project's, not the article's title: it is not shown as the source.
    expect(container.textContent).not.toContain('Tensions in Apple’s AI team');
    expect(container.textContent).toContain('Fact base test-1');
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(container.querySelector('main')?.getAttribute('data-state')).toBe('ready');
    expect(container.querySelector('main')?.getAttribute('data-origin')).toBe('indexeddb');
  });

  it('shows the error message when loadSummary rejects', async () => {
    const { load, reject } = deferred();
    const { container } = render(<Popup lang="en" loadSummary={load} />);
    reject(new Error('no answer from the background'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The fact base could not be read.');
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(container.querySelector('.summary')).toBeNull();
    expect(container.querySelector('main')?.getAttribute('data-state')).toBe('error');
  });

  it('shows the error message in French', async () => {
    render(<Popup lang="fr" loadSummary={() => Promise.reject(new Error('x'))} />);
    expect((await screen.findByRole('alert')).textContent).toBe('La base de faits n’a pas pu être lue.');
  });
});

describe('Popup on a page', () => {
  it('says plainly when the extension cannot run on the page, in both languages', () => {
    render(<Popup lang="en" loadSummary={loadSummary} page={{ status: 'unsupported' }} />);
    expect(screen.getByText(/cannot run on this page/)).toBeTruthy();
    cleanup();
    render(<Popup lang="fr" loadSummary={loadSummary} page={{ status: 'unsupported' }} />);
    expect(screen.getByText(/ne peut pas fonctionner ici/)).toBeTruthy();
  });

  it('asks for a reload on a page opened before the extension was installed', () => {
    render(<Popup lang="en" loadSummary={loadSummary} page={{ status: 'reload' }} />);
    expect(screen.getByText('Reload this page to start highlighting it.')).toBeTruthy();
  });

  it('switches the site off and pauses, through its switches', () => {
    const onSetSiteEnabled = vi.fn();
    const onSetPaused = vi.fn();
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        page={{ status: 'ready', site: 'example.com', enabled: true, paused: false }}
        onSetSiteEnabled={onSetSiteEnabled}
        onSetPaused={onSetPaused}
      />,
    );
    const site = screen.getByRole('switch', { name: 'Highlight on example.com' }) as HTMLInputElement;
    expect(site.checked).toBe(true);
    fireEvent.click(site);
    expect(onSetSiteEnabled).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('switch', { name: 'Pause everywhere' }));
    expect(onSetPaused).toHaveBeenCalledWith(true);
  });

  it('hides the list and says so when the site is off', () => {
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        page={{ status: 'ready', site: 'example.com', enabled: false, paused: false }}
        loadMentions={async () => ({ mentions, limit: 'none' })}
      />,
    );
    expect(screen.getByText('Highlighting is off on example.com.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'On this page' })).toBeNull();
  });
});
