import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness/paths';

// What the README's security review says of the package, checked on the builds the other e2e tests load.

const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Ways a script reaches the network; `\b` keeps names such as `prefetch(` out. */
const NETWORK = /\b(?:fetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection)/g;
/** Ways a string becomes markup or code. */
const MARKUP_OR_CODE =
  /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(/g;

for (const build of BUILDS) {
  const dir = join(ROOT, '.output', build);
  describe.skipIf(!existsSync(join(dir, 'manifest.json')))(`the ${build} package`, () => {
    const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const scripts = () => filesOf(dir).filter((f) => f.endsWith('.js'));

    it('asks for storage, activeTab and alarms only, and opens nothing to web pages but the card part', () => {
      const m = manifest();
      expect([...m.permissions].sort()).toEqual(['activeTab', 'alarms', 'storage']);
      expect(m.host_permissions).toBeUndefined();
      expect(m.optional_permissions).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      // The browsers' default extension policy (script-src 'self'), not a looser one.
      expect(m.content_security_policy).toBeUndefined();
      const exposed = (m.web_accessible_resources as (string | { resources: string[] })[]).flatMap((r) =>
        typeof r === 'string' ? [r] : r.resources,
      );
      expect(exposed).toEqual(['card-ui.js']);
      if (build === 'chrome-mv3') expect(m.web_accessible_resources[0].use_dynamic_url).toBe(true);
    });

    it('holds no code that makes a network request', () => {
      const found = scripts().flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(NETWORK)].map((hit) => `${f.slice(dir.length)}: ${hit[0]}`),
      );
      expect(found).toEqual([]);
      expect(scripts().length).toBeGreaterThan(3);
    });

    it('keeps the validator out of the content script and the card part (the background alone validates)', () => {
      // valibot's own issue message; it is in the background's bundle, which validates every message.
      const validator = 'but received';
      expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(validator);
      for (const file of ['content-scripts/annotate.js', 'card-ui.js'])
        expect(readFileSync(join(dir, file), 'utf8').includes(validator), file).toBe(false);
    });

    it('turns no string into markup or code in the content script or the background', () => {
      // The card part bundles Preact, whose renderer carries an `innerHTML` path for
      // `dangerouslySetInnerHTML`; no source uses it (below), and the card's component tests
      // render hostile text as text.
      for (const file of ['content-scripts/annotate.js', 'background.js']) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(
          [...text.matchAll(MARKUP_OR_CODE)].map((m) => m[0]),
          file,
        ).toEqual([]);
      }
    });
  });
}

it('has no source that hands markup to Preact', () => {
  const sources = ['components', 'lib', 'entrypoints'].flatMap((d) => filesOf(join(ROOT, d)));
  expect(sources.length).toBeGreaterThan(20);
  expect(sources.filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'))).toEqual([]);
});
