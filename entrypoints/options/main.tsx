import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage } from '@/components/options/OptionsPage';
import '@/components/shared/page.css';
import '@/components/highlights.css';
import { sendMessage } from '@/lib/ext/messages';
import { loadSettings, type Settings, saveSetting, settingsNotice, watchSettings } from '@/lib/ext/settings';
import { resolveLanguage } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import './style.css';

const loadFactBaseInfo = () => sendMessage('getFactBaseInfo');
const rebuildCache = () => sendMessage('rebuildCache');

/** The repaired-settings notice is shown once: read, then cleared. */
async function takeNotices(): Promise<string[]> {
  try {
    const stored: unknown = await settingsNotice.getValue();
    const notices = Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];
    if (!Array.isArray(stored) || stored.length > 0) await settingsNotice.setValue([]);
    return notices;
  } catch {
    return [];
  }
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notices, setNotices] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    // Settings first: reading them is what repairs them and records the notice.
    loadSettings()
      .then(async (loaded) => {
        const taken = await takeNotices();
        if (!live) return;
        setNotices(taken);
        setSettings((current) => current ?? loaded);
      })
      .catch(() => {});
    const stop = watchSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const lang = resolveLanguage(settings?.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  document.title = translate(lang, 'optTitle');

  if (!settings) return <p aria-busy="true">{translate(lang, 'loading')}</p>;
  return (
    <OptionsPage
      lang={lang}
      settings={settings}
      onSave={saveSetting}
      loadFactBaseInfo={loadFactBaseInfo}
      onRebuild={rebuildCache}
      notices={notices}
    />
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
