import type { ComponentChildren } from 'preact';

/** The address, when it is an https one; anything else (`javascript:`, `data:`, `http:`, a file) is never a link. */
export function httpsUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface SourceLinkProps {
  url?: string;
  children: ComponentChildren;
}

/**
 * A pack's link to its source: followed only on a click, in a new tab that
 * learns nothing of the page it came from, and only for https addresses;
 * otherwise the text alone, inert.
 */
export function SourceLink({ url, children }: SourceLinkProps) {
  const href = httpsUrl(url);
  if (!href) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
