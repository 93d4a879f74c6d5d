import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { PACK_LIMITS } from '@/lib/facts/limits';
import type { PackFileProblem } from '@/lib/facts/pack-file';
import type { ImportOutcome, PackInfo, PackListing, RemoveOutcome } from '@/lib/store/pack-admin';
import { downloadFile } from './download-file';
import type { SaveOutcome } from './useSavedSettings';

/** What the Fact packs section asks of the background (messages, in the extension). */
export interface PacksApi {
  list(): Promise<PackListing>;
  import(text: string, replace: boolean): Promise<ImportOutcome>;
  remove(id: string): Promise<RemoveOutcome>;
  export(id: string): Promise<{ fileName: string; text: string } | null>;
}

/** The section's last word: an import under way or done, a file refused, a question, or a plain message. */
export type PackReport =
  | { kind: 'busy'; file: string }
  | { kind: 'outcome'; file: string; outcome: ImportOutcome; text: string }
  | { kind: 'refused'; file: string; problem: PackFileProblem | { kind: 'unreadable' } }
  | {
      kind: 'message';
      tone: 'status' | 'error';
      key: 'kept' | 'restored' | 'restoreFailed' | 'removeFailed' | 'exportFailed' | 'exported';
      name: PackInfo['name'];
      file?: string;
    }
  | null;

/** A pack removed from this page: its file is kept in memory, so that undo works until the page is closed. */
export interface RemovedPack {
  pack: PackInfo;
  text: string | null;
  wasEnabled: boolean;
}

const installed = (o: ImportOutcome) => o.status === 'installed' || o.status === 'updated' || o.status === 'replaced';

/**
 * The Fact packs section's state: the listing (read again after every
 * change, and whenever `listKey` changes: another page imported one), the
 * report of the last action, and the packs removed from this page.
 */
export function usePacks(
  api: PacksApi,
  saveEnabled: (update: (current: string[]) => string[]) => Promise<SaveOutcome>,
  listKey: unknown,
) {
  const [listing, setListing] = useState<PackListing | null>(null);
  const [failed, setFailed] = useState(false);
  const [report, setReport] = useState<PackReport>(null);
  const [removed, setRemoved] = useState<RemovedPack[]>([]);
  const live = useRef(true);
  const asked = useRef(0);

  const reload = useCallback(() => {
    // Listings asked for close together may answer out of order: only the last one asked is shown.
    const ticket = ++asked.current;
    api.list().then(
      (next) => {
        if (!live.current || ticket !== asked.current) return;
        setListing(next);
        setFailed(false);
      },
      () => live.current && ticket === asked.current && setFailed(true),
    );
  }, [api]);

  useEffect(() => {
    live.current = true;
    reload();
    return () => {
      live.current = false;
    };
  }, [reload, listKey]);

  const importText = async (file: string, text: string, replace = false) => {
    setReport({ kind: 'busy', file });
    try {
      const outcome = await api.import(text, replace);
      setReport({ kind: 'outcome', file, outcome, text });
      if (installed(outcome)) reload();
      return outcome;
    } catch {
      setReport({ kind: 'outcome', file, outcome: { status: 'failed', reason: 'message' }, text });
      return null;
    }
  };

  /** A file chosen or dropped: one too large is refused before it is read. */
  const importFile = async (file: File) => {
    if (file.size > PACK_LIMITS.fileBytes) {
      return setReport({
        kind: 'refused',
        file: file.name,
        problem: { kind: 'too-large', bytes: file.size, max: PACK_LIMITS.fileBytes },
      });
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setReport({ kind: 'refused', file: file.name, problem: { kind: 'unreadable' } });
    }
    await importText(file.name, text);
  };

  /** The answer to "replace the installed copy?". */
  const answer = async (replace: boolean) => {
    if (report?.kind !== 'outcome' || report.outcome.status !== 'confirm') return;
    if (replace) await importText(report.file, report.text, true);
    else setReport({ kind: 'message', tone: 'status', key: 'kept', name: report.outcome.installed.name });
  };

  const remove = async (pack: PackInfo, wasEnabled: boolean) => {
    // The file is read first: it is what undo puts back.
    const file = await api.export(pack.id).catch(() => null);
    const outcome = await api.remove(pack.id).catch(() => null);
    if (outcome?.status !== 'removed') {
      return setReport({ kind: 'message', tone: 'error', key: 'removeFailed', name: pack.name });
    }
    setReport(null);
    setRemoved((list) => [
      { pack, text: file?.text ?? null, wasEnabled },
      ...list.filter((r) => r.pack.id !== pack.id),
    ]);
    reload();
  };

  const undo = async (entry: RemovedPack) => {
    const outcome = entry.text === null ? null : await api.import(entry.text, true).catch(() => null);
    if (!outcome || !installed(outcome)) {
      return setReport({ kind: 'message', tone: 'error', key: 'restoreFailed', name: entry.pack.name });
    }
    // Importing enables; a pack that was off before its removal comes back off.
    if (!entry.wasEnabled) await saveEnabled((ids) => ids.filter((id) => id !== entry.pack.id));
    setRemoved((list) => list.filter((r) => r !== entry));
    setReport({ kind: 'message', tone: 'status', key: 'restored', name: entry.pack.name });
    reload();
  };

  const exportPack = async (pack: PackInfo) => {
    const file = await api.export(pack.id).catch(() => null);
    if (!file) return setReport({ kind: 'message', tone: 'error', key: 'exportFailed', name: pack.name });
    downloadFile(file.fileName, file.text);
    setReport({ kind: 'message', tone: 'status', key: 'exported', name: pack.name, file: file.fileName });
  };

  return { listing, failed, report, removed, importFile, answer, remove, undo, exportPack };
}
