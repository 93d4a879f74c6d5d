import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n/language';

/**
 * The names of `ids` in `lang`, loaded as they are asked for: a name, null when
 * the fact base does not hold the entity (or could not say), absent while loading.
 */
export function useEntityNames(
  ids: readonly string[],
  lang: Lang,
  loadName?: (id: string, lang: Lang) => Promise<string | null>,
): Record<string, string | null> {
  const [names, setNames] = useState<Record<string, string | null>>({});
  // Ids hold no space (kebab-case, scoped by pack): the joined list names the set for the effect.
  const key = ids.join(' ');

  useEffect(() => {
    if (!loadName) return;
    let live = true;
    for (const id of key ? key.split(' ') : []) {
      loadName(id, lang).then(
        (name) => live && setNames((known) => ({ ...known, [id]: name })),
        () => live && setNames((known) => ({ ...known, [id]: null })),
      );
    }
    return () => {
      live = false;
    };
  }, [key, lang, loadName]);

  return names;
}
