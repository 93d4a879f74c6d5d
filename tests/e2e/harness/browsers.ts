import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { browserAvailable, CHROMIUM_PATH, FIREFOX_PATH } from './paths';
import type { ExtensionSession } from './session';

export interface BrowserTarget {
  name: 'chromium' | 'firefox';
  available: boolean;
  launch(options?: { lang?: string; withExtension?: boolean; profileDir?: string }): Promise<ExtensionSession>;
}

/** Both target browsers; each suite runs once per available browser. */
export const TARGETS: BrowserTarget[] = [
  { name: 'chromium', available: browserAvailable('chromium', CHROMIUM_PATH), launch: (o) => launchChromium(o) },
  { name: 'firefox', available: browserAvailable('firefox', FIREFOX_PATH), launch: (o) => launchFirefox(o) },
];
