import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { readSiteInput } from './site-rules-text';

export interface AddSiteFormProps {
  lang: Lang;
  /** Called with the rule key of what was typed, once it reads as a site. */
  onAdd: (key: string) => void;
  /** The text field, for the list to give the focus to when its last site is removed. */
  inputRef: Ref<HTMLInputElement>;
  /** Called when what was typed is refused: an older message of the section no longer applies. */
  onInvalid?: () => void;
}

/**
 * The Add a site field. What cannot be a site is shown as an error under
 * the field and kept there to be corrected; typing again clears the error.
 */
export function AddSiteForm({ lang, onAdd, inputRef, onInvalid }: AddSiteFormProps) {
  const [draft, setDraft] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    const read = readSiteInput(lang, draft);
    if ('error' in read) {
      onInvalid?.();
      return setInputError(read.error);
    }
    setInputError(null);
    setDraft('');
    onAdd(read.key);
  };

  return (
    <form class="add-site" noValidate onSubmit={submit}>
      <label for="opt-site-input">{translate(lang, 'optAddLabel')}</label>
      <p id="opt-site-hint" class="hint">
        {translate(lang, 'optAddHint')}
      </p>
      <div class="row">
        <input
          ref={inputRef}
          id="opt-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={inputError ? 'true' : undefined}
          aria-describedby={inputError ? 'opt-site-hint opt-site-error' : 'opt-site-hint'}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (inputError) setInputError(null);
          }}
        />
        <button type="submit">{translate(lang, 'optAdd')}</button>
      </div>
      {inputError && (
        <p id="opt-site-error" class="field-error" role="alert">
          {inputError}
        </p>
      )}
    </form>
  );
}
