export type SiteRulesMessage = { kind: 'status' | 'error'; text: string } | null;

export interface SiteRulesStatusProps {
  message: SiteRulesMessage;
}

/**
 * The Sites section's last message. The status paragraph is always there,
 * empty or not: a live region must exist before its text changes for screen
 * readers to announce it.
 */
export function SiteRulesStatus({ message }: SiteRulesStatusProps) {
  return (
    <>
      <p role="status" class="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {message?.kind === 'error' && (
        <p role="alert" class="field-error">
          {message.text}
        </p>
      )}
    </>
  );
}
