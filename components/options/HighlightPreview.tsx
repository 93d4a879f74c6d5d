import { useEffect, useRef } from 'preact/hooks';
import type { HighlightStyle } from '@/lib/ext/settings';
import type { Category } from '@/lib/facts/schema';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import { highlightName } from '@/lib/page/highlight-names';

/** The names in the preview sentence, by placeholder, with the category each is highlighted under. */
const SAMPLES: Record<string, { text: string; category: Category }> = {
  federighi: { text: 'Craig Federighi', category: 'subject' },
  siri: { text: 'Siri', category: 'subject' },
  appleIntelligence: { text: 'Apple Intelligence', category: 'subject' },
  apple: { text: 'Apple', category: 'organisation' },
  iphone: { text: 'iPhone', category: 'product' },
  chatgpt: { text: 'ChatGPT', category: 'model' },
};

export interface HighlightPreviewProps {
  lang: Lang;
  style: HighlightStyle;
  categories: readonly Category[];
}

/**
 * A sample sentence painted exactly as pages are: with the CSS Custom
 * Highlight API, under the content script's highlight names, for the
 * categories that are on. Without the API (old browsers, test DOMs) the
 * sentence shows unpainted.
 */
export function HighlightPreview({ lang, style, categories }: HighlightPreviewProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  // Placeholders are left in (no params), then split out: odd parts are sample names.
  const parts = translate(lang, 'optPreviewText').split(/\{(\w+)\}/);
  const categoryKey = categories.join(' ');

  // Repainted when the sentence (lang), the style or the categories change.
  useEffect(() => {
    const registry = typeof CSS === 'undefined' ? undefined : CSS.highlights;
    const root = ref.current;
    if (!registry || typeof Highlight !== 'function' || !root) return;
    const painted = new Map<string, Highlight>();
    for (const span of root.querySelectorAll<HTMLElement>('[data-category]')) {
      const category = span.dataset.category as Category;
      if (!categoryKey.split(' ').includes(category)) continue;
      const range = document.createRange();
      range.selectNodeContents(span);
      const name = highlightName(category, style);
      const highlight = painted.get(name) ?? new Highlight();
      highlight.add(range);
      painted.set(name, highlight);
    }
    for (const [name, highlight] of painted) registry.set(name, highlight);
    return () => {
      for (const [name, highlight] of painted) if (registry.get(name) === highlight) registry.delete(name);
    };
  }, [lang, style, categoryKey]);

  return (
    <figure class="preview">
      <figcaption>{translate(lang, 'optPreviewLabel')}</figcaption>
      <p ref={ref} class="preview-text" data-style={style}>
        {parts.map((part, i) => {
          const sample = i % 2 === 1 ? SAMPLES[part] : undefined;
          if (!sample) return part;
          return (
            <span key={i} data-category={sample.category}>
              {sample.text}
            </span>
          );
        })}
      </p>
    </figure>
  );
}
