export interface SwitchRowProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled on/off switch: a native checkbox with the switch role, so keyboard and screen readers just work. */
export function SwitchRow({ id, label, checked, disabled, onChange }: SwitchRowProps) {
  return (
    <div class="switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
    </div>
  );
}
