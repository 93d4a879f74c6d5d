import { fireEvent, render } from '@testing-library/preact';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import type { Lang } from '@/lib/i18n/language';

export const LANGS: Lang[] = ['en', 'fr'];

/**
 * Renders a card (English unless told) and returns its dialog with the usual
 * render result. Long fact lists are unfolded ("Show all"), as most tests read
 * every fact; `folded: true` leaves them as a card first shows them.
 */
export function renderCard(props: Partial<EntityCardProps> & Pick<EntityCardProps, 'card'> & { folded?: boolean }) {
  const { folded, ...cardProps } = props;
  const result = render(<EntityCard lang="en" {...cardProps} />);
  const dialog = result.container.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog rendered');
  const more = dialog.querySelector<HTMLButtonElement>('button.more');
  if (more && !folded) fireEvent.click(more);
  return { ...result, dialog };
}

export const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent);

/** How many times `needle` occurs in `haystack`. */
export const occurrences = (haystack: string | null, needle: string) => (haystack ?? '').split(needle).length - 1;

/** What a paragraph citation reads: the visible "¶n", the spoken "Paragraph n", then the section's heading. */
export const citeOf = (word: string, paragraph: number, section?: string) =>
  `¶${paragraph}${word} ${paragraph}${section ? ` · ${section}` : ''}`;

/** Every element a user could tab to or activate, whatever it is. */
export const interactive = (root: ParentNode) => [
  ...root.querySelectorAll('a, button, input, select, textarea, form, [tabindex]:not([tabindex="-1"]), [onclick]'),
];
