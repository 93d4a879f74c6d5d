import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FactBaseInfo } from '@/components/options/OptionsData';
import type { Served } from '@/lib/store/fact-store';
import { INFO, setup } from './options-setup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('data', () => {
  it('rebuilds the cache and announces the result', async () => {
    const { onRebuild, container } = setup();
    await screen.findByText('2025.07.1');
    let finish!: (served: Served<FactBaseInfo>) => void;
    onRebuild.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const button = screen.getByRole('button', { name: 'Rebuild the cache' });
    button.focus();
    fireEvent.click(button);
    expect(onRebuild).toHaveBeenCalledTimes(1);
    const status = container.querySelector('section[aria-labelledby="opt-data-heading"] [role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status?.textContent).toBe('Rebuilding the cache…'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onRebuild).toHaveBeenCalledTimes(1);

    finish({ value: { entities: 1234, facts: 30 }, origin: 'indexeddb', version: '2025.07.2' });
    await waitFor(() =>
      expect(status?.textContent).toBe('Cache rebuilt: 1,234 entities and 30 facts, version 2025.07.2.'),
    );
    expect(screen.getByText('2025.07.2')).toBeTruthy();
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    // Never disabled, so the keyboard focus stayed on it throughout.
    expect(document.activeElement).toBe(button);
  });

  it('says when the rebuild fell back to the bundled copy, or failed', async () => {
    const { onRebuild, container } = setup({ lang: 'fr' });
    const status = () => container.querySelector('section[aria-labelledby="opt-data-heading"] [role="status"]');
    onRebuild.mockResolvedValueOnce({ ...INFO, origin: 'bundled' });
    fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
    await waitFor(() =>
      expect(status()?.textContent).toBe(
        'Le cache n’a pas pu être reconstruit ; la copie fournie avec l’extension est utilisée à la place.',
      ),
    );
    expect(screen.getByText('la copie fournie avec l’extension (le cache est indisponible)')).toBeTruthy();

    onRebuild.mockRejectedValueOnce(new Error('no background'));
    fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
    await waitFor(() => expect(status()?.textContent).toBe('Le cache n’a pas pu être reconstruit.'));
  });

  it('shows French number formats', async () => {
    const { onRebuild, container } = setup({ lang: 'fr' });
    onRebuild.mockResolvedValueOnce({ ...INFO, value: { entities: 1234, facts: 5 } });
    fireEvent.click(screen.getByRole('button', { name: 'Reconstruire le cache' }));
    await waitFor(() => expect(container.textContent).toMatch(/Cache reconstruit : 1\s234 entités et 5 faits/));
  });

  it('says when the fact base cannot be read', async () => {
    setup({ props: { loadFactBaseInfo: () => Promise.reject(new Error('x')) } });
    expect(await screen.findByText('The fact base could not be read.')).toBeTruthy();
  });
});
