// Plain ESM, with types beside it, so that the TypeScript e2e harness and the
// benchmark (Node without a TypeScript loader) launch Chromium the same way.

/**
 * The browsers run as root on a machine without network access: root needs
 * `--no-sandbox`; the rest stops Chromium from calling home (updates, sync,
 * QUIC probes, first-run pages) and from resolving any host but this one, so
 * a page under test cannot reach the network even by accident.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
]);
