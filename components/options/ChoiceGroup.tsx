export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceGroupProps<T extends string> {
  legend: string;
  /** The radios' shared name, and the start of each one's id (`name-value`). */
  name: string;
  choices: readonly Choice<T>[];
  /** Null when none is chosen (a stored value that could not be read). */
  value: T | null;
  onChange: (value: T) => void;
}

/** A fieldset of radio buttons, one a choice, each with its own label. */
export function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div class="choice" key={choice.value}>
          <input
            type="radio"
            id={`${name}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <label for={`${name}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
