import { beforeEach, expect, it } from 'vitest';
import { cardAxeViolations, centerOfText } from './harness/card-probes';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { paintedRanges } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { type E2EPage, poll } from './harness/session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cardState = (page: E2EPage) =>
  page.inCard((d) => ({
    name: d.querySelector('.name')?.textContent ?? null,
    pinned: d.getAttribute('data-pinned') === 'true',
    theme: d.getAttribute('data-theme'),
    facts: d.querySelectorAll('.fact').length,
  }));
type CardState = Awaited<ReturnType<typeof cardState>>;
const waitCard = (page: E2EPage, ok: (c: CardState) => boolean) => poll(() => cardState(page), ok, 5000);

async function openPage(page: E2EPage, address: string, ranges: number): Promise<void> {
  await page.goto(address);
  await poll(
    () => paintedRanges(page),
    (r) => r.length === ranges,
  );
}

describeInBrowsers('card reading', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  let page: E2EPage;
  beforeEach(async () => {
    page = await session().newPage();
    await openPage(page, url('/card-hostile.html'), 2);
  });

  it('pins a card with a click on its mention: it stays when the pointer leaves, until unpinned', async () => {
    const at = await centerOfText(page, 'Craig Federighi');
    await page.mouseMove(at.x, at.y);
    await page.click(at.x, at.y);
    await waitCard(page, (c) => c?.name === 'Craig Federighi' && c.pinned);
    await page.mouseMove(4, 4);
    await sleep(900);
    expect((await cardState(page))?.pinned).toBe(true);
    // The README's picture of a pinned card.
    await page.screenshot(`${ROOT}test-results/card-pinned-${target.name}.png`);
    expect(await cardAxeViolations(page, session(), url('/blank.html'))).toEqual([]);
    await page.inCard((d) => (d.querySelector('button.pin') as HTMLButtonElement).click());
    await waitCard(page, (c) => c?.pinned === false);
    // Unpinned, it goes once the pointer moves elsewhere.
    await page.mouseMove(6, 6);
    await waitCard(page, (c) => c === null);
    await page.close();
  });

  it('closes a pinned card with Escape from inside it, and unfolds long fact lists on request', async () => {
    const at = await centerOfText(page, 'Craig Federighi');
    await page.click(at.x, at.y);
    await waitCard(page, (c) => c?.pinned === true);
    const folded = (await cardState(page))?.facts ?? 0;
    await page.inCard((d) => (d.querySelector('button.more') as HTMLButtonElement).click());
    await waitCard(page, (c) => (c?.facts ?? 0) > folded);
    expect(await cardAxeViolations(page, session(), url('/blank.html'))).toEqual([]);
    await page.inCard((d) => (d.querySelector('button.more') as HTMLButtonElement).focus());
    await page.press('Escape');
    await waitCard(page, (c) => c === null);
    await page.close();
  });

  it('mutes a name from its card in every open tab at once, and unmutes it from the card or the popup', async () => {
    const other = await session().newPage();
    await openPage(other, url('/article-en.html'), 8);
    const texts = async (p: E2EPage) => (await paintedRanges(p)).map((r) => r.text);
    const namesCraig = (t: string[]) => t.some((text) => /Craig|Federighi/.test(text));
    const muteButton = () =>
      page.inCard((d) => {
        const button = d.querySelector<HTMLButtonElement>('p.mute button');
        return button && { text: button.textContent, note: d.querySelector('.muted-note')?.textContent ?? null };
      });
    const clickMute = () => page.inCard((d) => d.querySelector<HTMLButtonElement>('p.mute button')?.click());

    const at = await centerOfText(page, 'Craig Federighi');
    await page.click(at.x, at.y);
    await waitCard(page, (c) => c?.name === 'Craig Federighi' && c.pinned);
    expect((await muteButton())?.text).toBe('Don’t highlight Craig Federighi');
    await clickMute();
    // Gone from both tabs; the card stays open, pinned, to offer the way back.
    await poll(
      () => texts(other),
      (t) => !namesCraig(t) && t.length === 6,
    );
    await poll(
      () => texts(page),
      (t) => t.join() === 'Ruoming Pang',
    );
    expect(await muteButton()).toEqual({
      text: 'Highlight Craig Federighi again',
      note: expect.stringContaining('no longer highlighted'),
    });
    expect((await cardState(page))?.pinned).toBe(true);
    await page.screenshot(`${ROOT}test-results/card-muted-${target.name}.png`);
    expect(await cardAxeViolations(page, session(), url('/blank.html'))).toEqual([]);

    await clickMute();
    await poll(
      () => paintedRanges(other),
      (r) => r.length === 8,
    );
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );

    // Muted again, then unmuted from the popup, which lists it under the page's mentions.
    await clickMute();
    await poll(
      () => paintedRanges(other),
      (r) => r.length === 6,
    );
    const popup = await session().openExtensionPage('/popup.html');
    const unmute = await poll(
      () => popup.evaluate(() => document.querySelector('.muted-names button')?.textContent ?? null),
      (t) => t !== null,
    );
    expect(unmute).toBe('Highlight Craig Federighi again');
    await popup.setViewport(380, 600);
    await popup.screenshot(`${ROOT}test-results/popup-muted-${target.name}.png`);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.muted-names button')?.click());
    await poll(
      () => paintedRanges(other),
      (r) => r.length === 8,
    );
    await poll(
      () => popup.evaluate(() => document.querySelector('.muted-names')),
      (el) => el === null,
    );
    await popup.close();
    await other.close();
    await page.close();
  });
});

describeInBrowsers(
  'card on a touch screen, with a dark system',
  { fixtures: { '/': FIXTURES }, browsers: ['chromium'], launch: { hasTouch: true, colorScheme: 'dark' } },
  ({ session, url }) => {
    it('opens a card with a tap and closes it with a tap elsewhere; light on a light page', async () => {
      const page = await session().newPage();
      await openPage(page, url('/card-hostile.html'), 2);
      const at = await centerOfText(page, 'Ruoming Pang');
      await page.tap(at.x, at.y);
      const card = await waitCard(page, (c) => c?.name === 'Ruoming Pang');
      expect(card?.theme).toBe('light');
      // Above the mention: the card opens below it.
      await page.tap(at.x, 8);
      await waitCard(page, (c) => c === null);
      await page.close();
    });

    it('is dark on a dark page', async () => {
      const page = await session().newPage();
      await openPage(page, url('/card-hostile.html'), 2);
      await page.evaluate(() => {
        document.body.style.background = 'rgb(18, 18, 22)';
        document.body.style.color = '#eee';
      });
      const at = await centerOfText(page, 'Craig Federighi');
      await page.tap(at.x, at.y);
      const card = await waitCard(page, (c) => c?.name === 'Craig Federighi');
      expect(card?.theme).toBe('dark');
      expect(await cardAxeViolations(page, session(), url('/blank.html'))).toEqual([]);
      await page.close();
    });
  },
);
