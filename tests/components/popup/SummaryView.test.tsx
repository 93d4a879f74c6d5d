import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { loadBundledFactBase } from '@/lib/facts/bundled';
import { served, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

// Rendered through the popup, which feeds the summary in as it loads it.
describe('SummaryView', () => {
  it('shows the summary in French', async () => {
    const { container } = render(<Popup lang="fr" loadSummary={async () => servedSummary()} />);
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
      const data = servedSummary();
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

  it('shows the "bundled copy" notice when the answer came from the bundle', async () => {
    const { container } = render(<Popup lang="en" loadSummary={async () => servedSummary('bundled')} />);
    expect(await screen.findByText(/Shown from the copy bundled with the extension\./)).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('data-origin')).toBe('bundled');
  });

  it('shows the "bundled copy" notice in French', async () => {
    render(<Popup lang="fr" loadSummary={async () => servedSummary('bundled')} />);
    expect(await screen.findByText(/Affiché depuis la copie fournie avec l’extension\./)).toBeTruthy();
  });

  it('does not show the notice when the answer came from IndexedDB', async () => {
    const { container } = render(<Popup lang="en" loadSummary={async () => servedSummary('indexeddb')} />);
    await screen.findByText('Apple shelved an open-source plan');
    expect(container.textContent).not.toContain('bundled with the extension');
  });

  it('renders text from the data as text, never as markup', async () => {
    const data = servedSummary();
    data.value.summary.headline.en = '<img src=x onerror="window.__xss=1">Headline';
    const { container } = render(<Popup lang="en" loadSummary={async () => data} />);
    expect(await screen.findByText('<img src=x onerror="window.__xss=1">Headline')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the real bundled summary', async () => {
    const { base } = loadBundledFactBase();
    const answer = served({ source: base.source, summary: base.summary }, 'indexeddb', base.version);
    const { container } = render(<Popup lang="en" loadSummary={async () => answer} />);
    expect(await screen.findByText(base.summary.headline.en)).toBeTruthy();
    expect(container.querySelectorAll('.points li')).toHaveLength(base.summary.points.length);
    expect(container.textContent).toContain(`Fact base ${base.version}`);
  });
});
