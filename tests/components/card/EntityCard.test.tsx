import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { citeOf, LANGS, occurrences, renderCard, texts } from '@/tests/helpers/render-card';
import { cardFor, HOSTILE, handMadeBase, seedBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

describe('EntityCard: a person from the real seed', () => {
  const base = seedBase();
  const card = cardFor(base, 'craig-federighi');

  it('shows the name, type, description, facts grouped by paragraph and the source once, in English', () => {
    const { dialog } = renderCard({ lang: 'en', card, source: base.source, version: base.version });

    expect(screen.getByRole('dialog', { name: 'Craig Federighi: context' })).toBe(dialog);
    expect(dialog.getAttribute('aria-label')).toContain('Craig Federighi');
    expect(dialog.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Craig Federighi');
    expect(dialog.querySelector('.type')?.textContent).toBe('Person');
    expect(dialog.querySelector('.description')?.textContent).toBe(card.entity.description.en);
    expect(screen.getByRole('heading', { name: 'In the article' })).toBeTruthy();

    expect(card.facts.length).toBeGreaterThan(1);
    expect(texts(dialog, '.fact .fact-text')).toEqual(card.facts.map((f) => f.text.en));
    // One citation per paragraph, with the heading of its section; none under the facts themselves.
    const cites = texts(dialog, '.fact-group > .cite');
    expect(cites).toEqual([
      citeOf('Paragraph', 3, 'Un projet d’open source avorté'),
      citeOf('Paragraph', 4, 'Un projet d’open source avorté'),
    ]);
    expect(dialog.querySelectorAll('.fact .cite')).toHaveLength(0);
    expect(dialog.querySelector('.cite [lang="fr"]')?.textContent).toBe('Un projet d’open source avorté');
    expect(dialog.querySelector('.cite [aria-hidden="true"]')?.textContent).toBe('¶3');
    // The source, once, named only as far as it is known.
    expect(texts(dialog, '.card-source')).toEqual([
      'Source: French-language article, July 2025, relaying The Information',
    ]);
    expect(occurrences(dialog.textContent, 'July 2025')).toBe(1);
    expect(occurrences(dialog.textContent, 'The Information')).toBe(1);
    expect(dialog.querySelector('.background-note')).toBeNull();
    expect(dialog.querySelector('.version')?.textContent).toBe('Fact base 2025.07.2');

    // Nothing of the French version leaks in.
    for (const f of card.facts) expect(dialog.textContent).not.toContain(f.text.fr);
    expect(dialog.textContent).not.toContain('Personne');
    expect(dialog.textContent).not.toContain('Paragraphe');
  });

  it('shows the name, type, description, facts grouped by paragraph and the source once, in French', () => {
    const { dialog } = renderCard({ lang: 'fr', card, source: base.source, version: base.version });

    expect(screen.getByRole('dialog', { name: 'Craig Federighi : contexte' })).toBe(dialog);
    expect(dialog.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Craig Federighi');
    expect(dialog.querySelector('.type')?.textContent).toBe('Personne');
    expect(dialog.querySelector('.description')?.textContent).toBe(card.entity.description.fr);
    expect(screen.getByRole('heading', { name: 'Dans l’article' })).toBeTruthy();

    expect(texts(dialog, '.fact .fact-text')).toEqual(card.facts.map((f) => f.text.fr));
    expect(texts(dialog, '.fact-group > .cite')).toEqual([
      citeOf('Paragraphe', 3, 'Un projet d’open source avorté'),
      citeOf('Paragraphe', 4, 'Un projet d’open source avorté'),
    ]);
    expect(texts(dialog, '.card-source')).toEqual([
      'Source : Article en français, juillet 2025, relayant The Information',
    ]);
    expect(occurrences(dialog.textContent, 'juillet 2025')).toBe(1);
    expect(dialog.querySelector('.version')?.textContent).toBe('Base de faits 2025.07.2');

    for (const f of card.facts) expect(dialog.textContent).not.toContain(f.text.en);
    expect(dialog.textContent).not.toContain('Person ');
    expect(dialog.textContent).not.toContain('July');
  });

  it('cites only the paragraph when no source is given, and shows no version line without a version', () => {
    const { dialog } = renderCard({ lang: 'en', card });
    expect(texts(dialog, '.fact-group > .cite')).toEqual([citeOf('Paragraph', 3), citeOf('Paragraph', 4)]);
    expect(dialog.querySelector('.card-source')).toBeNull();
    expect(dialog.textContent).not.toContain('July 2025');
    expect(dialog.textContent).not.toContain('The Information');
    expect(dialog.querySelector('.version')).toBeNull();
    expect(dialog.textContent).not.toContain('Fact base');
  });
});

describe('EntityCard: every entity of the real seed', () => {
  const base = seedBase();

  for (const lang of LANGS) {
    it(`renders each card completely in ${lang}`, () => {
      const month = lang === 'en' ? 'July 2025' : 'juillet 2025';
      const paragraphWord = lang === 'en' ? 'Paragraph' : 'Paragraphe';
      const sectionOf = (p: number) => [...base.source.sections].reverse().find((s) => s.from <= p)?.heading;
      for (const entity of base.entities) {
        const card = cardFor(base, entity.id);
        const { dialog, unmount } = renderCard({ lang, card, source: base.source, version: base.version });

        expect(dialog.getAttribute('aria-label'), entity.id).toContain(entity.name[lang]);
        expect(dialog.getAttribute('lang')).toBe(lang);
        expect(dialog.querySelector('h2')?.textContent).toBe(entity.name[lang]);
        expect(dialog.querySelector('.description')?.textContent).toBe(entity.description[lang]);
        expect(dialog.querySelector('.background-note') !== null, entity.id).toBe(entity.descriptionBackground);
        expect(texts(dialog, '.fact .fact-text'), entity.id).toEqual(card.facts.map((f) => f.text[lang]));
        const cited = [...new Set(card.facts.flatMap((f) => (f.paragraph === undefined ? [] : [f.paragraph])))];
        expect(texts(dialog, '.fact-group > .cite'), entity.id).toEqual(
          cited.map((p) => citeOf(paragraphWord, p, sectionOf(p))),
        );
        // The source is named once, under the article's facts, and only if there are any.
        expect(dialog.querySelectorAll('.card-source').length, entity.id).toBe(cited.length > 0 ? 1 : 0);
        expect(occurrences(dialog.textContent, month), entity.id).toBe(cited.length > 0 ? 1 : 0);
        expect(texts(dialog, 'button.chip'), entity.id).toEqual(card.related.map((r) => r.name[lang]));
        unmount();
      }
    });
  }

  it('names the team in French with its French name and type', () => {
    const card = cardFor(base, 'foundation-models-team');
    const { dialog } = renderCard({ lang: 'fr', card });
    expect(dialog.querySelector('h2')?.textContent).toBe('Équipe des modèles fondamentaux d’Apple');
    expect(dialog.getAttribute('aria-label')).toBe('Équipe des modèles fondamentaux d’Apple : contexte');
    expect(dialog.querySelector('.type')?.textContent).toBe('Équipe');
    expect(dialog.textContent).not.toContain('foundation-models team');
  });
});

describe('EntityCard: a hand-made card', () => {
  const hand = handMadeBase();

  it('shows type labels, related entities and the version in both languages', () => {
    const card = cardFor(hand, 'lens-maker');
    const en = renderCard({ lang: 'en', card, source: hand.source, version: hand.version });
    expect(en.dialog.querySelector('.type')?.textContent).toBe('Team');
    expect(screen.getByRole('navigation', { name: 'Related' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Quiet model' })).toBeTruthy();
    expect(en.dialog.querySelector('.version')?.textContent).toBe('Fact base hand-7');
    en.unmount();

    const fr = renderCard({ lang: 'fr', card, source: hand.source, version: hand.version });
    expect(fr.dialog.querySelector('h2')?.textContent).toBe('Les fabricants de lentilles');
    expect(fr.dialog.querySelector('.type')?.textContent).toBe('Équipe');
    expect(screen.getByRole('navigation', { name: 'Voir aussi' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Modèle discret' })).toBeTruthy();
    expect(fr.dialog.querySelector('.version')?.textContent).toBe('Base de faits hand-7');
  });

  it('names the source by its own title and outlet when they are known, the title in its language', () => {
    const { dialog } = renderCard({ lang: 'en', card: cardFor(hand, 'lens-maker'), source: hand.source });
    expect(texts(dialog, '.card-source')).toEqual([
      `Source: ${HOSTILE}Une source faite main, Le Quotidien des lentilles · French-language article, July 14, 2025`,
    ]);
    expect(dialog.querySelector('.card-source cite')?.getAttribute('lang')).toBe('fr');
    // The pack's https link to its source: on its title, opened only on a click, in a tab that learns nothing of this one.
    const links = dialog.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/lentilles');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.querySelector('cite')?.textContent).toBe(`${HOSTILE}Une source faite main`);
  });

  for (const [lang, text, type] of [
    ['en', 'The article says nothing more about it.', 'AI model'],
    ['fr', 'L’article n’en dit pas plus.', 'Modèle d’IA'],
  ] as const) {
    it(`says there is nothing more when an entity has no facts (${lang})`, () => {
      const card = cardFor(hand, 'quiet-one');
      expect(card.facts).toEqual([]);
      const { dialog } = renderCard({ lang, card, source: hand.source });
      expect(dialog.querySelector('.empty')?.textContent).toBe(text);
      expect(dialog.querySelector('ul.facts')).toBeNull();
      expect(dialog.querySelectorAll('li.fact')).toHaveLength(0);
      expect(dialog.querySelector('.type')?.textContent).toBe(type);
      // No related entities: no empty "Related" section either.
      expect(dialog.querySelector('nav')).toBeNull();
      expect(dialog.querySelectorAll('button.chip')).toHaveLength(0);
    });
  }

  it('does not show the "says nothing more" text when there are facts', () => {
    const { dialog } = renderCard({ lang: 'en', card: cardFor(hand, 'lens-maker') });
    expect(dialog.querySelector('.empty')).toBeNull();
    expect(dialog.textContent).not.toContain('nothing more');
  });
});

describe('EntityCard: hostile text', () => {
  const hand = handMadeBase();
  const card = cardFor(hand, 'hostile');

  for (const lang of LANGS) {
    it(`renders markup in names, descriptions, facts and page text as text (${lang})`, () => {
      const { dialog } = renderCard({
        lang,
        card,
        source: hand.source,
        version: HOSTILE,
        mentionText: HOSTILE,
        backTo: HOSTILE,
      });
      expect(document.querySelector('img')).toBeNull();
      expect(dialog.querySelector('[onerror]')).toBeNull();

      expect(dialog.querySelector('h2')?.textContent).toBe(card.entity.name[lang]);
      expect(dialog.querySelector('h2')?.textContent).toContain(HOSTILE);
      expect(dialog.getAttribute('aria-label')).toContain(HOSTILE);
      expect(dialog.querySelector('.description')?.textContent).toBe(card.entity.description[lang]);
      expect(texts(dialog, '.fact .fact-text')).toEqual(card.facts.map((f) => f.text[lang]));
      expect(card.facts).toHaveLength(1);
      expect(texts(dialog, '.fact .fact-text')[0]).toContain(HOSTILE);
      expect(dialog.querySelector('#cl-mention')?.textContent).toContain(HOSTILE);
      expect(dialog.querySelector('.cite [lang="fr"]')?.textContent).toBe(`${HOSTILE}Deuxième partie`);
      expect(dialog.querySelector('.card-source cite')?.textContent).toBe(`${HOSTILE}Une source faite main`);
      expect(dialog.querySelector('.back')?.textContent).toContain(HOSTILE);
      expect(dialog.querySelector('.version')?.textContent).toContain(HOSTILE);
    });
  }

  it('renders a hostile related name as the text of its button', () => {
    // lens-maker is related to nothing hostile; build the reverse link by hand.
    const lens = cardFor(hand, 'lens-maker');
    const withHostile = {
      ...lens,
      related: [...lens.related, { id: card.entity.id, name: card.entity.name, type: card.entity.type }],
    };
    const onNavigate = vi.fn();
    renderCard({ lang: 'en', card: withHostile, onNavigate });
    const chip = screen.getByRole('button', { name: card.entity.name.en });
    expect(chip.textContent).toBe(`${HOSTILE}Evil Daily`);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(chip);
    expect(onNavigate).toHaveBeenCalledWith('hostile');
  });
});
