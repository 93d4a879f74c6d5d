import { render } from '@testing-library/preact';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import type { Lang } from '@/lib/i18n/language';

export const LANGS: Lang[] = ['en', 'fr'];

/** Renders a card (English unless told) and returns its dialog with the usual render result. */
export function renderCard(props: Partial<EntityCardProps> & Pick<EntityCardProps, 'card'>) {
  const result = render(<EntityCard lang="en" {...props} />);
  const dialog = result.container.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog rendered');
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
