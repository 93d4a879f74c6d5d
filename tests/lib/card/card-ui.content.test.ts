import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CardUiPage, cardUiPage, sampleData } from '@/tests/helpers/card-ui-page';

let page: CardUiPage;

afterEach(() => page.dispose());

const text = (selector: string) => page.root().querySelector(selector)?.textContent ?? null;
const calledIds = (fn: { mock: { calls: unknown[][] } }) => fn.mock.calls.map(([id]) => id);

describe('card content', () => {
  it('shows the entity’s card from the data source', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    expect(text('h2.name')).toBe('Siri');
    expect(text('.type')).toBe('Product');
    expect(page.ui.entityId).toBe('siri');
    expect(calledIds(page.data.card)).toEqual(['siri']);
  });

  it('says so when the card cannot be loaded', async () => {
    const data = { ...sampleData(), card: vi.fn().mockRejectedValue(new Error('no background')) };
    page = cardUiPage({ data });
    await page.ui.open(page.opening('siri'));
    expect(text('[role="alert"]')).toBe('This card could not be loaded.');
  });

  it('switches language from its own button, and when the setup changes', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    page.part('button.lang').click();
    expect(page.dialog().lang).toBe('fr');
    expect(text('.type')).toBe('Produit');
    expect(text('.description')).toBe('L’assistant vocal d’Apple.');

    page.ui.setLanguage('en');
    expect(page.dialog().lang).toBe('en');
    expect(text('.type')).toBe('Product');
  });

  it('opens related entities in place, and goes back to the first one', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    const chip = [...page.root().querySelectorAll<HTMLButtonElement>('button.chip')].find(
      (b) => b.textContent === 'Craig Federighi',
    );
    chip?.click();
    await page.settle();
    expect(text('h2.name')).toBe('Craig Federighi');
    expect(page.part('button.back').textContent).toContain('Back to Siri');
    // Focus stays in the card (the chip that had it is gone).
    expect(page.root().activeElement).toBe(page.dialog());

    page.part('button.back').click();
    await page.settle();
    expect(text('h2.name')).toBe('Siri');
    expect(page.root().querySelector('button.back')).toBeNull();
    // The first card was kept: going back asks for nothing.
    expect(calledIds(page.data.card)).toEqual(['siri', 'craig-federighi']);
    // The mention stays the one the card was opened from.
    expect(page.ui.entityId).toBe('siri');
  });

  it('opens the mention’s own card afresh after navigating elsewhere in a previous one', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    page.part('button.chip').click();
    await page.settle();
    page.ui.close();
    await page.ui.open(page.opening('siri'));
    expect(text('h2.name')).toBe('Siri');
    expect(page.root().querySelector('button.back')).toBeNull();
  });
});

describe('card prefetch', () => {
  it('loads each card and the summary once, however often the page asks', async () => {
    page = cardUiPage();
    page.ui.prefetch(['siri', 'apple']);
    await page.settle();
    page.ui.prefetch(new Set(['siri', 'craig-federighi']));
    await page.settle();
    expect(calledIds(page.data.card).sort()).toEqual(['apple', 'craig-federighi', 'siri']);
    expect(page.data.summary).toHaveBeenCalledTimes(1);

    await page.ui.open(page.opening('siri'));
    expect(page.data.card).toHaveBeenCalledTimes(3);
    expect(text('h2.name')).toBe('Siri');
    // The summary names the source under the facts.
    expect(page.root().querySelector('.card-source')).not.toBeNull();
  });

  it('asks once for a card already on its way, and once for the summary', async () => {
    page = cardUiPage();
    page.ui.prefetch(['siri', 'apple']);
    page.ui.prefetch(['siri', 'apple']);
    await page.ui.open(page.opening('siri'));
    expect(calledIds(page.data.card).sort()).toEqual(['apple', 'siri']);
    expect(page.data.summary).toHaveBeenCalledTimes(1);
    expect(text('h2.name')).toBe('Siri');
  });

  it('reads cards and the summary again after forget(), and keeps no answer asked for before it', async () => {
    page = cardUiPage();
    page.ui.prefetch(['siri']);
    // Forgotten while the first answers are on their way: they were made of the packs before the change.
    page.ui.forget();
    await page.settle();
    await page.ui.open(page.opening('siri'));
    expect(calledIds(page.data.card)).toEqual(['siri', 'siri']);
    page.ui.prefetch([]);
    expect(page.data.summary).toHaveBeenCalledTimes(2);
    // The open card is read again when the packs change under it.
    page.ui.forget();
    await page.settle();
    expect(calledIds(page.data.card)).toEqual(['siri', 'siri', 'siri']);
    expect(text('h2.name')).toBe('Siri');
  });

  it('asks again for a card whose load failed', async () => {
    const data = sampleData();
    data.card.mockRejectedValueOnce(new Error('busy'));
    page = cardUiPage({ data });
    page.ui.prefetch(['siri']);
    await page.settle();
    await page.ui.open(page.opening('siri'));
    expect(calledIds(data.card)).toEqual(['siri', 'siri']);
    expect(text('h2.name')).toBe('Siri');
  });
});

describe('card pin and mute', () => {
  it('pins from its own button, and opens pinned when asked', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    expect(page.ui.isPinned).toBe(false);
    page.part('button.pin').click();
    expect(page.ui.isPinned).toBe(true);
    expect(page.dialog().dataset.pinned).toBe('true');

    page.ui.close();
    await page.ui.open(page.opening('apple', { pinned: true }));
    expect(page.ui.isPinned).toBe(true);
  });

  it('mutes through the data source, pins the card and offers to unmute', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    const mute = () => page.part('.mute button');
    expect(mute().textContent).toBe('Don’t highlight Siri');

    mute().click();
    expect(page.data.setMuted).toHaveBeenLastCalledWith('siri', true);
    // The highlights go at once; the card must stay to offer the way back.
    expect(page.ui.isPinned).toBe(true);
    expect(mute().textContent).toBe('Highlight Siri again');
    expect(text('.muted-note')).toContain('Siri is no longer highlighted');

    mute().click();
    expect(page.data.setMuted).toHaveBeenLastCalledWith('siri', false);
    expect(mute().textContent).toBe('Don’t highlight Siri');
  });

  it('offers to unmute an entity the setup says is muted', async () => {
    page = cardUiPage({ muted: new Set(['apple']) });
    await page.ui.open(page.opening('apple'));
    expect(page.part('.mute button').textContent).toBe('Highlight Apple again');
    page.ui.setMuted(new Set());
    expect(page.part('.mute button').textContent).toBe('Don’t highlight Apple');
  });

  it('offers no mute where the data source cannot mute', async () => {
    const { setMuted: _, ...data } = sampleData();
    page = cardUiPage({ data });
    await page.ui.open(page.opening('siri'));
    expect(page.root().querySelector('.mute')).toBeNull();
  });
});

describe('card theme', () => {
  it('follows the page’s colours under the mention', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    expect(page.dialog().dataset.theme).toBe('light');
    page.ui.close();

    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    await page.ui.open(page.opening('siri'));
    expect(page.dialog().dataset.theme).toBe('dark');
  });

  it('follows the system’s instead when told', async () => {
    page = cardUiPage({ theme: 'system' });
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    await page.ui.open(page.opening('siri'));
    expect(page.dialog().dataset.theme).toBe('system');
  });
});
