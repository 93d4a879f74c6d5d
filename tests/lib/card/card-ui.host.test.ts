import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CardUiPage, cardUiPage } from '@/tests/helpers/card-ui-page';
import { keyDown, trusted } from '@/tests/helpers/events';

let page: CardUiPage;

afterEach(() => page.dispose());

/** What the extension added to `<html>` besides the page's head and body. */
const hosts = () => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);

describe('card host', () => {
  it('renders the card in a closed shadow root on a plain <div> appended to <html>', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    // No custom element name: a page could define it first and reach the closed root through its internals.
    expect(host?.tagName).toBe('DIV');
    expect(host?.shadowRoot).toBeNull();
    expect(page.root().mode).toBe('closed');
    expect(page.root().host).toBe(host);
    expect(page.dialog().getAttribute('aria-label')).toBe('Siri: context');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(page.ui.isOwnElement(host as Element)).toBe(true);
    expect(page.ui.isOwnElement(page.context)).toBe(false);
    // Nothing of the page's styles may size, hide or move the host.
    expect((host as HTMLElement).style.getPropertyPriority('position')).toBe('important');
  });

  it('uses one host for every card while the page keeps it', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    page.ui.close();
    await page.ui.open(page.opening('apple'));
    expect(hosts()).toHaveLength(1);
    expect(page.roots).toHaveLength(1);
    expect(page.dialog().getAttribute('aria-label')).toBe('Apple: context');
  });

  it('creates a new host for the next card when the page removed it, with its keys bound again', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    page.ui.close();
    const [removed] = hosts();
    removed?.remove();

    await page.ui.open(page.opening('apple'));
    const [host] = hosts();
    expect(host).toBeDefined();
    expect(host).not.toBe(removed);
    expect(page.ui.isOwnElement(host as Element)).toBe(true);
    expect(page.dialog().getAttribute('aria-label')).toBe('Apple: context');

    page.part('button.close').dispatchEvent(trusted(keyDown('Escape')));
    expect(page.ui.isOpen).toBe(false);
  });
});

describe('card keys', () => {
  it('keeps every key typed in the card from the page', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    const pageKeys = vi.fn();
    for (const type of ['keydown', 'keyup', 'keypress']) document.addEventListener(type, pageKeys);

    const button = page.part('button.lang');
    for (const type of ['keydown', 'keyup', 'keypress'])
      button.dispatchEvent(trusted(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true })));
    expect(pageKeys).not.toHaveBeenCalled();
    expect(page.ui.isOpen).toBe(true);

    // The page's own synthetic keys are neither the card's business nor hidden from the page.
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKeys).toHaveBeenCalledTimes(1);

    for (const type of ['keydown', 'keyup', 'keypress']) document.removeEventListener(type, pageKeys);
  });

  it('closes on Escape and tells the trigger, but not on a synthetic Escape', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    const button = page.part('button.lang');

    const synthetic = keyDown('Escape');
    button.dispatchEvent(synthetic);
    expect(page.ui.isOpen).toBe(true);
    expect(synthetic.defaultPrevented).toBe(false);

    const escapeKey = trusted(keyDown('Escape'));
    button.dispatchEvent(escapeKey);
    expect(page.ui.isOpen).toBe(false);
    expect(escapeKey.defaultPrevented).toBe(true);
    expect(page.onClosed).toHaveBeenCalledTimes(1);
    expect(page.root().querySelector('[role="dialog"]')).toBeNull();
  });

  it('tells the trigger when its close button closes it, but not when the trigger closes it', async () => {
    page = cardUiPage();
    await page.ui.open(page.opening('siri'));
    page.ui.close();
    expect(page.onClosed).not.toHaveBeenCalled();

    await page.ui.open(page.opening('siri'));
    page.part('button.close').click();
    expect(page.ui.isOpen).toBe(false);
    expect(page.onClosed).toHaveBeenCalledTimes(1);
  });
});

describe('card focus', () => {
  const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';
  const tab = (target: Element, shiftKey = false) => {
    const event = trusted(keyDown('Tab', { shiftKey }));
    target.dispatchEvent(event);
    return event;
  };

  it('takes focus when opened from the keyboard, and Tab cycles inside the card both ways', async () => {
    page = cardUiPage();
    page.pageButton.focus();
    await page.ui.open(page.opening('siri', { byKeyboard: true }));
    const root = page.root();
    expect(root.activeElement).toBe(page.dialog());

    const focusable = [...page.dialog().querySelectorAll<HTMLElement>(FOCUSABLE)];
    expect(focusable.length).toBeGreaterThan(2);
    const first = focusable[0] as HTMLElement;
    const last = focusable[focusable.length - 1] as HTMLElement;

    expect(tab(page.dialog()).defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(first);
    tab(first);
    expect(root.activeElement).toBe(focusable[1]);
    last.focus();
    tab(last);
    expect(root.activeElement).toBe(first);
    tab(first, true);
    expect(root.activeElement).toBe(last);
  });

  it('leaves Tab and focus alone in a card opened by the pointer', async () => {
    page = cardUiPage();
    page.pageButton.focus();
    await page.ui.open(page.opening('siri'));
    expect(document.activeElement).toBe(page.pageButton);
    const event = tab(page.part('button.lang'));
    expect(event.defaultPrevented).toBe(false);
  });

  it('gives focus back to where it was when a card opened from the keyboard closes', async () => {
    page = cardUiPage();
    page.pageButton.focus();
    await page.ui.open(page.opening('siri', { byKeyboard: true }));
    // A second keyboard opening (the next mention) still returns to where focus was before the first.
    await page.ui.open(page.opening('apple', { byKeyboard: true }));
    expect(document.activeElement).not.toBe(page.pageButton);

    page.part('button.lang').dispatchEvent(trusted(keyDown('Escape')));
    expect(document.activeElement).toBe(page.pageButton);
  });
});
