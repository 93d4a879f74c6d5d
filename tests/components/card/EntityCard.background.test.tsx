import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { citeOf, renderCard, texts } from '@/tests/helpers/render-card';
import { cardFor, handMadeBase, seedBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

describe('EntityCard: background', () => {
  const base = seedBase();
  const card = cardFor(base, 'openai');

  for (const [lang, label] of [
    ['en', 'Background, not a claim of the article'],
    ['fr', 'Contexte général, pas une affirmation de l’article'],
  ] as const) {
    it(`marks background facts, and only them, apart and with no citation, in ${lang}`, () => {
      renderCard({ lang, card, source: base.source });
      const background = card.facts.filter((f) => f.background);
      const claims = card.facts.filter((f) => !f.background);
      expect(background.length).toBeGreaterThan(0);
      expect(claims.length).toBeGreaterThan(0);

      const section = screen.getByRole('region', { name: label });
      expect(section.querySelector('h3')?.textContent).toBe(label);
      const items = [...section.querySelectorAll('li.fact')];
      expect(items.map((li) => li.className)).toEqual(background.map(() => 'fact background'));
      expect(items.map((li) => li.textContent)).toEqual(background.map((f) => f.text[lang]));
      // Nothing in it cites the article: no paragraph, no section, no source.
      expect(section.querySelector('.cite, .card-source')).toBeNull();
      expect(section.textContent).not.toContain('¶');
      expect(section.textContent).not.toContain('The Information');

      const article = screen.getByRole('region', { name: lang === 'en' ? 'In the article' : 'Dans l’article' });
      expect(texts(article, '.fact-text')).toEqual(claims.map((f) => f.text[lang]));
      expect(article.querySelectorAll('li.fact.background')).toHaveLength(0);
      expect(article.textContent).not.toContain(label);
    });

    it(`marks a background description as such, in ${lang}`, () => {
      const hand = handMadeBase();
      const quiet = cardFor(hand, 'quiet-one');
      expect(quiet.entity.descriptionBackground).toBe(true);
      const { dialog } = renderCard({ lang, card: quiet, source: hand.source });
      expect(dialog.querySelector('.background-note')?.textContent).toBe(label);
      expect(dialog.querySelector('.description')?.classList.contains('background')).toBe(true);
      expect(dialog.querySelector('.description')?.textContent).toBe(quiet.entity.description[lang]);
    });
  }

  it('does not mark a description taken from the article', () => {
    const { dialog } = renderCard({ lang: 'en', card: cardFor(base, 'craig-federighi'), source: base.source });
    expect(dialog.querySelector('.background-note')).toBeNull();
    expect(dialog.querySelector('.description')?.classList.contains('background')).toBe(false);
  });

  it('puts the background fact of a hand-made card after the claims, though it comes first in the base', () => {
    const hand = handMadeBase();
    const { dialog } = renderCard({ lang: 'en', card: cardFor(hand, 'lens-maker'), source: hand.source });
    const items = [...dialog.querySelectorAll('li.fact')];
    expect(items.map((li) => li.className)).toEqual(['fact', 'fact background']);
    expect(texts(dialog, '.fact-group > .cite')).toEqual([citeOf('Paragraph', 7, 'Troisième partie')]);
    expect(texts(dialog, '.fact .fact-text')).toEqual(['The lens makers shipped late.', 'Lenses are made of glass.']);
  });

  it('shows no "In the article" facts, and no source, for an entity with background only', () => {
    const hand = handMadeBase();
    const onlyBackground = { ...cardFor(hand, 'lens-maker') };
    onlyBackground.facts = onlyBackground.facts.filter((f) => f.background);
    const { dialog } = renderCard({ lang: 'en', card: onlyBackground, source: hand.source });
    expect(dialog.querySelector('.empty')?.textContent).toBe('The article says nothing more about it.');
    expect(dialog.querySelector('.card-source')).toBeNull();
    expect(texts(dialog, 'li.fact.background')).toEqual(['Lenses are made of glass.']);
  });
});
