import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id: storage.sync and installed-extension tests depend on it.
const GECKO_ID = 'context-lens@example.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Extension browsers all support module preload: Vite's polyfill (which fetches) is not needed.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and session counts. activeTab: the popup may read the URL of the tab it was opened on.
    // alarms: a snooze ends at its time although Chrome stops the idle service worker (and its timers) long before.
    permissions: ['storage', 'activeTab', 'alarms'],
    // The card part, imported by the content script on a page's first mention. Chrome hands it out under a
    // per-session random address only (use_dynamic_url), so no page can probe for it; Firefox's address holds
    // a random per-install id already. See docs/architecture.md.
    web_accessible_resources: [{ resources: ['card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousMention__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleSite__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              // Nothing is collected or transmitted: say so in the form Firefox asks for.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android runs the same build; it has no keyboard commands (detected, not assumed).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
