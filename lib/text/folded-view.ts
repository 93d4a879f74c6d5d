import { fold, IGNORED } from './fold';

/**
 * A folded copy of a run of page text in which candidate mentions are
 * searched with one native RegExp, and the way back to the raw offsets.
 *
 * Most text is folded with the engine's own string functions, which keep
 * offsets for nearly every character: lower case, canonical decomposition,
 * and the combining accents dropped again (`é` → `e` + U+0301 → `e`). Text
 * holding a unit for which that is not the matcher's fold (soft hyphens,
 * zero-width marks, lone accents, Hangul, and the few letters listed by
 * `unsafeUnitsClass`) is folded unit by unit instead, with an offset map.
 */
export interface FoldedView {
  text: string;
  /** Raw offset of each folded unit; null when folded and raw offsets are the same. */
  map: Int32Array | null;
}

const COMBINING_ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]/g;

/** The engine-native fold (see above); same length as `text` unless `text` holds an unsafe unit. */
export function nativeFold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return lower;
  let out = lower.normalize('NFD');
  if (out.length !== lower.length) out = out.replace(COMBINING_ACCENTS, '');
  // Lower case writes a final sigma at word ends; the matcher folds every sigma alike.
  return out.includes('ς') ? out.replaceAll('ς', 'σ') : out;
}

/** Folds unit by unit, dropping the units the matcher skips, and records where each folded unit came from. */
function foldUnits(raw: string): FoldedView {
  const map = new Int32Array(raw.length);
  const units: number[] = [];
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const unit = fold(raw.charCodeAt(i));
    if (unit === IGNORED) continue;
    map[units.length] = i;
    units.push(unit);
    // Flush in pieces: String.fromCharCode takes its arguments on the stack.
    if (units.length % 4096 === 0) out += String.fromCharCode(...units.slice(units.length - 4096));
  }
  out += String.fromCharCode(...units.slice(units.length - (units.length % 4096)));
  return { text: out, map: map.subarray(0, units.length) };
}

/** The folded view of `raw`; `unsafe` (from the matcher spec) tells when the native fold cannot be trusted. */
export function foldedView(raw: string, unsafe: RegExp): FoldedView {
  if (!unsafe.test(raw)) {
    const text = nativeFold(raw);
    if (text.length === raw.length) return { text, map: null };
  }
  return foldUnits(raw);
}

/**
 * Blocks with neither case nor canonical decompositions, which Unicode's
 * stability policy keeps so: CJK ideographs, Yi, private use, and the
 * surrogate halves (which fold to themselves and never start a key).
 * Skipping them makes the table below four times quicker to build.
 */
const SAFE_BLOCKS: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xd800, 0xf8ff],
];

/**
 * The units for which `nativeFold` of the unit alone is not `fold` of it,
 * where that could hide a candidate: units the matcher skips, and units whose
 * fold is a letter or digit that the native fold spells otherwise. A source
 * for a RegExp character class. Computed once per alias set, in the
 * background (it reads all 65,536 units).
 */
export function unsafeUnitsClass(isWordUnit: (code: number) => boolean): string {
  const ranges: [number, number][] = [];
  const add = (u: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === u - 1) last[1] = u;
    else ranges.push([u, u]);
  };
  for (let u = 0; u < 0x10000; u++) {
    const skip = SAFE_BLOCKS.find(([from, to]) => u >= from && u <= to);
    if (skip) {
      u = skip[1];
      continue;
    }
    const folded = fold(u);
    if (folded === IGNORED) {
      add(u);
      continue;
    }
    const native = nativeFold(String.fromCharCode(u));
    if (native.length !== 1 || (native.charCodeAt(0) !== folded && isWordUnit(folded))) add(u);
  }
  const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}
