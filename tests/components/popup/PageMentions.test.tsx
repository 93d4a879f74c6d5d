import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { TabMention } from '@/lib/ext/messages';
import { sampleMentions, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const loadSummary = async () => servedSummary();
const mentions = sampleMentions();

// Rendered through the popup, which shows the list only on a page where highlighting is on.
describe('PageMentions', () => {
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
});
