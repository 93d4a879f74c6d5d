import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/ext/settings';

/** Stores one setting; the promise rejects when it could not be stored. */
export type SaveSetting = <K extends keyof Settings>(name: K, value: Settings[K]) => Promise<void>;

/**
 * The settings as the page shows them. A change is shown at once, before
 * storage answers; what storage holds replaces them whenever it changes
 * (another options page, the popup). `saveFailed` stays up until the next save.
 */
export function useSavedSettings(stored: Settings, onSave: SaveSetting) {
  const [settings, setSettings] = useState(stored);
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => setSettings(stored), [stored]);

  const save = <K extends keyof Settings>(name: K, value: Settings[K]) => {
    setSettings((current) => ({ ...current, [name]: value }));
    setSaveFailed(false);
    let saved: Promise<void>;
    // A save that throws instead of rejecting is reported the same way.
    try {
      saved = onSave(name, value);
    } catch (error) {
      saved = Promise.reject(error);
    }
    Promise.resolve(saved).catch(() => setSaveFailed(true));
  };

  return { settings, save, saveFailed };
}
