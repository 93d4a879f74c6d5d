import { axeViolations } from './axe';
import type { E2EPage, ExtensionSession } from './session';

/** Center of the first occurrence of `text` in the page, in viewport coordinates. */
export function centerOfText(page: E2EPage, text: string) {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error(`"${wanted}" not found`);
  }, text);
}

/**
 * axe-core on the open card. axe cannot enter a closed shadow root, so the
 * card's markup and styles are copied into an open one on a blank page.
 */
export async function cardAxeViolations(page: E2EPage, session: ExtensionSession, blankUrl: string) {
  const markup = await page.inCard((d) => (d.getRootNode() as ShadowRoot).innerHTML);
  const probe = await session.newPage();
  await probe.goto(blankUrl);
  await probe.evaluate((html) => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = html as string;
  }, markup);
  const violations = await axeViolations(probe);
  await probe.close();
  return violations;
}
