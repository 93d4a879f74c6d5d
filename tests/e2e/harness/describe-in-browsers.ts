import { afterAll, beforeAll, describe } from 'vitest';
import { type BrowserName, type BrowserTarget, type LaunchOptionsOf, type SessionOf, TARGETS } from './browsers';
import { type FixtureServer, startFixtureServer } from './server';

/** Launch options every browser of the suite accepts (Chromium's own only when the suite runs in Chromium alone). */
type OptionsFor<N extends BrowserName> = [N] extends ['chromium']
  ? LaunchOptionsOf['chromium']
  : [N] extends ['firefox']
    ? LaunchOptionsOf['firefox']
    : Pick<LaunchOptionsOf['chromium'], keyof LaunchOptionsOf['chromium'] & keyof LaunchOptionsOf['firefox']>;

export interface SuiteOptions<N extends BrowserName, S extends string> {
  /** Folders served read-only on 127.0.0.1, by url prefix (as `startFixtureServer` takes them); no server without. */
  fixtures?: Record<string, string>;
  /** The browsers to run in; every target when left out. */
  browsers?: readonly N[];
  /** Options of the session that `session()` answers (the extension loaded, English UI by default). */
  launch?: OptionsFor<N>;
  /** More sessions launched beside that one, by name, e.g. `{ plain: { withExtension: false } }`. */
  sessions?: Record<S, OptionsFor<N>>;
}

export interface BrowserSuite<N extends BrowserName, S extends string> {
  target: BrowserTarget<N>;
  /** The suite's session, or one named in `sessions`; launched before the suite's own hooks run. */
  session(name?: S): SessionOf[N];
  /** The fixture server; only with `fixtures`. */
  server(): FixtureServer;
  /** The address of `path` (starting with a slash) on the fixture server. */
  url(path: string): string;
}

/**
 * Runs `fn`'s tests once per browser, as `<name> in <browser>`, each run with
 * its own fixture server and sessions, all closed after its last test.
 * A browser that is not installed skips its run with a loud warning, or
 * fails the file when REQUIRE_BROWSERS=1.
 */
export function describeInBrowsers<N extends BrowserName = BrowserName, S extends string = never>(
  name: string,
  options: SuiteOptions<N, S>,
  fn: (suite: BrowserSuite<N, S>) => void,
): void {
  const names = options.browsers ?? (Object.keys(TARGETS) as N[]);
  for (const browser of names) {
    const target = TARGETS[browser] as unknown as BrowserTarget<N>;
    describe.skipIf(!target.available())(`${name} in ${browser}`, () => {
      let server: FixtureServer | undefined;
      const sessions = new Map<S | undefined, SessionOf[N]>();

      beforeAll(async () => {
        if (options.fixtures) server = await startFixtureServer(options.fixtures);
        sessions.set(undefined, await target.launch(options.launch));
        for (const [extra, launch] of Object.entries(options.sessions ?? {}) as [S, OptionsFor<N>][]) {
          sessions.set(extra, await target.launch(launch));
        }
      });
      afterAll(async () => {
        // Whatever did launch is closed, even when a later launch failed.
        try {
          for (const session of sessions.values()) await session.close();
        } finally {
          await server?.close();
        }
      });

      const fixtures = (): FixtureServer => {
        if (!server) throw new Error(`${name}: no fixture server (pass \`fixtures\`, and ask from a test or hook)`);
        return server;
      };
      fn({
        target,
        session: (which) => {
          const session = sessions.get(which);
          if (!session) throw new Error(`${name}: no session ${which ?? ''} (ask from a test or hook)`);
          return session;
        },
        server: fixtures,
        url: (path) => `${fixtures().origin}${path}`,
      });
    });
  }
}
