import { beforeAll, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { badgeTexts, paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { CARD_HOST_SELECTOR, type E2EPage, poll } from './harness/session';

/** Center of the nth occurrence of `text` in the page's text, in viewport coordinates. */
function centerOf(page: E2EPage, text: string, nth = 0) {
  return page.evaluate(
    ([wanted, index]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        let at = node.data.indexOf(wanted);
        while (at >= 0) {
          if (seen++ === index) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            const box = range.getBoundingClientRect();
            return { x: box.x + box.width / 2, y: box.y + box.height / 2, bottom: box.bottom };
          }
          at = node.data.indexOf(wanted, at + 1);
        }
      }
      throw new Error(`"${wanted}" #${index} not found`);
    },
    [text, nth] as [string, number],
  );
}

const cardSummary = (page: E2EPage) =>
  page.inCard((dialog) => ({
    label: dialog.getAttribute('aria-label'),
    name: dialog.querySelector('.name')?.textContent ?? null,
    facts: dialog.querySelectorAll('.fact').length,
    lang: dialog.getAttribute('lang'),
    focused: (dialog.getRootNode() as ShadowRoot).activeElement === dialog,
    description: dialog.getAttribute('aria-describedby')
      ? (dialog.getRootNode() as ShadowRoot).getElementById(dialog.getAttribute('aria-describedby') as string)
          ?.textContent
      : null,
  }));

type CardSummary = Awaited<ReturnType<typeof cardSummary>>;
const waitCard = (page: E2EPage, ok: (c: CardSummary) => boolean, timeoutMs = 5000) =>
  poll(() => cardSummary(page), ok, timeoutMs);

describeInBrowsers('cards', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  let page: E2EPage;
  beforeAll(async () => {
    page = await session().newPage();
    await page.goto(url('/article-en.html'));
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 8,
    );
  });

  it('adds no element to a page before the first hover', async () => {
    expect(await page.evaluate((selector) => document.querySelector(selector), CARD_HOST_SELECTOR)).toBeNull();
  });

  it('opens a card with the entity’s name and facts after resting on a mention', async () => {
    const at = await centerOf(page, 'Craig Federighi');
    await page.mouseMove(at.x, at.y);
    const card = await waitCard(page, (c) => c?.name === 'Craig Federighi');
    expect(card?.facts).toBeGreaterThan(0);
    expect(card?.label).toContain('Craig Federighi');
    expect(card?.description).toContain('Craig Federighi');
    await page.screenshot(`${ROOT}test-results/card-${target.name}-en.png`);
  });

  it('keeps the card open while the pointer is in it, and closes it once the pointer leaves both', async () => {
    const box = await page.inCard((dialog) => {
      const r = dialog.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + 20 };
    });
    expect(box).not.toBeNull();
    await page.mouseMove(box?.x as number, box?.y as number);
    await new Promise((r) => setTimeout(r, 900));
    expect((await cardSummary(page))?.name).toBe('Craig Federighi');
    await page.mouseMove(5, 600);
    await waitCard(page, (c) => c === null);
  });

  it('closes with Escape', async () => {
    const at = await centerOf(page, 'Ruoming Pang');
    await page.mouseMove(at.x, at.y);
    await waitCard(page, (c) => c?.name === 'Ruoming Pang');
    await page.press('Escape');
    await waitCard(page, (c) => c === null);
  });

  it('switches language and follows related entities, with a way back', async () => {
    const at = await centerOf(page, 'Siri', 0);
    await page.mouseMove(at.x, at.y);
    await waitCard(page, (c) => c?.name === 'Siri');
    await page.inCard((d) => (d.querySelector('button.lang') as HTMLButtonElement).click());
    const french = await waitCard(page, (c) => c?.lang === 'fr');
    expect(french?.label).toContain('contexte');
    await page.inCard((d) => (d.querySelector('.related button') as HTMLButtonElement).click());
    const related = await waitCard(page, (c) => c?.name !== 'Siri');
    expect(related?.name).toBeTruthy();
    await page.inCard((d) => (d.querySelector('button.back') as HTMLButtonElement).click());
    await waitCard(page, (c) => c?.name === 'Siri');
    await page.inCard((d) => (d.querySelector('button.lang') as HTMLButtonElement).click());
    await waitCard(page, (c) => c?.lang === 'en');
    await page.press('Escape');
    await waitCard(page, (c) => c === null);
  });

  it('reaches the second mention with the keyboard command and puts focus in its card', async () => {
    await page.mouseMove(5, 600);
    const extensionPage = await session().openExtensionPage('/welcome.html');
    // Browsers cannot fire a command shortcut headless: send what the command handler sends.
    const navigate = () =>
      extensionPage.evaluate(async () => {
        interface Api {
          tabs: {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(id: number, m: object, o: object): Promise<unknown>;
          };
          action?: { getBadgeText(d: { tabId: number }): Promise<string> };
          browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
        }
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const api = g.browser ?? g.chrome;
        const action = (api.action ?? api.browserAction) as NonNullable<Api['action']>;
        for (const tab of await api.tabs.query({})) {
          if ((await action.getBadgeText({ tabId: tab.id as number })) !== '8') continue;
          const message = {
            id: Date.now(),
            type: 'navigateMention',
            data: { direction: 'next' },
            timestamp: Date.now(),
          };
          return api.tabs.sendMessage(tab.id as number, message, { frameId: 0 });
        }
        return 'no tab';
      });
    expect(await badgeTexts(extensionPage)).toContain('8');
    await navigate();
    await navigate();
    await extensionPage.close();
    const card = await waitCard(page, (c) => c?.name === 'Ruoming Pang' && c.focused);
    expect(card?.focused).toBe(true);
    const focusIsHost = () =>
      page.evaluate((selector) => document.activeElement === document.querySelector(selector), CARD_HOST_SELECTOR);
    expect(await focusIsHost()).toBe(true);
    await page.press('Tab');
    const focusInside = await page.inCard((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement));
    expect(focusInside).toBe(true);
    await page.press('Escape');
    await waitCard(page, (c) => c === null);
    expect(await focusIsHost()).toBe(false);
  });

  it('passes axe-core checks on the open card', async () => {
    const at = await centerOf(page, 'Apple Intelligence', 0);
    await page.mouseMove(at.x, at.y);
    await waitCard(page, (c) => c?.name === 'Apple Intelligence');
    // axe cannot enter a closed shadow root: copy the card's markup and styles into an open one.
    const markup = await page.inCard((d) => (d.getRootNode() as ShadowRoot).innerHTML);
    const probe = await session().newPage();
    await probe.goto(url('/blank.html'));
    await probe.evaluate((html) => {
      const host = document.createElement('div');
      host.id = 'card-copy';
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = html as string;
    }, markup);
    const violations = await axeViolations(probe);
    expect(violations).toEqual([]);
    await probe.close();
    await page.press('Escape');
  });
});
