import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import { interactive, renderCard } from '@/tests/helpers/render-card';
import { cardFor, handMadeBase, seedBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

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
    const nav = screen.getByRole('navigation', { name: 'Voir aussi' });
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
    expect(dialog.querySelector('#cl-mention')).toBeNull();
    expect(dialog.textContent).not.toContain('Mentioned on this page');
  });

  it('describes a loading card too', () => {
    const { dialog } = renderCard({ lang: 'en', card: null, mentionText: 'Siri' });
    const id = dialog.getAttribute('aria-describedby') as string;
    expect(document.getElementById(id)?.textContent).toBe('Mentioned on this page as “Siri”');
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
      // lang + close, plus back, one per related entity, and "show all / fewer" when facts are folded.
      const facts = props.card?.facts.filter((f) => !f.background).length ?? 0;
      const expected = 2 + (props.backTo ? 1 : 0) + (props.card?.related.length ?? 0) + (facts > 3 ? 1 : 0);
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
