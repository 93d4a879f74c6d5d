import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PageState, Popup } from '@/components/popup/Popup';
import type { SiteDecision } from '@/lib/ext/settings';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { sampleBase } from '@/tests/helpers/sample-base';

afterEach(cleanup);

const base = sampleBase();
const loadSummary = async (): Promise<Served<SummaryData>> => ({
  value: { source: base.source, summary: base.summary },
  origin: 'indexeddb',
  version: 'test-1',
});
const NOW = new Date(2025, 6, 14, 14, 30).getTime();
const runs: SiteDecision = { run: true, reason: null, snoozedUntil: null, undecided: [] };

function page(over: Partial<Extract<PageState, { status: 'ready' }>> = {}): PageState {
  return { status: 'ready', site: 'example.com', enabled: true, paused: false, decision: runs, ...over };
}

describe('Popup snooze', () => {
  it('offers to snooze the site for an hour or until tomorrow morning', () => {
    const onSnooze = vi.fn();
    render(<Popup lang="en" loadSummary={loadSummary} page={page()} onSnooze={onSnooze} now={NOW} />);
    expect(screen.getByRole('group', { name: 'Snooze on example.com' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'For an hour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Until tomorrow morning' }));
    expect(onSnooze.mock.calls).toEqual([['hour'], ['tomorrow']]);
  });

  it('says when a snoozed site comes back, offers to resume, and lists no mentions meanwhile', () => {
    const onSnooze = vi.fn();
    const snoozed: SiteDecision = { run: false, reason: 'snoozed', snoozedUntil: NOW + 3_600_000, undecided: [] };
    render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        page={page({ decision: snoozed })}
        loadMentions={async () => ({ mentions: [], limit: 'none' })}
        onSnooze={onSnooze}
        now={NOW}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Snoozed on example\.com until 3:30\sPM\.$/);
    expect(screen.queryByRole('heading', { name: 'On this page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume now' }));
    expect(onSnooze).toHaveBeenCalledWith('resume');
  });

  it('names the day when the snooze ends on another day, in French too', () => {
    const until = new Date(2025, 6, 15, 8).getTime();
    const snoozed: SiteDecision = { run: false, reason: 'snoozed', snoozedUntil: until, undecided: [] };
    render(
      <Popup lang="fr" loadSummary={loadSummary} page={page({ decision: snoozed })} onSnooze={vi.fn()} now={NOW} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Suspendu sur example.com jusqu’à mardi 08:00.');
    expect(screen.getByRole('button', { name: 'Reprendre maintenant' })).toBeTruthy();
  });

  it('says when the snooze could not be saved', () => {
    render(<Popup lang="en" loadSummary={loadSummary} page={page()} onSnooze={vi.fn()} snoozeFailed now={NOW} />);
    expect(screen.getByRole('alert').textContent).toBe('The snooze could not be saved.');
  });

  it('offers no snooze where the extension is off anyway', () => {
    render(<Popup lang="en" loadSummary={loadSummary} page={page({ enabled: false })} onSnooze={vi.fn()} now={NOW} />);
    expect(screen.queryByRole('button', { name: 'For an hour' })).toBeNull();
    cleanup();
    render(<Popup lang="en" loadSummary={loadSummary} page={page({ paused: true })} onSnooze={vi.fn()} now={NOW} />);
    expect(screen.queryByRole('button', { name: 'For an hour' })).toBeNull();
  });
});

describe('Popup where settings could not be read', () => {
  it('says the extension stays off and which settings could not be read, and keeps the switch from writing', () => {
    const decision: SiteDecision = {
      run: false,
      reason: 'undecided',
      snoozedUntil: null,
      undecided: ['siteRules', 'paused'],
    };
    const { container } = render(
      <Popup
        lang="en"
        loadSummary={loadSummary}
        page={page({ enabled: false, switchable: false, decision })}
        loadMentions={async () => ({ mentions: [], limit: 'none' })}
        onSnooze={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Context Lens stays off on example.com: the list of sites and the pause switch could not be read. See Settings.',
    );
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Highlight on example.com' }).disabled).toBe(true);
    expect(container.textContent).not.toContain('Highlighting is off on example.com.');
    expect(screen.queryByRole('button', { name: 'For an hour' })).toBeNull();
  });

  it('offers to clear snoozes that could not be read, in French', () => {
    const onSnooze = vi.fn();
    const decision: SiteDecision = { run: false, reason: 'undecided', snoozedUntil: null, undecided: ['snoozes'] };
    render(<Popup lang="fr" loadSummary={loadSummary} page={page({ decision })} onSnooze={onSnooze} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Context Lens reste désactivé sur example.com : impossible de lire les suspensions. Voir les réglages.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les suspensions' }));
    expect(onSnooze).toHaveBeenCalledWith('clear');
  });
});
