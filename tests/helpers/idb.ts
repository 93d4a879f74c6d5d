import { DB_NAME } from '@/lib/store/fact-db';

/**
 * A connection of the test's own, outside the code under test: opens the
 * database at whatever version it has (or at `version`, upgrading with
 * `upgrade`), to read it, damage it or hold it open.
 */
export function openRaw(version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
