import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { buildCard } from '@/lib/facts/query';
import type { Lang } from '@/lib/i18n/language';
import { sampleBase } from '@/tests/helpers/sample-base';
import { served, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const base = sampleBase();
const loadCard = vi.fn(async (id: string) => {
  const entity = base.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`unknown ${id}`);
  return served(buildCard(entity, base.facts, base.entities));
});

const renderWithMuted = (lang: Lang, muted: string[], onUnmute = vi.fn()) =>
  render(
    <Popup
      lang={lang}
      loadSummary={async () => servedSummary()}
      page={{ status: 'ready', site: 'example.com', enabled: true, paused: false }}
      loadMentions={async () => ({ mentions: [], limit: 'none' })}
      loadCard={loadCard}
      muted={muted}
      onUnmute={onUnmute}
    />,
  );

describe('Muted names in the popup', () => {
  it('lists each muted name with a way back, in the popup’s language', async () => {
    const onUnmute = vi.fn();
    renderWithMuted('fr', ['siri'], onUnmute);
    const button = await screen.findByRole('button', { name: 'Surligner à nouveau Siri' });
    expect(screen.getByRole('heading', { name: 'Non surlignés' })).toBeTruthy();
    fireEvent.click(button);
    expect(onUnmute).toHaveBeenCalledWith('siri');
  });

  it('shows nothing when no name is muted, and leaves names the fact base lacks to the options page', async () => {
    renderWithMuted('en', ['no-such-entity']);
    await screen.findByText('No mentions found on this page.');
    await vi.waitFor(() => expect(loadCard).toHaveBeenCalledWith('no-such-entity'));
    expect(document.querySelector('.muted-names')).toBeNull();
    cleanup();
    renderWithMuted('en', []);
    await screen.findByText('No mentions found on this page.');
    expect(document.querySelector('.muted-names')).toBeNull();
  });
});
