// How to load a build by hand: said by `npm start` and `npm run dev` where they cannot open a browser.
import { join } from 'node:path';

/** The instructions, naming the build folders under `root`. */
export function loadByHand(root) {
  const chrome = join(root, '.output/chrome-mv3');
  const firefox = join(root, '.output/firefox-mv2');
  return `
Build folders (made by npm run build):
  Chrome/Chromium: ${chrome}
  Firefox:         ${firefox}

Load it by hand:
  Chrome/Chromium: open chrome://extensions, turn on Developer mode,
                   "Load unpacked", choose ${chrome}
  Firefox:         open about:debugging#/runtime/this-firefox,
                   "Load Temporary Add-on…", choose ${firefox}/manifest.json
`;
}

export const hasDisplay = () => Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
