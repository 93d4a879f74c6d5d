import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

export interface PackImportProps {
  lang: Lang;
  /** Id of the paragraph stating the limits, which describes the field. */
  limitsId: string;
  onFile: (file: File) => void;
}

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

/**
 * The import: a file field (the way in for keyboards and screen readers,
 * and for tests, by its id `opt-pack-import`) inside a zone a file can be
 * dropped on. A file dropped anywhere else on the page is ignored, rather
 * than opened by the browser in place of the settings.
 */
export function PackImport({ lang, limitsId, onFile }: PackImportProps) {
  const [over, setOver] = useState(false);

  useEffect(() => {
    const swallow = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    document.addEventListener('dragover', swallow);
    document.addEventListener('drop', swallow);
    return () => {
      document.removeEventListener('dragover', swallow);
      document.removeEventListener('drop', swallow);
    };
  }, []);

  return (
    <fieldset
      class={over ? 'pack-drop over' : 'pack-drop'}
      onDragEnter={(e) => hasFiles(e) && setOver(true)}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        // Leaving for one of the zone's own children is not leaving the zone.
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <legend class="hint">{translate(lang, over ? 'optPacksDropping' : 'optPacksDrop')}</legend>
      <label for="opt-pack-import">{translate(lang, 'optPacksImportLabel')}</label>
      <input
        id="opt-pack-import"
        type="file"
        accept="application/json,.json"
        aria-describedby={limitsId}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again is a change too.
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </fieldset>
  );
}
