import { beforeEach, expect, it } from 'vitest';
import { centerOfText as centerOf } from './harness/card-probes';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES } from './harness/paths';
import { CARD_HOST_SELECTOR, type E2EPage, poll } from './harness/session';

const cardName = (page: E2EPage) => page.inCard((d) => d.querySelector('.name')?.textContent ?? null);
const waitName = (page: E2EPage, ok: (name: string | null) => boolean) => poll(() => cardName(page), ok, 5000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hover(page: E2EPage, text: string): Promise<void> {
  const { x, y } = await centerOf(page, text);
  await page.mouseMove(x - 3, y);
  await page.mouseMove(x, y);
}

async function leave(page: E2EPage): Promise<void> {
  await page.mouseMove(5, 5);
  await page.mouseMove(2, 2);
}

describeInBrowsers('card security', { fixtures: { '/': FIXTURES } }, ({ session, url }) => {
  let page: E2EPage;
  beforeEach(async () => {
    page = await session().newPage();
    await page.goto(url('/card-hostile.html'));
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );
  });

  it('keeps the card out of the page’s reach, whatever names it defined first', async () => {
    await hover(page, 'Craig Federighi');
    await waitName(page, (n) => n === 'Craig Federighi');
    expect(await page.evaluate(() => (window as unknown as { __reachableRoots(): number }).__reachableRoots())).toBe(0);
    // The host is a plain element: no custom element of the page became it.
    const host = await page.evaluate((selector) => {
      const el = document.querySelector(selector);
      return el ? { tag: el.tagName, upgraded: customElements.get(el.localName) !== undefined } : null;
    }, CARD_HOST_SELECTOR);
    expect(host).toEqual({ tag: 'DIV', upgraded: false });
    await page.close();
  });

  it('opens no card for synthetic events, and closes none', async () => {
    const at = await centerOf(page, 'Craig Federighi');
    await page.evaluate(({ x, y }) => {
      for (const type of ['pointermove', 'pointerdown', 'pointerup', 'click'] as const) {
        const init = { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse' };
        document
          .elementFromPoint(x, y)
          ?.dispatchEvent(type === 'click' ? new MouseEvent(type, init) : new PointerEvent(type, init));
      }
    }, at);
    await sleep(900);
    expect(await cardName(page)).toBeNull();
    await hover(page, 'Craig Federighi');
    await waitName(page, (n) => n === 'Craig Federighi');
    await page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.dispatchEvent(new PointerEvent('pointermove', { clientX: 1, clientY: 1, bubbles: true }));
    });
    await sleep(700);
    expect(await cardName(page)).toBe('Craig Federighi');
    await page.close();
  });

  it('opens cards again after the page swaps its body, or removes the card’s host', async () => {
    await hover(page, 'Craig Federighi');
    await waitName(page, (n) => n === 'Craig Federighi');
    await leave(page);
    await waitName(page, (n) => n === null);
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.innerHTML = document.body.innerHTML;
      document.body.replaceWith(body);
    });
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );
    await hover(page, 'Ruoming Pang');
    await waitName(page, (n) => n === 'Ruoming Pang');
    await leave(page);
    await waitName(page, (n) => n === null);
    await page.evaluate((selector) => document.querySelector(selector)?.remove(), CARD_HOST_SELECTOR);
    await hover(page, 'Craig Federighi');
    await waitName(page, (n) => n === 'Craig Federighi');
    await page.close();
  });

  it('restores its highlights when the page clears them, and keeps the page’s ranges out of them', async () => {
    await page.evaluate(() => {
      (CSS.highlights.get('context-lens-subject') as Highlight).clear();
    });
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );
    await page.evaluate(() => CSS.highlights.clear());
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );
    // The page's own range under our name, and one slipped into our highlight: neither stays, neither opens a card.
    await page.evaluate(() => {
      const text = (document.getElementById('plain') as HTMLElement).firstChild as Text;
      const range = new StaticRange({ startContainer: text, startOffset: 14, endContainer: text, endOffset: 19 });
      (CSS.highlights.get('context-lens-subject') as Highlight).add(range);
      (window as unknown as { __fake: Highlight }).__fake = new Highlight(range);
      CSS.highlights.set('context-lens-organisation', (window as unknown as { __fake: Highlight }).__fake);
    });
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2 && r.every((x) => x.text !== 'lorem'),
      5000,
    );
    await hover(page, 'lorem');
    await sleep(900);
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('leaves Escape to the page while the focus is in it', async () => {
    await hover(page, 'Craig Federighi');
    await waitName(page, (n) => n === 'Craig Federighi');
    await page.evaluate(() => (document.getElementById('field') as HTMLInputElement).focus());
    await leave(page);
    await page.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { __escapes: number }).__escapes)).toBe(1);
    await page.close();
  });
});
