import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { TabMention } from '@/lib/ext/messages';
import { buildCard, searchFactBase } from '@/lib/facts/query';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { sampleBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

const base = sampleBase();
const serve = <T,>(value: T): Served<T> => ({ value, origin: 'indexeddb', version: 'test-1' });
const loadSummary = async (): Promise<Served<SummaryData>> => serve({ source: base.source, summary: base.summary });
const mentions: TabMention[] = base.entities
  .slice(0, 2)
  .map((e, i) => ({ entityId: e.id, name: e.name, count: i + 2 }));

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

  it('lists the page’s entities with their counts; choosing one reveals it', async () => {
    const onReveal = vi.fn();
    render(
      <Popup
        lang="fr"
        loadSummary={loadSummary}
        page={{ status: 'ready', site: 'example.com', enabled: true, paused: false }}
        loadMentions={async () => mentions}
        onReveal={onReveal}
      />,
    );
    const first = mentions[0] as TabMention;
    const button = await screen.findByRole('button', { name: `${first.name.fr} 2 mentions` });
    fireEvent.click(button);
    expect(onReveal).toHaveBeenCalledWith(first.entityId);
  });

  it('hides the list and says so when the site is off', () => {
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        page={{ status: 'ready', site: 'example.com', enabled: false, paused: false }}
        loadMentions={async () => mentions}
      />,
    );
    expect(screen.getByText('Highlighting is off on example.com.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'On this page' })).toBeNull();
  });

  it('searches the fact base and opens an entity with the same content as the card', async () => {
    const entity = base.entities[0] as (typeof base.entities)[number];
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        search={async (q) => serve(searchFactBase(base, q))}
        loadCard={async (id) =>
          serve(buildCard(base.entities.find((e) => e.id === id) ?? entity, base.facts, base.entities))
        }
      />,
    );
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: entity.name.en } });
    // Entities come before facts among the hits.
    const [hit] = await screen.findAllByRole('button', { name: new RegExp(entity.name.en) });
    fireEvent.click(hit as HTMLElement);
    expect(await screen.findByRole('dialog', { name: `${entity.name.en}: context` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Back to results/ }));
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });
});
