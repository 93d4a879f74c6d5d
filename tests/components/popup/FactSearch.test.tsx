import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { buildCard, searchFactBase } from '@/lib/facts/query';
import { sampleBase } from '@/tests/helpers/sample-base';
import { served, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const base = sampleBase();
const loadSummary = async () => servedSummary();

// Rendered through the popup, which offers search once it is given both `search` and `loadCard`.
describe('FactSearch', () => {
  it('searches the fact base and opens an entity with the same content as the card', async () => {
    const entity = base.entities[0] as (typeof base.entities)[number];
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        search={async (q) => served(searchFactBase(base, q))}
        loadCard={async (id) =>
          served(buildCard(base.entities.find((e) => e.id === id) ?? entity, base.facts, base.entities))
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
