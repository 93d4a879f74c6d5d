import { cleanup, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FACTS_AT_FIRST } from '@/components/card/CardFacts';
import { renderCard, texts } from '@/tests/helpers/render-card';
import { cardFor, seedBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

const base = seedBase();
const many = cardFor(base, 'craig-federighi');

describe('EntityCard: a compact card', () => {
  it('shows the first facts, and the rest on request, with the related entities right after', () => {
    const claims = many.facts.filter((f) => !f.background).length;
    expect(claims).toBeGreaterThan(FACTS_AT_FIRST);
    const { dialog } = renderCard({ card: many, source: base.source, folded: true });
    expect(dialog.querySelectorAll('.fact:not(.background)')).toHaveLength(FACTS_AT_FIRST);
    const more = dialog.querySelector('button.more') as HTMLButtonElement;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.textContent).toBe(`Show all ${claims} facts`);
    expect(dialog.querySelector('nav .chip')).not.toBeNull();
    fireEvent.click(more);
    expect(dialog.querySelectorAll('.fact:not(.background)')).toHaveLength(claims);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(more);
    expect(dialog.querySelectorAll('.fact:not(.background)')).toHaveLength(FACTS_AT_FIRST);
  });

  it('offers no fold for a short list', () => {
    const short = { ...many, facts: many.facts.slice(0, 2) };
    const { dialog } = renderCard({ card: short, folded: true });
    expect(dialog.querySelector('button.more')).toBeNull();
  });
});

describe('EntityCard: pin and mute', () => {
  it('pins and unpins with a pressed button, and shows it', () => {
    const onPinChange = vi.fn();
    const { dialog, rerender } = renderCard({ card: many, onPinChange, pinned: false });
    const pin = dialog.querySelector('button.pin') as HTMLButtonElement;
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(pin.textContent).toBe('Keep this card open');
    fireEvent.click(pin);
    expect(onPinChange).toHaveBeenCalledWith(true);
    rerender(<div />);
    const pinned = renderCard({ card: many, onPinChange, pinned: true }).dialog;
    expect(pinned.getAttribute('data-pinned')).toBe('true');
    expect(pinned.querySelector('button.pin')?.getAttribute('aria-pressed')).toBe('true');
    expect(texts(pinned, '.pinned-label')).toEqual(['Pinned']);
  });

  it('offers to mute the entity, and to unmute it once muted, in both languages', () => {
    const onMuteChange = vi.fn();
    const { dialog } = renderCard({ card: many, onMuteChange, muted: false });
    const button = dialog.querySelector('.mute button') as HTMLButtonElement;
    expect(button.textContent).toBe('Don’t highlight Craig Federighi');
    fireEvent.click(button);
    expect(onMuteChange).toHaveBeenCalledWith(true);
    cleanup();
    const fr = renderCard({ lang: 'fr', card: many, onMuteChange, muted: true }).dialog;
    expect(texts(fr, '.muted-note')[0]).toContain('n’est plus surligné');
    expect(fr.querySelector('.mute button')?.textContent).toBe('Surligner à nouveau Craig Federighi');
  });

  it('has no pin or mute button without their handlers', () => {
    const { dialog } = renderCard({ card: many });
    expect(dialog.querySelector('button.pin')).toBeNull();
    expect(dialog.querySelector('.mute')).toBeNull();
  });
});

describe('EntityCard: theme', () => {
  it('carries the theme it is given, the system’s by default', () => {
    expect(renderCard({ card: many }).dialog.getAttribute('data-theme')).toBe('system');
    cleanup();
    expect(renderCard({ card: many, theme: 'light' }).dialog.getAttribute('data-theme')).toBe('light');
  });
});
