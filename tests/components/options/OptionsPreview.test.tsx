import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '@/tests/helpers/paths';
import { setup } from './options-setup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('highlight style and preview', () => {
  class FakeHighlight {
    readonly ranges = new Set<Range>();
    add(range: Range) {
      this.ranges.add(range);
      return this;
    }
  }

  function fakeHighlightApi() {
    const registry = new Map<string, FakeHighlight>();
    // happy-dom has neither; its `CSS` is a fresh object on every read, so the whole global is stubbed.
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    return {
      registry,
      painted: () =>
        Object.fromEntries(
          [...registry].map(([name, h]) => [name, [...h.ranges].map((r) => r.toString()).sort()]),
        ) as Record<string, string[]>,
    };
  }

  it('paints the preview under the content script’s highlight names, and follows the style', async () => {
    const api = fakeHighlightApi();
    const { onSave, unmount } = setup();
    expect(api.painted()).toEqual({ 'context-lens-subject': ['Apple Intelligence', 'Craig Federighi', 'Siri'] });

    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('highlightStyle', 'underline'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Underline only' }).checked).toBe(true);
    await waitFor(() =>
      expect(api.painted()).toEqual({
        'context-lens-subject-underline': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
      }),
    );
    expect(api.painted()).toEqual({
      'context-lens-subject-underline': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
    });

    fireEvent.click(screen.getByRole('checkbox', { name: /^Organisations/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^AI models/ }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(Object.keys(api.painted())).toHaveLength(3));
    expect(api.painted()).toEqual({
      'context-lens-subject-underline': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
      'context-lens-organisation-underline': ['Apple'],
      'context-lens-model-underline': ['ChatGPT'],
    });

    unmount();
    expect(api.registry.size).toBe(0);
  });

  it('paints the French sentence too', () => {
    const api = fakeHighlightApi();
    setup({ lang: 'fr', settings: { categories: ['subject', 'product'] } });
    expect(document.querySelector('.preview-text')?.textContent).toMatch(/^Sur une page qui cite Craig Federighi/);
    expect(api.painted()).toEqual({
      'context-lens-subject': ['Apple Intelligence', 'Craig Federighi', 'Siri'],
      'context-lens-product': ['iPhone'],
    });
  });

  it('shows the sentence unpainted where the Highlight API is missing', () => {
    expect(CSS.highlights).toBeUndefined();
    setup();
    expect(screen.getByText('Preview')).toBeTruthy();
    expect(document.querySelector('.preview-text')?.textContent).toBe(
      'A page that mentions Craig Federighi, Siri or Apple Intelligence shows them like this; ' +
        'Apple, the iPhone and ChatGPT too, once their categories are on.',
    );
  });

  it('paints its preview with the content script’s own stylesheet, and has no copy of its rules', () => {
    const rules = (path: string) =>
      readFileSync(`${ROOT}${path}`, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .match(/::highlight\([^{]+\{[^}]*\}/g) ?? [];
    expect(rules('components/highlights.css').length).toBeGreaterThanOrEqual(4);
    expect(rules('entrypoints/options/style.css')).toEqual([]);
    for (const entry of ['entrypoints/options/main.tsx', 'entrypoints/annotate.content/index.ts'])
      expect(readFileSync(`${ROOT}${entry}`, 'utf8')).toContain("import '@/components/highlights.css';");
  });
});
