import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { click, pointerMove, trusted } from '@/tests/helpers/events';
import { FRAME_MS, HOVER_DELAY_MS, NOWHERE, type TriggerPage, triggerPage } from '@/tests/helpers/trigger-page';

const GRACE_MS = 300;

let page: TriggerPage;

beforeEach(() => {
  page = triggerPage();
  page.trigger.setMentions(page.mentions.all);
});

afterEach(() => page.dispose());

const clickAt = (at: { x: number; y: number }, pointerType = 'mouse') =>
  document.body.dispatchEvent(trusted(click(at.x, at.y, pointerType)));

describe('CardTrigger: hover', () => {
  it('opens the card of a hovered mention once the hover delay has passed', async () => {
    const { ui, mentions } = page;
    await page.moveTo(page.at(mentions.craig));
    await page.wait(HOVER_DELAY_MS - 1);
    expect(ui.opens).toHaveLength(0);

    await page.wait(1);
    expect(ui.opens).toHaveLength(1);
    expect(ui.lastOpening).toMatchObject({
      entityId: 'craig-federighi',
      mentionText: 'Craig Federighi',
      byKeyboard: false,
    });
    expect(ui.lastOpening?.pinned).toBeFalsy();
    expect(ui.lastOpening?.anchor.contextElement).toBe(mentions.craig.startNode.parentElement);
  });

  it('does not open a card for a mention the pointer only passed over', async () => {
    await page.moveTo(page.at(page.mentions.craig));
    await page.wait(HOVER_DELAY_MS / 2);
    await page.moveTo(NOWHERE);
    await page.wait(HOVER_DELAY_MS * 2);
    expect(page.ui.opens).toHaveLength(0);
  });

  it('ignores the page’s synthetic pointer moves and clicks', async () => {
    const { ui, mentions } = page;
    const over = page.at(mentions.craig);
    document.body.dispatchEvent(pointerMove(over.x, over.y));
    await page.wait(FRAME_MS + HOVER_DELAY_MS * 2);
    document.body.dispatchEvent(click(over.x, over.y));
    document.body.dispatchEvent(click(over.x, over.y, 'touch'));
    await page.wait(FRAME_MS);
    expect(ui.opens).toHaveLength(0);

    // Only trust made the difference: the same input from the user opens it.
    clickAt(over);
    await page.wait(FRAME_MS);
    expect(ui.opens).toHaveLength(1);
  });

  it('closes an unpinned card a grace delay after the pointer left it, unless the pointer comes back', async () => {
    const { ui, mentions } = page;
    await page.hoverOpen(mentions.craig);
    await page.moveTo(NOWHERE);
    await page.wait(GRACE_MS - FRAME_MS - 1);
    expect(ui.isOpen).toBe(true);
    await page.wait(FRAME_MS + 1);
    expect(ui.closes).toBe(1);

    await page.hoverOpen(mentions.craig);
    await page.moveTo(NOWHERE);
    await page.wait(GRACE_MS / 2);
    await page.moveTo(page.at(mentions.craig));
    await page.wait(GRACE_MS * 2);
    expect(ui.isOpen).toBe(true);
    expect(ui.opens).toHaveLength(2);
  });

  it('keeps the card while the pointer is over the card itself', async () => {
    const { ui, mentions } = page;
    document.documentElement.append(ui.element);
    await page.hoverOpen(mentions.craig);
    ui.element.dispatchEvent(trusted(pointerMove(NOWHERE.x, NOWHERE.y)));
    await page.wait(FRAME_MS + GRACE_MS * 2);
    expect(ui.isOpen).toBe(true);
    expect(ui.closes).toBe(0);
  });

  it('closes a card opened by hover when its mention goes', async () => {
    const { trigger, ui, mentions } = page;
    await page.hoverOpen(mentions.craig);
    trigger.setMentions([mentions.siri, mentions.siriAgain]);
    expect(ui.closes).toBe(1);
  });

  it('looks again under a resting pointer when the mentions change there', async () => {
    const { trigger, ui, highlighter, mentions } = page;
    highlighter.sync([mentions.siri]);
    trigger.setMentions([mentions.siri]);
    await page.moveTo(page.at(mentions.craig));
    await page.wait(HOVER_DELAY_MS * 2);
    expect(ui.opens).toHaveLength(0);

    // The page re-rendered: the text under the pointer became a mention without the pointer moving.
    highlighter.sync(mentions.all);
    trigger.setMentions(mentions.all);
    await page.wait(FRAME_MS + HOVER_DELAY_MS);
    expect(ui.lastOpening?.entityId).toBe('craig-federighi');
  });

  it('ignores input once the extension is gone', async () => {
    page.invalidate();
    await page.hoverOpen(page.mentions.craig);
    clickAt(page.at(page.mentions.craig));
    await page.wait(FRAME_MS);
    expect(page.ui.opens).toHaveLength(0);
  });
});

describe('CardTrigger: clicks and taps', () => {
  it('pins the card on a click, and unpins it on a second one', async () => {
    const { ui, mentions } = page;
    clickAt(page.at(mentions.craig));
    await page.wait(0);
    expect(ui.opens).toHaveLength(1);
    expect(ui.lastOpening?.pinned).toBe(true);

    clickAt(page.at(mentions.craig));
    expect(ui.isPinned).toBe(false);
    clickAt(page.at(mentions.craig));
    expect(ui.isPinned).toBe(true);
    expect(ui.opens).toHaveLength(1);
  });

  it('pins a card opened by hover when its mention is clicked', async () => {
    const { ui, mentions } = page;
    await page.hoverOpen(mentions.craig);
    clickAt(page.at(mentions.craig));
    expect(ui.isPinned).toBe(true);
    expect(ui.opens).toHaveLength(1);
  });

  it('keeps a pinned card when the pointer leaves and when its mention goes', async () => {
    const { trigger, ui, mentions } = page;
    clickAt(page.at(mentions.craig));
    await page.moveTo(NOWHERE);
    await page.wait(GRACE_MS * 2);
    expect(ui.isOpen).toBe(true);

    // The user muted the entity from the card: the card stays to offer the way back.
    trigger.setMentions([mentions.siri, mentions.siriAgain]);
    expect(ui.isOpen).toBe(true);
    expect(ui.closes).toBe(0);
  });

  it('opens the card at once on a tap, unpinned, and closes it on a tap elsewhere', async () => {
    const { ui, mentions } = page;
    clickAt(page.at(mentions.siriAgain), 'touch');
    await page.wait(0);
    expect(ui.opens).toHaveLength(1);
    expect(ui.lastOpening).toMatchObject({ entityId: 'siri', byKeyboard: false });
    expect(ui.lastOpening?.pinned).toBe(false);

    // A second tap on the mention leaves the card as it is (touch has no pin gesture).
    clickAt(page.at(mentions.siriAgain), 'touch');
    expect(ui.isPinned).toBe(false);
    expect(ui.isOpen).toBe(true);

    clickAt(NOWHERE, 'touch');
    expect(ui.closes).toBe(1);
  });

  it('leaves a card pinned with the mouse open on a click elsewhere', async () => {
    const { ui, mentions } = page;
    clickAt(page.at(mentions.craig));
    await page.wait(0);
    clickAt(NOWHERE);
    expect(ui.isOpen).toBe(true);
  });

  it('leaves a click inside the card to the card', async () => {
    const { ui, mentions } = page;
    document.documentElement.append(ui.element);
    const over = page.at(mentions.craig);
    ui.element.dispatchEvent(trusted(click(over.x, over.y)));
    await page.wait(0);
    expect(ui.opens).toHaveLength(0);
  });
});
