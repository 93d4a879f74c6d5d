import type { HighlightStyle } from '@/lib/ext/settings';
import type { Category } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { ChoiceGroup } from './ChoiceGroup';
import { HighlightPreview } from './HighlightPreview';
import { SaveError } from './SaveError';

const STYLES: readonly { value: HighlightStyle; label: StringKey }[] = [
  { value: 'background', label: 'optStyleBackground' },
  { value: 'underline', label: 'optStyleUnderline' },
];

export interface OptionsStyleProps {
  lang: Lang;
  style: HighlightStyle;
  /** The categories on, which the preview paints. */
  categories: readonly Category[];
  onSave: (style: HighlightStyle) => void;
  /** Why the last change here could not be saved; null when it was. */
  saveError?: string | null;
}

/** The Highlight style section, with a preview painted as pages are. */
export function OptionsStyle({ lang, style, categories, onSave, saveError }: OptionsStyleProps) {
  return (
    <section aria-labelledby="opt-style-heading">
      <h2 id="opt-style-heading">{translate(lang, 'optStyleHeading')}</h2>
      <ChoiceGroup
        legend={translate(lang, 'optStyleLegend')}
        name="opt-style"
        choices={STYLES.map(({ value, label }) => ({ value, label: translate(lang, label) }))}
        value={style}
        onChange={onSave}
      />
      <HighlightPreview lang={lang} style={style} categories={categories} />
      <SaveError message={saveError ?? null} />
    </section>
  );
}
