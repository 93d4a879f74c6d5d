import { useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { type StringKey, translate } from '@/lib/i18n/strings';
import { SaveError } from './SaveError';

export interface OptionsCategoriesProps {
  lang: Lang;
  categories: readonly Category[];
  /**
   * Called with how to make the categories on (in their canonical order)
   * from those stored when the save runs: two quick clicks both count.
   */
  onSave: (update: (current: Category[]) => Category[]) => void;
  /** Why the last change here could not be saved; null when it was. */
  saveError?: string | null;
}

/**
 * The Categories section. At least one must stay on: unchecking the last
 * one is refused, with a note saying how to stop highlighting instead,
 * because "nothing highlighted" is what pausing and site rules are for.
 */
export function OptionsCategories({ lang, categories, onSave, saveError }: OptionsCategoriesProps) {
  const t = (key: StringKey) => translate(lang, key);
  const [keepOne, setKeepOne] = useState(false);

  const toggle = (category: Category, input: HTMLInputElement) => {
    const next = CATEGORIES.filter((c) => (c === category ? input.checked : categories.includes(c)));
    if (next.length === 0) {
      // Refused: put the box back (Preact would not, its state never changed).
      input.checked = true;
      setKeepOne(true);
      return;
    }
    setKeepOne(false);
    const checked = input.checked;
    onSave((current) => {
      const updated = CATEGORIES.filter((c) => (c === category ? checked : current.includes(c)));
      return updated.length > 0 ? updated : current;
    });
  };

  let note = '';
  if (keepOne) note = t('optCategoriesKeepOne');
  else if (categories.length === 0) note = t('optCategoriesNone');

  return (
    <section aria-labelledby="opt-categories-heading">
      <h2 id="opt-categories-heading">{t('optCategoriesHeading')}</h2>
      <fieldset aria-describedby="opt-categories-note">
        <legend>{t('optCategoriesLegend')}</legend>
        {CATEGORIES.map((category) => (
          <div class="choice" key={category}>
            <input
              type="checkbox"
              id={`opt-category-${category}`}
              checked={categories.includes(category)}
              onChange={(e) => toggle(category, e.currentTarget)}
            />
            <label for={`opt-category-${category}`}>{t(`optCategory_${category}`)}</label>
          </div>
        ))}
      </fieldset>
      <p id="opt-categories-note" class="status" role="status">
        {note}
      </p>
      <p class="hint">{t('optCategoriesHint')}</p>
      <SaveError message={saveError ?? null} />
    </section>
  );
}
