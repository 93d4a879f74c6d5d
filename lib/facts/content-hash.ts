/**
 * FNV-1a over the JSON text: a cheap, synchronous fingerprint that tells the
 * background whether the cached fact base differs from the bundled one even
 * when its version string was not bumped. Not a security measure.
 */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
