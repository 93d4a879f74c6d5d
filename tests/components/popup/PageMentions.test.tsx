import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { TabMention } from '@/lib/ext/messages';
import type { Lang } from '@/lib/i18n/language';
import type { PageLimit } from '@/lib/page/limits';
import { sampleMentions, servedSummary } from '@/tests/helpers/served';

afterEach(cleanup);

const loadSummary = async () => servedSummary();
const mentions = sampleMentions();

const renderOnPage = (lang: Lang, list: TabMention[], onReveal = vi.fn(), limit: PageLimit = 'none') =>
  render(
    <Popup
      lang={lang}
      loadSummary={loadSummary}
      page={{ status: 'ready', site: 'example.com', enabled: true, paused: false }}
      loadMentions={async () => ({ mentions: list, limit })}
      onReveal={onReveal}
    />,
  );

// Rendered through the popup, which shows the list only on a page where highlighting is on.
describe('PageMentions', () => {
  it('lists the page’s entities with their counts; choosing one reveals it', async () => {
    const onReveal = vi.fn();
    renderOnPage('fr', mentions, onReveal);
    const first = mentions[0] as TabMention;
    const button = await screen.findByRole('button', { name: `${first.name.fr}, 2 mentions` });
    fireEvent.click(button);
    expect(onReveal).toHaveBeenCalledWith(first.entityId);
  });

  // Intl writes French thousands with a narrow no-break space.
  for (const [lang, thousands] of [
    ['en', '1,234'],
    ['fr', '1\u202f234'],
  ] as const) {
    it(`says the count in words as ${lang} counts it, the badge only the number`, async () => {
      const [a, b] = mentions as [TabMention, TabMention];
      renderOnPage(lang, [
        { ...a, count: 1 },
        { ...b, count: 1234 },
      ]);
      const single = await screen.findByRole('button', { name: `${a.name[lang]}, 1 mention` });
      const plural = screen.getByRole('button', { name: `${b.name[lang]}, ${thousands} mentions` });
      expect(single.querySelector('.count')?.textContent).toBe('1');
      expect(plural.querySelector('.count')?.textContent).toBe(thousands);
      // The words are in the names only, not in the text shown.
      expect(within(screen.getByRole('list')).queryByText(/mention/)).toBeNull();
    });
  }

  it('says nothing of caps on an ordinary page', async () => {
    renderOnPage('en', mentions);
    await screen.findAllByRole('button', { name: /mentions?$/ });
    expect(document.querySelector('[data-limit]')).toBeNull();
  });

  for (const [lang, limit, pattern] of [
    ['en', 'highlights', /first 5,000 are highlighted, all are counted/],
    ['fr', 'highlights', /5\s000 premières sont surlignées/],
    ['en', 'counts', /more than 50,000 mentions: counting stopped there/],
    ['fr', 'counts', /plus de 50\s000 mentions : le décompte s’arrête là/],
  ] as const) {
    it(`says in ${lang} when the page reached the ${limit} cap`, async () => {
      renderOnPage(lang, mentions, vi.fn(), limit);
      const notice = await screen.findByText(pattern);
      expect(notice.dataset.limit).toBe(limit);
    });
  }
});
