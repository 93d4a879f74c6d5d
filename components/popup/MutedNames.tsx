import { useEntityNames } from '@/components/shared/useEntityNames';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

export interface MutedNamesProps {
  lang: Lang;
  muted: readonly string[];
  /** The entity's name in `lang`; null when the fact base no longer holds it. */
  loadName: (entityId: string, lang: Lang) => Promise<string | null>;
  onUnmute: (entityId: string) => void;
}

/**
 * The names muted from their cards, each with a way back: so that a muted
 * name is never a mystery ("why is Siri not highlighted?") and is undone
 * where the page's mentions are listed. The options page keeps the full list.
 */
export function MutedNames({ lang, muted, loadName, onUnmute }: MutedNamesProps) {
  const names = useEntityNames(muted, lang, loadName);

  // Names the fact base does not hold are left to the options page, which says what they are.
  const shown = muted.filter((id) => names[id]);
  if (shown.length === 0) return null;
  return (
    <section class="muted-names" aria-labelledby="muted-heading">
      <h2 id="muted-heading">{translate(lang, 'mutedHeading')}</h2>
      <ul>
        {shown.map((id) => (
          <li key={id} data-entity={id}>
            <span>{names[id]}</span>{' '}
            <button type="button" class="link" onClick={() => onUnmute(id)}>
              {translate(lang, 'unmute', { name: names[id] as string })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
