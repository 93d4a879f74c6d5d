import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageSetup } from '@/lib/ext/messages';
import { aliasSpecs } from '@/lib/facts/alias-spec';
import { highlightName } from '@/lib/page/highlight-names';
import { Highlighter } from '@/lib/page/highlighter';
import { PageSession, type SessionDeps } from '@/lib/page/page-session';
import { compileMatcherSpec } from '@/lib/text/matcher-spec';
import { cardUiLoader } from '@/tests/helpers/card-ui-double';
import {
  type FakeHighlightRegistry,
  installHighlightApi,
  newHighlight,
  uninstallHighlightApi,
} from '@/tests/helpers/highlight-api';
import { sampleBase } from '@/tests/helpers/sample-base';

const entities = sampleBase().entities;
const SUBJECTS = compileMatcherSpec(aliasSpecs(entities, ['subject']));
const WITH_ORGANISATIONS = compileMatcherSpec(aliasSpecs(entities, ['subject', 'organisation']));
const SUBJECT = highlightName('subject');

const on = (more: Partial<PageSetup> = {}): PageSetup => ({
  enabled: true,
  reason: null,
  snoozedUntil: null,
  mutedEntities: [],
  style: 'background',
  hoverDelayMs: 200,
  lang: 'en',
  matcher: SUBJECTS,
  matcherKey: 'subjects',
  factsKey: 'packs',
  ...more,
});
const off = (): PageSetup => on({ enabled: false, reason: 'site-off', matcher: null, matcherKey: '' });

let registry: FakeHighlightRegistry;
let sessions: PageSession[];
let removers: (() => void)[];

/** A session over fake deps: each `every` call is recorded with the function that stops it. */
function session(first: PageSetup = on()) {
  const guards: { ms: number; fn: () => void; stop: ReturnType<typeof vi.fn> }[] = [];
  const { ui, load } = cardUiLoader();
  const deps = {
    data: { card: vi.fn(), summary: vi.fn() },
    loadCardUi: load,
    reportCounts: vi.fn(),
    isInvalid: () => false,
    listen: vi.fn<SessionDeps['listen']>((type, handler, options) => {
      document.addEventListener(type, handler, options);
      removers.push(() => document.removeEventListener(type, handler, options));
    }),
    every: vi.fn((ms: number, fn: () => void) => {
      const stop = vi.fn();
      guards.push({ ms, fn, stop });
      return stop;
    }),
  } satisfies SessionDeps;
  const s = new PageSession(first, deps);
  sessions.push(s);
  return { session: s, deps, guards, ui, load };
}

/** Covered text under one of our highlight names. */
const painted = (name = SUBJECT) =>
  [...(registry.get(name) ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));

/** Lets the page's mutations reach the annotator and its debounced re-scan run. */
const settle = () => new Promise((r) => setTimeout(r, 120));
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

beforeEach(() => {
  registry = installHighlightApi();
  sessions = [];
  removers = [];
  document.body.innerHTML = '<p>Siri met Craig Federighi at Apple.</p>';
});

afterEach(() => {
  for (const s of sessions) s.destroy();
  for (const remove of removers) remove();
  uninstallHighlightApi();
});

describe('PageSession.apply', () => {
  it('annotates the page when the setup enables it, and reports the counts', async () => {
    const { session: s, deps } = session();
    await s.apply(on());
    expect(s.enabled).toBe(true);
    expect(painted()).toEqual(['Siri', 'Craig Federighi']);
    expect(deps.reportCounts).toHaveBeenLastCalledWith({ siri: 1, 'craig-federighi': 1 }, 'none');
  });

  it('removes every highlight, clears the counts and stops watching when the setup disables it', async () => {
    const { session: s, deps } = session();
    await s.apply(on());
    await s.apply(off());
    expect(s.enabled).toBe(false);
    expect(registry.size).toBe(0);
    expect(deps.reportCounts).toHaveBeenLastCalledWith({}, 'none');

    const reports = deps.reportCounts.mock.calls.length;
    document.body.insertAdjacentHTML('beforeend', '<p>Siri, later.</p>');
    await settle();
    expect(deps.reportCounts).toHaveBeenCalledTimes(reports);
    expect(registry.size).toBe(0);
  });

  it('rebuilds when the alias set changes, and only then', async () => {
    const { session: s, deps } = session();
    await s.apply(on());
    // Same key: the running annotator is kept, whatever the spec object.
    await s.apply(on({ matcher: WITH_ORGANISATIONS }));
    expect(registry.has(highlightName('organisation'))).toBe(false);

    await s.apply(on({ matcher: WITH_ORGANISATIONS, matcherKey: 'with-organisations' }));
    expect(painted(highlightName('organisation'))).toEqual(['Apple']);
    expect(deps.reportCounts).toHaveBeenLastCalledWith({ siri: 1, 'craig-federighi': 1, apple: 1 }, 'none');
  });

  it('starts again after being switched off and on', async () => {
    const { session: s } = session();
    await s.apply(on());
    await s.apply(off());
    await s.apply(on());
    expect(painted()).toEqual(['Siri', 'Craig Federighi']);
  });

  it('repaints in another style and speaks another language without rebuilding', async () => {
    const { session: s, ui, deps } = session();
    await s.apply(on());
    const reports = deps.reportCounts.mock.calls.length;
    await s.apply(on({ style: 'underline', lang: 'fr' }));
    expect(painted(highlightName('subject', 'underline'))).toEqual(['Siri', 'Craig Federighi']);
    expect(registry.has(SUBJECT)).toBe(false);
    expect(ui.languages).toEqual(['fr']);
    expect(deps.reportCounts).toHaveBeenCalledTimes(reports);
  });

  it('reads cards again when the packs change, and not when a name is muted', async () => {
    const { session: s, ui } = session();
    await s.apply(on());
    await settle();
    const before = ui.forgets;
    // Muting changes the alias set, not what cards are made of: an open card stays as it is.
    await s.apply(on({ mutedEntities: ['siri'], matcherKey: 'subjects|siri' }));
    expect(ui.forgets).toBe(before);
    await s.apply(on({ mutedEntities: ['siri'], matcherKey: 'subjects|siri', factsKey: 'other packs' }));
    expect(ui.forgets).toBe(before + 1);
  });

  it('tells onSetup of every setup it applies', async () => {
    const { session: s } = session();
    const onSetup = vi.fn();
    s.onSetup = onSetup;
    const first = on();
    const second = off();
    await s.apply(first);
    await s.apply(second);
    expect(onSetup.mock.calls).toEqual([[first], [second]]);
  });

  it('runs nothing for an empty alias set', async () => {
    const { session: s, deps, load } = session();
    await s.apply(on({ matcher: compileMatcherSpec([]), matcherKey: 'empty' }));
    expect(registry.size).toBe(0);
    expect(deps.reportCounts).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });
});

describe('PageSession registry guard', () => {
  it('runs no timer on a page without mentions, and starts one when mentions arrive', async () => {
    document.body.innerHTML = '<p>Nothing to see here.</p>';
    const { session: s, deps, guards } = session();
    await s.apply(on());
    expect(deps.every).not.toHaveBeenCalled();
    expect(deps.listen.mock.calls.map(([type]) => type)).not.toContain('scroll');

    document.body.insertAdjacentHTML('beforeend', '<p>Siri arrived.</p>');
    await vi.waitFor(() => expect(deps.every).toHaveBeenCalledTimes(1));
    expect(guards[0]?.ms).toBe(1000);

    // The page cleared the registry: the guard's round puts our highlights back.
    registry.clear();
    guards[0]?.fn();
    expect(painted()).toEqual(['Siri']);
  });

  it('stops the timer when the mentions go, and when the session stops', async () => {
    const { session: s, deps, guards } = session();
    await s.apply(on());
    expect(deps.every).toHaveBeenCalledTimes(1);

    document.body.innerHTML = '<p>Nobody.</p>';
    await vi.waitFor(() => expect(guards[0]?.stop).toHaveBeenCalledTimes(1));

    document.body.innerHTML = '<p>Siri again.</p>';
    await vi.waitFor(() => expect(deps.every).toHaveBeenCalledTimes(2));
    await s.apply(off());
    expect(guards[1]?.stop).toHaveBeenCalledTimes(1);
  });

  it('checks the registry on scroll, once per frame, while it guards', async () => {
    const { session: s, deps } = session();
    await s.apply(on());
    expect(deps.listen.mock.calls.filter(([type]) => type === 'scroll')).toHaveLength(1);

    const checks = vi.spyOn(Highlighter.prototype, 'ensureRegistered');
    registry.clear();
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(painted()).toEqual(['Siri', 'Craig Federighi']);
    expect(checks).toHaveBeenCalledTimes(1);

    // Switched off, a scroll costs nothing, even one whose frame was already asked for.
    checks.mockClear();
    document.dispatchEvent(new Event('scroll'));
    await s.apply(off());
    const impostor = newHighlight();
    registry.set(SUBJECT, impostor);
    await nextFrame();
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(checks).not.toHaveBeenCalled();
    expect(registry.get(SUBJECT)).toBe(impostor);
    checks.mockRestore();
  });
});
