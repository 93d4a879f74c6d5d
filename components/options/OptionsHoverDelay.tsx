import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { SaveError } from './SaveError';

const MAX_DELAY_MS = 3000;

/** A whole number of milliseconds in range, or null. */
function parseDelay(text: string): number | null {
  if (!/^\s*\d{1,4}\s*$/.test(text)) return null;
  const ms = Number(text);
  return ms <= MAX_DELAY_MS ? ms : null;
}

export interface OptionsHoverDelayProps {
  lang: Lang;
  value: number;
  onSave: (ms: number) => void;
  /** Why the last change here could not be saved; null when it was. */
  saveError?: string | null;
}

/**
 * The hover delay. What is typed is checked as it is typed and saved when
 * committed (Enter, leaving the field, the arrows); a value out of range is
 * shown as an error and never saved.
 */
export function OptionsHoverDelay({ lang, value, onSave, saveError }: OptionsHoverDelayProps) {
  const [draft, setDraft] = useState(String(value));
  const invalid = parseDelay(draft) === null;

  useEffect(() => setDraft(String(value)), [value]);

  return (
    <section aria-labelledby="opt-hover-heading">
      <h2 id="opt-hover-heading">{translate(lang, 'optHoverHeading')}</h2>
      <label for="opt-hover">{translate(lang, 'optHoverLabel')}</label>
      <p id="opt-hover-hint" class="hint">
        {translate(lang, 'optHoverHint')}
      </p>
      <input
        id="opt-hover"
        class="number"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DELAY_MS}
        step={50}
        value={draft}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'opt-hover-hint opt-hover-error' : 'opt-hover-hint'}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => {
          const ms = parseDelay(e.currentTarget.value);
          if (ms !== null && ms !== value) onSave(ms);
        }}
      />
      {invalid && (
        <p id="opt-hover-error" class="field-error" role="alert">
          {translate(lang, 'optHoverInvalid')}
        </p>
      )}
      <SaveError message={saveError ?? null} />
    </section>
  );
}
