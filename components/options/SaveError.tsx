export interface SaveErrorProps {
  /** The message, or nothing to show. */
  message: string | null;
}

/** A save that failed, said in the section where the change was made. */
export function SaveError({ message }: SaveErrorProps) {
  if (!message) return null;
  return (
    <p role="alert" class="field-error save-error">
      {message}
    </p>
  );
}
