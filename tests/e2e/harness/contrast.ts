import type { Pixels } from './png';

export type Rgb = readonly [number, number, number];

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, from 1 (the same) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `rgb(18, 18, 18)` or `rgb(18 18 18)`, as computed styles give colours. */
export function parseRgb(css: string): Rgb {
  const parts = css.match(/\d+(\.\d+)?/g)?.map(Number);
  if (!parts || parts.length < 3) throw new Error(`not an rgb() colour: ${css}`);
  return [parts[0], parts[1], parts[2]] as unknown as Rgb;
}

export const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** What a highlighted word is painted with, read from a screenshot of it. */
export interface MarkReading {
  /** The colour behind the text: the tint over the page, or the page itself when there is none. */
  tint: Rgb;
  /** The line under the word (its most solid row), or null when there is none. */
  underline: Rgb | null;
  /** The glyphs' core colour: the pixel of the word that differs most from the tint. */
  text: Rgb;
  /** Separate horizontal lines under the word: 1 when a link's underline and the mark's coincide. */
  lines: number;
  /** The colour of each row of those lines, top to bottom: a link's own underline showing shows here. */
  lineColours: Rgb[];
}

/** Where the word's box lies in the screenshot, in its pixels. */
export interface WordBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const pixel = (img: Pixels, x: number, y: number): Rgb => {
  const i = (y * img.width + x) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2]] as unknown as Rgb;
};
export const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const key = (c: Rgb) => c.join(',');

function mode(colours: Rgb[]): { colour: Rgb; count: number } {
  const counts = new Map<string, { colour: Rgb; count: number }>();
  for (const c of colours) {
    const entry = counts.get(key(c)) ?? { colour: c, count: 0 };
    entry.count++;
    counts.set(key(c), entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0] ?? { colour: [0, 0, 0], count: 0 };
}

/**
 * Reads a screenshot of one highlighted word (with a few pixels below its
 * box, where an underline may fall). A row counts as a line when most of
 * the word's width there is one colour that is neither the tint nor the
 * page; gaps that skip-ink leaves under descenders are allowed for.
 */
export function readMark(img: Pixels, box: WordBox, page: Rgb): MarkReading {
  const columns = Array.from({ length: box.right - box.left }, (_, i) => box.left + i);
  const boxRows = Array.from({ length: box.bottom - box.top }, (_, i) => box.top + i);
  const tint = mode(boxRows.flatMap((y) => columns.map((x) => pixel(img, x, y)))).colour;

  const lineRows: number[] = [];
  const lineColours: Rgb[] = [];
  const middle = Math.round((box.top + box.bottom) / 2);
  for (let y = middle; y < img.height; y++) {
    const row = columns.map((x) => pixel(img, x, y));
    const marked = row.filter((c) => distance(c, tint) > 40 && distance(c, page) > 40);
    if (marked.length < 0.6 * columns.length) continue;
    // A line is of one colour along the row; a row of glyphs (serifs on the baseline) is of many blends.
    const { colour } = mode(marked);
    if (marked.filter((c) => distance(c, colour) < 24).length < 0.5 * columns.length) continue;
    lineRows.push(y);
    lineColours.push(colour);
  }
  const lines = lineRows.filter((y, i) => i === 0 || y !== (lineRows[i - 1] as number) + 1).length;
  const solid = lineRows.map((y) => mode(columns.map((x) => pixel(img, x, y)))).sort((a, b) => b.count - a.count)[0];

  const glyphs = boxRows.filter((y) => !lineRows.includes(y)).flatMap((y) => columns.map((x) => pixel(img, x, y)));
  const text = glyphs.reduce((best, c) => (contrast(c, tint) > contrast(best, tint) ? c : best), tint);
  return { tint, underline: solid?.colour ?? null, text, lines, lineColours };
}
