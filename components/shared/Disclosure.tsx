import type { ComponentChildren } from 'preact';

export interface DisclosureProps {
  /** Prefix of the ids that tie the button to the part it shows and hides. */
  id: string;
  heading: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  class?: string;
  children: ComponentChildren;
}

/**
 * A section whose heading is a button that shows or hides the rest
 * (the disclosure pattern): a native button, so Enter and Space work, with
 * `aria-expanded` saying which state it is in. The hidden part stays in the
 * document, so `aria-controls` always points at something.
 */
export function Disclosure({ id, heading, open, onToggle, class: className, children }: DisclosureProps) {
  return (
    <section class={className ? `disclosure ${className}` : 'disclosure'} aria-labelledby={`${id}-toggle`}>
      <h2 class="disclosure-heading">
        <button
          type="button"
          id={`${id}-toggle`}
          class="disclosure-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => onToggle(!open)}
        >
          <span class="disclosure-marker" aria-hidden="true" />
          {heading}
        </button>
      </h2>
      <div id={`${id}-body`} class="disclosure-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
