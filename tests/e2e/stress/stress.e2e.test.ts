import { expect, it } from 'vitest';
import { describeInBrowsers } from '../harness/describe-in-browsers';
import { paintedRanges } from '../harness/page-probes';
import { FIXTURES } from '../harness/paths';
import { poll } from '../harness/session';

describeInBrowsers('stress', { fixtures: { '/': FIXTURES } }, ({ target, session, url }) => {
  it('annotates a page of 1,000,000 text nodes completely, and the page keeps ticking', async () => {
    const page = await session().newPage();
    const started = Date.now();
    await page.goto(url('/million-nodes.html'));
    const expected = await page.evaluate(
      () => (window as unknown as { __expectedMentions: number }).__expectedMentions,
    );
    const painted = await poll(
      () => paintedRanges(page),
      (r) => r.length >= expected,
      180_000,
    );
    const seconds = (Date.now() - started) / 1000;
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    console.log(
      `${target.name}: 1,000,000 text nodes: ${painted.length} mentions in ${seconds.toFixed(1)} s ` +
        `(load included); longest gap between the page's 10 ms ticks: ${maxGap.toFixed(0)} ms (page load included)`,
    );
    expect(painted.map((r) => r.text)).toEqual(Array.from({ length: expected }, () => 'Siri'));
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('keeps up with a page that mutates 1,000 times a second for 10 s, and ends exact', async () => {
    const page = await session().newPage();
    await page.goto(url('/mutation-storm.html'));
    await page.waitFor(() => (window as unknown as { __stormDone?: boolean }).__stormDone === true, undefined, 30_000);
    // Once the page is quiet, the highlights must match its final text exactly.
    const expected = await page.evaluate(() => {
      const text = document.body.innerText;
      return (text.match(/Craig Federighi|Apple Intelligence|Siri/g) ?? []).length;
    });
    const painted = await poll(
      () => paintedRanges(page),
      (r) => r.length === expected,
      20_000,
    );
    console.log(`${target.name}: mutation storm: ${painted.length} highlights match the final text (${expected})`);
    expect(painted.length).toBe(expected);
    expect(page.errors()).toEqual([]);
    await page.close();
  });
});
