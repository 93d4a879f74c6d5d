import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { sampleBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

function served(origin: Served<SummaryData>['origin'] = 'indexeddb'): Served<SummaryData> {
  const base = sampleBase();
  return { value: { source: base.source, summary: base.summary }, origin, version: 'test-1' };
}

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

    resolve(served());
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

  it('shows the summary in French', async () => {
    const { container } = render(<Popup lang="fr" loadSummary={async () => served()} />);
    expect(screen.getByText('Chargement…')).toBeTruthy();
    expect(await screen.findByText('Apple a enterré un projet open source')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ce que dit l’article' })).toBeTruthy();
    expect(screen.getByText('Points clés')).toBeTruthy();
    const points = [...container.querySelectorAll('.points li')].map((li) => li.textContent);
    expect(points).toEqual(['L’équipe des modèles voulait publier ses modèles.', 'Craig Federighi s’y est opposé.']);
    expect(container.querySelector('.headline-label')?.textContent).toBe(
      'Résumé par Context Lens, pas le titre de l’article',
    );
    expect(container.querySelector('.source')?.textContent).toBe(
      'Source : Article en français, juillet 2025, relayant The Information' +
        'Ni son titre ni le média qui l’a publié ne sont connus.',
    );
    expect(container.textContent).not.toContain('Tensions dans l’équipe IA d’Apple');
    expect(container.textContent).toContain('Base de faits test-1');
    expect(container.textContent).not.toContain('Apple shelved');
    expect(container.querySelector('main')?.getAttribute('lang')).toBe('fr');
  });

  for (const [known, title, outlet, note] of [
    ['title and outlet', 'Le vrai titre', 'Le Journal', null],
    ['title only', 'Le vrai titre', undefined, 'The outlet that published it is not known.'],
    ['outlet only', undefined, 'Le Journal', 'Its title is not known.'],
  ] as const) {
    it(`shows the source's own ${known} when known, and says what is not`, async () => {
      const data = served();
      data.value.source = { ...data.value.source, title, outlet };
      const { container } = render(<Popup lang="en" loadSummary={async () => data} />);
      await screen.findByText('Apple shelved an open-source plan');
      const source = container.querySelector('.source');
      const cite = source?.querySelector('cite');
      expect(cite?.textContent ?? null).toBe(title ?? null);
      if (cite) expect(cite.getAttribute('lang')).toBe('fr');
      if (outlet) expect(source?.textContent).toContain(outlet);
      expect(source?.textContent).toContain('French-language article, July 2025, relaying The Information');
      expect(source?.querySelector('small')?.textContent ?? null).toBe(note);
    });
  }

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

  it('shows the "bundled copy" notice when the answer came from the bundle', async () => {
    const { container } = render(<Popup lang="en" loadSummary={async () => served('bundled')} />);
    expect(await screen.findByText(/Shown from the copy bundled with the extension\./)).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('data-origin')).toBe('bundled');
  });

  it('shows the "bundled copy" notice in French', async () => {
    render(<Popup lang="fr" loadSummary={async () => served('bundled')} />);
    expect(await screen.findByText(/Affiché depuis la copie fournie avec l’extension\./)).toBeTruthy();
  });

  it('does not show the notice when the answer came from IndexedDB', async () => {
    const { container } = render(<Popup lang="en" loadSummary={async () => served('indexeddb')} />);
    await screen.findByText('Apple shelved an open-source plan');
    expect(container.textContent).not.toContain('bundled with the extension');
  });

  it('renders text from the data as text, never as markup', async () => {
    const data = served();
    data.value.summary.headline.en = '<img src=x onerror="window.__xss=1">Headline';
    const { container } = render(<Popup lang="en" loadSummary={async () => data} />);
    expect(await screen.findByText('<img src=x onerror="window.__xss=1">Headline')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the real bundled summary', async () => {
    const { base } = loadBundledFactBase();
    const answer: Served<SummaryData> = {
      value: { source: base.source, summary: base.summary },
      origin: 'indexeddb',
      version: base.version,
    };
    const { container } = render(<Popup lang="en" loadSummary={async () => answer} />);
    expect(await screen.findByText(base.summary.headline.en)).toBeTruthy();
    expect(container.querySelectorAll('.points li')).toHaveLength(base.summary.points.length);
    expect(container.textContent).toContain(`Fact base ${base.version}`);
  });
});
