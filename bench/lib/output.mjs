// How figures are printed: progress on stderr, Markdown tables on stdout.
import os from 'node:os';

export const KB = 1000;
export const MB = 1000 * KB;

export const log = (...a) => console.error(...a);

export function fmt(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** "median [min–max]" (or just the value for one sample). */
export function cell(s, unit = '') {
  if (!s) return '–';
  if (s.n === 1) return `${fmt(s.median)}${unit}`;
  return `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]${unit}`;
}

export function ratio(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

export function kb(n) {
  if (n >= MB) return `${(n / MB).toFixed(2)} MB`;
  return `${(n / KB).toFixed(1)} KB`;
}

export const PASS = (ok) => (ok ? 'PASS' : 'MISS');

/** Other processes on the machine make every figure noisier: say how busy it was. */
export function loadLine([one, five]) {
  const cores = os.cpus().length;
  const busy = one > cores ? ` — busier than its ${cores} cores: expect noisy figures` : '';
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)${busy}`;
}

/** Pads columns; the first column left-aligned, the rest right-aligned. */
export function table(title, headers, rows, notes = []) {
  const all = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s, w, left) => (left ? s + ' '.repeat(w - [...s].length) : ' '.repeat(w - [...s].length) + s);
  const line = (r) => `| ${r.map((c, i) => pad(c ?? '', widths[i], i === 0)).join(' | ')} |`;
  const out = [
    `\n## ${title}\n`,
    line(all[0]),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ];
  for (const r of all.slice(1)) out.push(line(r));
  for (const n of notes) out.push(n);
  console.log(out.join('\n'));
}
