import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type PageState, Popup } from '@/components/popup/Popup';
import type { TabMention } from '@/lib/ext/messages';
import { buildCard, searchFactBase } from '@/lib/facts/query';
import { sampleBase } from '@/tests/helpers/sample-base';
import { sampleMentions, served, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const base = sampleBase();
const ready: PageState = { status: 'ready', site: 'example.com', enabled: true, paused: false };

function renderPopup(page: PageState, loadList?: () => Promise<TabMention[]>) {
  const loadMentions = loadList && (async () => ({ mentions: await loadList(), limit: 'none' as const }));
  return render(
    <Popup
      lang="en"
      loadSummary={async () => servedSummary()}
      page={page}
      loadMentions={loadMentions}
      search={async (q) => served(searchFactBase(base, q))}
      loadCard={async (id) =>
        served(
          buildCard(base.entities.find((e) => e.id === id) ?? (base.entities[0] as never), base.facts, base.entities),
        )
      }
    />,
  );
}

const toggle = () => screen.getByRole('button', { name: 'What the article says' });
const summaryBody = () => document.getElementById(toggle().getAttribute('aria-controls') ?? '') as HTMLElement;

describe('Popup layout', () => {
  it('puts search first, then the page’s mentions, then the summary, folded', async () => {
    const { container } = renderPopup(ready, async () => sampleMentions());
    await screen.findByRole('button', { name: /, 2 mentions$/ });
    await screen.findByText('Apple shelved an open-source plan');
    const order = [...container.querySelectorAll('main > section')].map((s) => s.className);
    expect(order).toEqual(['switches', 'search', 'mentions', 'disclosure summary-section']);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(summaryBody().hidden).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Key points' })).toBeNull();
  });

  it('opens and folds the summary with its heading’s button, which names what it controls', async () => {
    renderPopup(ready, async () => sampleMentions());
    await screen.findByRole('button', { name: /, 2 mentions$/ });
    const button = toggle();
    expect(button.tagName).toBe('BUTTON');
    expect(button.closest('h2')).not.toBeNull();
    expect(summaryBody().contains(screen.getByText('Key points'))).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(summaryBody().hidden).toBe(false);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(summaryBody().hidden).toBe(true);
  });

  it('keeps the summary folded while the mentions load, and open when there are none', async () => {
    let settle!: (list: TabMention[]) => void;
    renderPopup(ready, () => new Promise((resolve) => (settle = resolve)));
    await screen.findByText('Apple shelved an open-source plan');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    settle([]);
    expect(await screen.findByText('No mentions found on this page.')).toBeTruthy();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });

  for (const [what, page] of [
    ['the extension cannot run on the page', { status: 'unsupported' }],
    ['the page needs a reload', { status: 'reload' }],
    ['the site is off', { ...ready, enabled: false }],
    ['the extension is paused', { ...ready, paused: true }],
  ] as [string, PageState][]) {
    it(`opens the summary when ${what}: there is no list to show`, async () => {
      renderPopup(page, async () => sampleMentions());
      await screen.findByText('Apple shelved an open-source plan');
      expect(screen.queryByRole('heading', { name: 'On this page' })).toBeNull();
      expect(toggle().getAttribute('aria-expanded')).toBe('true');
    });
  }

  it('keeps the reader’s choice when the list arrives after it', async () => {
    let settle!: (list: TabMention[]) => void;
    renderPopup(ready, () => new Promise((resolve) => (settle = resolve)));
    await screen.findByText('Apple shelved an open-source plan');
    fireEvent.click(toggle());
    settle(sampleMentions());
    await screen.findByRole('button', { name: /, 2 mentions$/ });
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the summary’s loading and error states inside it', async () => {
    render(<Popup lang="en" loadSummary={() => Promise.reject(new Error('x'))} page={{ status: 'unsupported' }} />);
    const alert = await screen.findByRole('alert');
    expect(summaryBody().contains(alert)).toBe(true);
  });
});
