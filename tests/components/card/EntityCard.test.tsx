import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import type { Lang } from '@/lib/i18n/language';
import { cardFor, HOSTILE, handMadeBase, seedBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

const LANGS: Lang[] = ['en', 'fr'];

function renderCard(props: Partial<EntityCardProps> & Pick<EntityCardProps, 'card'>) {
  const result = render(<EntityCard lang="en" {...props} />);
  const dialog = result.container.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog rendered');
  return { ...result, dialog };
}

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent);

/** Every element a user could tab to or activate, whatever it is. */
const interactive = (root: ParentNode) => [
  ...root.querySelectorAll('a, button, input, select, textarea, form, [tabindex]:not([tabindex="-1"]), [onclick]'),
];

describe('EntityCard: a person from the real seed', () => {
  const base = seedBase();
  const card = cardFor(base, 'craig-federighi');

  it('shows the name, type, description, facts and citations in English', () => {
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
    const cites = texts(dialog, '.fact .cite');
    expect(cites).toEqual(
      card.facts.map((f) => `Paragraph ${f.paragraph} · French article, July 2025, reporting The Information`),
    );
    expect(cites[0]).toContain('Paragraph 4');
    expect(dialog.textContent).toContain('July 2025');
    expect(dialog.textContent).toContain('The Information');
    expect(dialog.querySelector('.version')?.textContent).toBe('Fact base 2025.07.1');

    // Nothing of the French version leaks in.
    for (const f of card.facts) expect(dialog.textContent).not.toContain(f.text.fr);
    expect(dialog.textContent).not.toContain('Personne');
    expect(dialog.textContent).not.toContain('Paragraphe');
  });

  it('shows the name, type, description, facts and citations in French', () => {
    const { dialog } = renderCard({ lang: 'fr', card, source: base.source, version: base.version });

    expect(screen.getByRole('dialog', { name: 'Craig Federighi : contexte' })).toBe(dialog);
    expect(dialog.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Craig Federighi');
    expect(dialog.querySelector('.type')?.textContent).toBe('Personne');
    expect(dialog.querySelector('.description')?.textContent).toBe(card.entity.description.fr);
    expect(screen.getByRole('heading', { name: 'Dans l’article' })).toBeTruthy();

    expect(texts(dialog, '.fact .fact-text')).toEqual(card.facts.map((f) => f.text.fr));
    const cites = texts(dialog, '.fact .cite');
    expect(cites).toEqual(
      card.facts.map((f) => `Paragraphe ${f.paragraph} · Article en français, juillet 2025, d’après The Information`),
    );
    expect(cites[0]).toContain('Paragraphe 4');
    expect(dialog.querySelector('.version')?.textContent).toBe('Base de faits 2025.07.1');

    for (const f of card.facts) expect(dialog.textContent).not.toContain(f.text.en);
    expect(dialog.textContent).not.toContain('Person ');
    expect(dialog.textContent).not.toContain('July');
  });

  it('cites only the paragraph when no source is given, and shows no version line without a version', () => {
    const { dialog } = renderCard({ lang: 'en', card });
    expect(texts(dialog, '.fact .cite')).toEqual(card.facts.map((f) => `Paragraph ${f.paragraph}`));
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
      for (const entity of base.entities) {
        const card = cardFor(base, entity.id);
        const { dialog, unmount } = renderCard({ lang, card, source: base.source, version: base.version });

        expect(dialog.getAttribute('aria-label'), entity.id).toContain(entity.name[lang]);
        expect(dialog.getAttribute('lang')).toBe(lang);
        expect(dialog.querySelector('h2')?.textContent).toBe(entity.name[lang]);
        expect(dialog.querySelector('.description')?.textContent).toBe(entity.description[lang]);
        expect(texts(dialog, '.fact .fact-text'), entity.id).toEqual(card.facts.map((f) => f.text[lang]));
        const cites = texts(dialog, '.fact .cite');
        card.facts.forEach((f, i) => {
          expect(cites[i], f.id).toContain(`${paragraphWord} ${f.paragraph}`);
          expect(cites[i], f.id).toContain(month);
          expect(cites[i], f.id).toContain('The Information');
        });
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

describe('EntityCard: background facts', () => {
  const base = seedBase();
  const card = cardFor(base, 'openai');

  for (const [lang, label, cite] of [
    ['en', 'Background, not a claim of the article', 'Paragraph 8'],
    ['fr', 'Contexte général, pas une affirmation de l’article', 'Paragraphe 8'],
  ] as const) {
    it(`marks background facts, and only them, in ${lang}`, () => {
      const { dialog } = renderCard({ lang, card, source: base.source });
      const background = card.facts.filter((f) => f.background);
      const claims = card.facts.filter((f) => !f.background);
      expect(background.length).toBeGreaterThan(0);
      expect(claims.length).toBeGreaterThan(0);

      const items = [...dialog.querySelectorAll('li.fact')];
      expect(items).toHaveLength(card.facts.length);
      card.facts.forEach((f, i) => {
        const item = items[i];
        if (!item) throw new Error(`no item for ${f.id}`);
        expect(item.querySelector('.fact-text')?.textContent).toBe(f.text[lang]);
        const citeText = item.querySelector('.cite')?.textContent ?? '';
        if (f.background) {
          expect(item.classList.contains('background'), f.id).toBe(true);
          expect(citeText.startsWith(`${label} · ${cite}`), citeText).toBe(true);
        } else {
          expect(item.classList.contains('background'), f.id).toBe(false);
          expect(citeText).not.toContain(label);
        }
      });
    });
  }

  it('marks the background fact of a hand-made card, which comes first by paragraph', () => {
    const hand = handMadeBase();
    const { dialog } = renderCard({ lang: 'en', card: cardFor(hand, 'lens-maker') });
    const items = [...dialog.querySelectorAll('li.fact')];
    expect(items.map((li) => li.className)).toEqual(['fact background', 'fact']);
    expect(texts(dialog, '.fact .cite')).toEqual([
      'Background, not a claim of the article · Paragraph 2',
      'Paragraph 7',
    ]);
    expect(texts(dialog, '.fact .fact-text')).toEqual(['Lenses are made of glass.', 'The lens makers shipped late.']);
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
    expect(screen.getByRole('navigation', { name: 'Liens' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Modèle discret' })).toBeTruthy();
    expect(fr.dialog.querySelector('.version')?.textContent).toBe('Base de faits hand-7');
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

describe('EntityCard: navigation and controls', () => {
  const base = seedBase();
  const card = cardFor(base, 'craig-federighi');

  it('renders related entities as buttons that navigate to their ids', () => {
    const onNavigate = vi.fn();
    const onBack = vi.fn();
    renderCard({ lang: 'en', card, onNavigate, onBack });
    const nav = screen.getByRole('navigation', { name: 'Related' });
    const chips = within(nav).getAllByRole('button');
    expect(card.related.length).toBeGreaterThan(1);
    expect(chips.map((b) => b.textContent)).toEqual(card.related.map((r) => r.name.en));

    fireEvent.click(within(nav).getByRole('button', { name: 'Ruoming Pang' }));
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate).toHaveBeenLastCalledWith('ruoming-pang');

    onNavigate.mockClear();
    for (const chip of chips) fireEvent.click(chip);
    expect(onNavigate.mock.calls.map(([id]) => id)).toEqual(card.related.map((r) => r.id));
    expect(onBack).not.toHaveBeenCalled();
  });

  it('labels related entities in French', () => {
    const onNavigate = vi.fn();
    renderCard({ lang: 'fr', card, onNavigate });
    const nav = screen.getByRole('navigation', { name: 'Liens' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Équipe des modèles fondamentaux d’Apple' }));
    expect(onNavigate).toHaveBeenCalledWith('foundation-models-team');
  });

  it('shows no back button without backTo', () => {
    const { dialog } = renderCard({ lang: 'en', card, onBack: vi.fn() });
    expect(screen.queryByRole('button', { name: /Back/ })).toBeNull();
    expect(dialog.querySelector('.back')).toBeNull();
    expect(dialog.textContent).not.toContain('←');
  });

  for (const [lang, label] of [
    ['en', 'Back to Siri'],
    ['fr', 'Retour à Siri'],
  ] as const) {
    it(`shows "${label}" with backTo and calls onBack`, () => {
      const onBack = vi.fn();
      const onNavigate = vi.fn();
      const onClose = vi.fn();
      renderCard({ lang, card, backTo: 'Siri', onBack, onNavigate, onClose });
      const back = screen.getByRole('button', { name: label });
      expect(back.textContent).toContain(label);
      fireEvent.click(back);
      expect(onBack).toHaveBeenCalledTimes(1);
      expect(onNavigate).not.toHaveBeenCalled();
      expect(onClose).not.toHaveBeenCalled();
    });
  }

  for (const [lang, other, label, visible] of [
    ['en', 'fr', 'Lire en français', 'Français'],
    ['fr', 'en', 'Read in English', 'English'],
  ] as const) {
    it(`switches from ${lang} to ${other} with a labelled button`, () => {
      const onLangChange = vi.fn();
      const onClose = vi.fn();
      renderCard({ lang, card, onLangChange, onClose });
      const button = screen.getByRole('button', { name: label });
      expect(button.textContent).toBe(visible);
      // Its label is in the language it switches to, and says so.
      expect(button.getAttribute('lang')).toBe(other);
      fireEvent.click(button);
      expect(onLangChange).toHaveBeenCalledTimes(1);
      expect(onLangChange).toHaveBeenCalledWith(other);
      expect(onClose).not.toHaveBeenCalled();
    });
  }

  for (const [lang, label] of [
    ['en', 'Close'],
    ['fr', 'Fermer'],
  ] as const) {
    it(`closes with a button named "${label}"`, () => {
      const onClose = vi.fn();
      const onLangChange = vi.fn();
      renderCard({ lang, card, onClose, onLangChange });
      const close = screen.getByRole('button', { name: label });
      // The visible "×" is decoration; the name comes from the label.
      expect(close.querySelector('[aria-hidden="true"]')?.textContent).toBe('×');
      fireEvent.click(close);
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(onLangChange).not.toHaveBeenCalled();
    });
  }

  it('keeps close and language controls while loading and on error', () => {
    for (const error of [false, true]) {
      const onClose = vi.fn();
      const onLangChange = vi.fn();
      const { unmount } = renderCard({ lang: 'en', card: null, error, onClose, onLangChange });
      fireEvent.click(screen.getByRole('button', { name: 'Close' }));
      fireEvent.click(screen.getByRole('button', { name: 'Lire en français' }));
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(onLangChange).toHaveBeenCalledWith('fr');
      unmount();
    }
  });

  it('does not throw when a control is clicked without its handler', () => {
    renderCard({ lang: 'en', card, backTo: 'Siri' });
    for (const button of screen.getAllByRole('button')) expect(() => fireEvent.click(button)).not.toThrow();
  });
});

describe('EntityCard: loading and error states', () => {
  it('shows a busy skeleton and no facts while the card is loading', () => {
    const { dialog } = renderCard({ lang: 'en', card: null, source: seedBase().source, version: '2025.07.1' });
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(dialog.getAttribute('aria-label')).toBe('Loading…');
    const skeleton = dialog.querySelector('.skeleton');
    expect(skeleton).not.toBeNull();
    expect(skeleton?.getAttribute('aria-hidden')).toBe('true');
    expect(dialog.querySelectorAll('.fact')).toHaveLength(0);
    expect(dialog.querySelector('h2')).toBeNull();
    expect(dialog.querySelector('section')).toBeNull();
    expect(dialog.querySelector('.version')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is labelled "Chargement…" while loading in French', () => {
    const { dialog } = renderCard({ lang: 'fr', card: null });
    expect(dialog.getAttribute('aria-label')).toBe('Chargement…');
    expect(dialog.getAttribute('lang')).toBe('fr');
  });

  it('is not busy and has no skeleton once the card is there', () => {
    const base = seedBase();
    const { dialog } = renderCard({ lang: 'en', card: cardFor(base, 'siri') });
    expect(dialog.getAttribute('aria-busy')).toBe('false');
    expect(dialog.querySelector('.skeleton')).toBeNull();
  });

  for (const [lang, text] of [
    ['en', 'This card could not be loaded.'],
    ['fr', 'Cette fiche n’a pas pu être chargée.'],
  ] as const) {
    it(`shows an alert and no facts on error (${lang})`, () => {
      const { dialog } = renderCard({ lang, card: null, error: true });
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(text);
      expect(dialog.contains(alert)).toBe(true);
      expect(dialog.getAttribute('aria-busy')).toBe('false');
      expect(dialog.querySelector('.skeleton')).toBeNull();
      expect(dialog.querySelectorAll('.fact')).toHaveLength(0);
      expect(dialog.querySelector('h2')).toBeNull();
    });
  }

  it('shows the error instead of a card it was given', () => {
    const base = seedBase();
    const card = cardFor(base, 'siri');
    const { dialog } = renderCard({ lang: 'en', card, error: true });
    expect(screen.getByRole('alert').textContent).toBe('This card could not be loaded.');
    expect(dialog.querySelectorAll('.fact')).toHaveLength(0);
    for (const f of card.facts) expect(dialog.textContent).not.toContain(f.text.en);
  });
});

describe('EntityCard: the mention it was opened from', () => {
  const card = cardFor(seedBase(), 'craig-federighi');

  for (const [lang, line] of [
    ['en', 'Mentioned on this page as “Federighi”'],
    ['fr', 'Cité sur cette page sous la forme « Federighi »'],
  ] as const) {
    it(`describes the dialog with a visually hidden line (${lang})`, () => {
      const { dialog, container } = renderCard({ lang, card, mentionText: 'Federighi' });
      const id = dialog.getAttribute('aria-describedby');
      expect(id).toBeTruthy();
      const description = container.ownerDocument.getElementById(id as string);
      expect(description).not.toBeNull();
      expect(dialog.contains(description)).toBe(true);
      expect(description?.textContent).toBe(line);
      expect(description?.classList.contains('visually-hidden')).toBe(true);
    });
  }

  it('has no description without mentionText', () => {
    const { dialog } = renderCard({ lang: 'en', card });
    expect(dialog.hasAttribute('aria-describedby')).toBe(false);
    expect(dialog.querySelector('.visually-hidden')).toBeNull();
    expect(dialog.textContent).not.toContain('Mentioned on this page');
  });

  it('describes a loading card too', () => {
    const { dialog } = renderCard({ lang: 'en', card: null, mentionText: 'Siri' });
    const id = dialog.getAttribute('aria-describedby') as string;
    expect(document.getElementById(id)?.textContent).toBe('Mentioned on this page as “Siri”');
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
      expect(dialog.querySelector('.visually-hidden')?.textContent).toContain(HOSTILE);
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

describe('EntityCard: every control is a plain button', () => {
  const base = seedBase();
  const hand = handMadeBase();
  const cases: [string, Partial<EntityCardProps> & Pick<EntityCardProps, 'card'>][] = [
    ['full card with back', { card: cardFor(base, 'craig-federighi'), backTo: 'Siri', mentionText: 'Federighi' }],
    ['card without related entities', { card: cardFor(hand, 'quiet-one') }],
    ['loading', { card: null }],
    ['error', { card: null, error: true }],
  ];

  for (const [label, props] of cases) {
    it(`uses only type="button" buttons: ${label}`, () => {
      const { dialog, container } = renderCard({ lang: 'en', source: base.source, version: base.version, ...props });
      const controls = interactive(container);
      const buttons = [...dialog.querySelectorAll('button')];
      // lang + close, plus back and one per related entity.
      const expected = 2 + (props.backTo ? 1 : 0) + (props.card?.related.length ?? 0);
      expect(buttons).toHaveLength(expected);
      expect(controls).toEqual(buttons);
      for (const b of buttons) expect(b.getAttribute('type'), b.outerHTML).toBe('button');
      expect(container.querySelector('form')).toBeNull();
    });
  }

  it('does not submit an enclosing form when a control is clicked', () => {
    const onSubmit = vi.fn((e: Event) => e.preventDefault());
    const form = document.createElement('form');
    form.addEventListener('submit', onSubmit);
    document.body.append(form);
    try {
      render(<EntityCard lang="en" card={cardFor(base, 'siri')} backTo="Apple" />, { container: form });
      const buttons = screen.getAllByRole('button');
      expect(buttons.length).toBeGreaterThan(3);
      for (const b of buttons) fireEvent.click(b);
      expect(onSubmit).not.toHaveBeenCalled();
    } finally {
      cleanup();
      form.remove();
    }
  });

  it('is focusable as a dialog without joining the tab order', () => {
    const { dialog } = renderCard({ lang: 'en', card: cardFor(base, 'siri') });
    expect(dialog.getAttribute('tabindex')).toBe('-1');
  });
});
