import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage } from '@/components/options/OptionsPage';
import '@/components/shared/page.css';
import '@/components/highlights.css';
import type { PacksApi } from '@/components/options/usePacks';
import { sendMessage } from '@/lib/ext/messages';
import { packIndexItem } from '@/lib/ext/pack-index';
import {
  readSettings,
  type SettingsRead,
  saveSetting,
  saveSiteRules,
  settingsNotice,
  watchSettingsRead,
} from '@/lib/ext/settings';
import type { Lang } from '@/lib/i18n/language';
import { resolveLanguage } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import './style.css';
import './packs.css';

const loadFactBaseInfo = () => sendMessage('getFactBaseInfo');
const rebuildCache = () => sendMessage('rebuildCache');
/** A muted entity's name, from its card; null for an id the fact base does not hold. */
const loadEntityName = (entityId: string, lang: Lang) =>
  sendMessage('getCard', { entityId }).then(
    (card) => card.value.entity.name[lang],
    () => null,
  );

const packs: PacksApi = {
  list: () => sendMessage('listPacks'),
  import: (text, replace) => sendMessage('importPack', { text, replace }),
  remove: (id) => sendMessage('removePack', { id }),
  export: (id) => sendMessage('exportPack', { id }),
};

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
  const [read, setRead] = useState<SettingsRead | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  // Bumped when the packs' index changes: another page (or this one) imported or removed one.
  const [packsKey, setPacksKey] = useState(0);

  useEffect(() => {
    let live = true;
    readSettings().then((first) => live && setRead((current) => current ?? first));
    const stop = watchSettingsRead((next) => live && setRead(next));
    // The background writes repairs (and their notice) as it starts: maybe after this page opened.
    const take = () =>
      takeNotices().then((taken) => live && taken.length > 0 && setNotices((n) => [...new Set([...n, ...taken])]));
    void take();
    const stopNotices = settingsNotice.watch((value) => Array.isArray(value) && value.length > 0 && void take());
    const stopPacks = packIndexItem.watch(() => live && setPacksKey((n) => n + 1));
    return () => {
      live = false;
      stop();
      stopNotices();
      stopPacks();
    };
  }, []);

  const lang = resolveLanguage(read?.values.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  document.title = translate(lang, 'optTitle');

  if (!read) return <p aria-busy="true">{translate(lang, 'loading')}</p>;
  return (
    <OptionsPage
      lang={lang}
      read={read}
      onSave={saveSetting}
      onSaveSiteRules={saveSiteRules}
      loadFactBaseInfo={loadFactBaseInfo}
      onRebuild={rebuildCache}
      loadEntityName={loadEntityName}
      packs={packs}
      packsKey={packsKey}
      notices={notices}
    />
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
