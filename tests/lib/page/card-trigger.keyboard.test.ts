import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_HIGHLIGHT } from '@/lib/page/highlight-names';
import { cardUiLoader, RecordingCardUi } from '@/tests/helpers/card-ui-double';
import { click, keyDown, trusted } from '@/tests/helpers/events';
import { NOWHERE, type TriggerPage, triggerPage } from '@/tests/helpers/trigger-page';

let page: TriggerPage;

afterEach(() => page.dispose());

/** A page whose mentions the trigger has been told of, and whose card part has loaded. */
async function ready(): Promise<TriggerPage> {
  page = triggerPage();
  page.trigger.setMentions(page.mentions.all);
  await page.wait(0);
  return page;
}

/** The text the keyboard's "current" mark covers. */
function currentText(): string[] {
  return [...(page.registry.get(CURRENT_HIGHLIGHT) ?? [])].map((r) =>
    (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
  );
}

describe('CardTrigger: loading the card part', () => {
  it('loads it once, on the first mention and not before', async () => {
    page = triggerPage();
    const { trigger, load, ui, mentions } = page;
    trigger.setMentions([]);
    await page.wait(0);
    expect(load).not.toHaveBeenCalled();

    trigger.setMentions(mentions.all);
    trigger.setMentions([mentions.craig]);
    await page.wait(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load.mock.calls[0]?.[0]).toMatchObject({ lang: 'en', data: page.data });
    // Each change has the card part fetch the cards of the page's entities ahead.
    expect(ui.prefetched).toEqual([['siri', 'craig-federighi'], ['craig-federighi']]);
  });

  it('tries a failed load again on the next change', async () => {
    const { ui, load: working } = cardUiLoader(new RecordingCardUi());
    const load = vi.fn(working).mockRejectedValueOnce(new Error('the extension was updated'));
    page = triggerPage({ load, ui });
    page.trigger.setMentions(page.mentions.all);
    await page.wait(0);
    expect(ui.prefetched).toHaveLength(0);

    page.trigger.setMentions(page.mentions.all);
    await page.wait(0);
    expect(load).toHaveBeenCalledTimes(2);
    expect(ui.prefetched).toHaveLength(1);
  });
});

describe('CardTrigger: keyboard navigation', () => {
  it('steps through the mentions in order, wrapping both ways, with the card open from the keyboard', async () => {
    const { trigger, ui, mentions } = await ready();
    expect(await trigger.navigate('next')).toBe(mentions.siri);
    expect(await trigger.navigate('next')).toBe(mentions.craig);
    expect(await trigger.navigate('next')).toBe(mentions.siriAgain);
    expect(await trigger.navigate('next')).toBe(mentions.siri);
    expect(await trigger.navigate('previous')).toBe(mentions.siriAgain);
    expect(ui.opens.map((o) => o.entityId)).toEqual(['siri', 'craig-federighi', 'siri', 'siri', 'siri']);
    expect(ui.opens.every((o) => o.byKeyboard)).toBe(true);
    expect(currentText()).toEqual(['Siri']);
  });

  it('starts from the last mention when going back first, and marks and scrolls to each', async () => {
    const { trigger, mentions } = await ready();
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    expect(await trigger.navigate('previous')).toBe(mentions.siriAgain);
    expect(scroll).toHaveBeenLastCalledWith({ block: 'center', inline: 'nearest' });
    expect(scroll.mock.contexts.at(-1)).toBe(mentions.siriAgain.startNode.parentElement);

    await trigger.navigate('previous');
    expect(currentText()).toEqual(['Craig Federighi']);
    expect(scroll.mock.contexts.at(-1)).toBe(mentions.craig.startNode.parentElement);
  });

  it('goes on from the card open under the pointer', async () => {
    const { trigger, mentions } = await ready();
    await page.hoverOpen(mentions.craig);
    expect(await trigger.navigate('next')).toBe(mentions.siriAgain);
  });

  it('has nowhere to go on a page without mentions', async () => {
    page = triggerPage();
    expect(await page.trigger.navigate('next')).toBeNull();
    expect(page.ui.opens).toHaveLength(0);
  });

  it('reveals the next mention of an entity, wrapping, and nothing for an entity not on the page', async () => {
    const { trigger, ui } = await ready();
    expect(await trigger.reveal('craig-federighi')).toBe(true);
    expect(ui.lastOpening).toMatchObject({ entityId: 'craig-federighi', byKeyboard: true });
    expect(currentText()).toEqual(['Craig Federighi']);

    expect(await trigger.reveal('siri')).toBe(true);
    expect(ui.lastOpening?.mentionText).toBe('Siri');
    expect(ui.lastOpening?.anchor.contextElement?.textContent).toBe('Later, Siri again.');
    expect(await trigger.reveal('siri')).toBe(true);
    expect(ui.lastOpening?.anchor.contextElement?.textContent).toBe('Siri met Craig Federighi.');

    const opened = ui.opens.length;
    expect(await trigger.reveal('apple')).toBe(false);
    expect(ui.opens).toHaveLength(opened);
    expect(ui.isOpen).toBe(true);
  });
});

describe('CardTrigger: Escape', () => {
  it('closes the card while the pointer rests on its mention, and keeps the key from the page', async () => {
    const { ui, mentions } = await ready();
    const pageKeys = vi.fn();
    document.body.addEventListener('keydown', pageKeys);
    await page.hoverOpen(mentions.craig);

    document.body.dispatchEvent(keyDown('Escape'));
    expect(ui.isOpen).toBe(true);
    expect(pageKeys).toHaveBeenCalledTimes(1);

    document.body.dispatchEvent(trusted(keyDown('Escape')));
    expect(ui.closes).toBe(1);
    expect(pageKeys).toHaveBeenCalledTimes(1);
    document.body.removeEventListener('keydown', pageKeys);
  });

  it('leaves Escape to the page when the pointer is elsewhere', async () => {
    const { trigger, ui } = await ready();
    const pageKeys = vi.fn();
    document.body.addEventListener('keydown', pageKeys);
    await page.moveTo(NOWHERE);
    await trigger.navigate('next');

    document.body.dispatchEvent(trusted(keyDown('Escape')));
    expect(ui.isOpen).toBe(true);
    expect(pageKeys).toHaveBeenCalledTimes(1);
    document.body.removeEventListener('keydown', pageKeys);
  });
});

describe('CardTrigger: what the card part tells it', () => {
  it('forgets the open mention when the card closes itself, so a click opens it again', async () => {
    const { ui, mentions } = await ready();
    const over = page.at(mentions.craig);
    document.body.dispatchEvent(trusted(click(over.x, over.y)));
    await page.wait(0);
    ui.closeFromCard();

    document.body.dispatchEvent(trusted(click(over.x, over.y)));
    await page.wait(0);
    expect(ui.opens).toHaveLength(2);
    expect(ui.isPinned).toBe(true);
  });

  it('closes a card opened by the pointer when its mention scrolls away, not one opened from the keyboard', async () => {
    const { trigger, ui, mentions } = await ready();
    await trigger.navigate('next');
    ui.options?.onAnchorHidden();
    expect(ui.isOpen).toBe(true);

    await page.hoverOpen(mentions.craig);
    ui.options?.onAnchorHidden();
    expect(ui.isOpen).toBe(false);
  });

  it('takes a new setup: the language goes to the card part, the hover delay applies at once', async () => {
    const { trigger, ui, mentions } = await ready();
    trigger.configure({ lang: 'fr', hoverDelayMs: 50, muted: ['siri'] });
    expect(ui.languages).toEqual(['fr']);
    await page.moveTo(page.at(mentions.craig));
    await page.wait(50);
    expect(ui.lastOpening?.entityId).toBe('craig-federighi');
  });
});
