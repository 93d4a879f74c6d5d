import { expect, it } from 'vitest';
import { describeInBrowsers } from './harness/describe-in-browsers';
import { badgeTexts, pageMutations, paintedRanges } from './harness/page-probes';
import { FIXTURES } from './harness/paths';
import { poll } from './harness/session';

const SUBJECT = 'context-lens-subject';

/** What each fixture must show, in document order. */
const EXPECTED = {
  'spotting-rules.html': [
    'SIRI',
    'APPLE INTELLIGENCE',
    'Craig Federighi',
    'Ruoming Pang',
    'Ruoming Pang',
    'Apple Intelligence',
    'Apple Intelligence',
    'Siri',
    'Siri',
    'Craig Federighi',
    'Ruoming Pang',
    'Craig Federighi',
    'Si\u00adri',
    'Federighi',
    'Pang',
    'Federighi',
    // A <br> reads as a space to the matcher; Range#toString() omits it.
    'RuomingPang',
    'Apple Intelligence',
  ],
  'article-fr.html': [
    'Craig Federighi',
    'Ruoming Pang',
    'Pang',
    'Apple Intelligence',
    'Siri',
    'Federighi',
    'Siri',
    'APPLE INTELLIGENCE',
  ],
  'article-en.html': [
    'Craig Federighi',
    'Ruoming Pang',
    'Apple Intelligence',
    'Federighi',
    'Siri',
    'Apple Intelligence',
    'Siri',
    'Pang',
  ],
};

describeInBrowsers('spotting', { fixtures: { '/': FIXTURES } }, ({ session, url }) => {
  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`highlights exactly the expected mentions of ${fixture}, without touching the page`, async () => {
      const page = await session().newPage();
      await page.goto(url(`/${fixture}`));
      const painted = await poll(
        () => paintedRanges(page),
        (r) => r.length >= expected.length,
      );
      // Give a late, wrong extra highlight the chance to show up before comparing.
      await new Promise((r) => setTimeout(r, 300));
      const settled = await paintedRanges(page);
      expect(settled.map((r) => r.text)).toEqual(expected);
      expect(new Set(painted.map((r) => r.name))).toEqual(new Set([SUBJECT]));
      expect(await pageMutations(page)).toEqual([]);
      await page.close();
    });
  }

  it('follows text added, changed and removed after load', async () => {
    const page = await session().newPage();
    await page.goto(url('/dynamic.html'));
    await poll(
      () => paintedRanges(page),
      (r) => r.length === 2,
    );
    expect((await paintedRanges(page)).map((r) => r.text)).toEqual(['Siri', 'Apple Intelligence']);
    await page.waitFor(() => (window as unknown as { __changed?: boolean }).__changed === true);
    const after = await poll(
      () => paintedRanges(page),
      (r) => r.some((x) => x.text === 'Craig Federighi'),
    );
    expect(after.map((r) => r.text)).toEqual(['Siri', 'Ruoming Pang', 'Craig Federighi']);
    await page.close();
  });

  it('shows the tab’s mention count on the toolbar badge', async () => {
    const page = await session().newPage();
    await page.goto(url('/article-en.html'));
    await poll(
      () => paintedRanges(page),
      (r) => r.length === EXPECTED['article-en.html'].length,
    );
    const extensionPage = await session().openExtensionPage('/welcome.html');
    const badges = await poll(
      () => badgeTexts(extensionPage),
      (texts) => texts.includes(String(EXPECTED['article-en.html'].length)),
    );
    expect(badges).toContain('8');
    await extensionPage.close();
    await page.close();
  });
});
