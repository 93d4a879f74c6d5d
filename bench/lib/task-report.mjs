// Prints the long tasks that ran the extension's code, with their busiest
// functions, and what the minified names among them stand for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasExtensionCode } from './ext-probes.mjs';
import { fmt } from './output.mjs';
import { CHROME_BUILD } from './paths.mjs';

/**
 * The long tasks that ran extension code, per load (`traces` as `finishTrace`
 * gives them, `labels` naming the loads), then where the minified names they
 * mention come from.
 */
export function printExtensionTasks(traces, limit = 6, labels = []) {
  const used = new Set();
  traces.forEach((trace, i) => {
    const tasks = (trace?.longTasks.filter(hasExtensionCode) ?? []).sort((a, b) => b.duration - a.duration);
    if (tasks.length)
      console.log(
        `Long tasks running extension code, ${labels[i] ?? `load ${i + 1}`} (longest first; busiest functions by CPU samples):`,
      );
    for (const t of tasks.slice(0, limit)) {
      console.log(
        `  ${fmt(t.duration)} ms at ${fmt(t.start)} ms after parsing began${t.injectsExtensionScript ? ` (injects the content script: EvaluateScript ${fmt(t.injectionMs)} ms)` : ''}: ${fmt(t.extensionMs)} ms sampled in extension code` +
          ` [${t.top.join(', ')}]; rest [${t.otherTop.join(', ') || '–'}]`,
      );
      for (const line of [...t.top, ...t.otherTop]) used.add(line.replace(/ [\d.,]+ ms$/, ''));
    }
    if (tasks.length > limit) console.log(`  … and ${tasks.length - limit} more`);
  });
  const sources = {};
  for (const trace of traces) Object.assign(sources, trace?.minified ?? {});
  const legend = Object.entries(sources).filter(([label]) => used.has(label));
  if (legend.length) console.log('Minified names in the built content script:');
  for (const [label, at] of legend) console.log(`  ${label.split('@')[0]} = ${sourceSnippet(at)}`);
}

/** The first characters of the built file at a function's position: enough to tell which function it is. */
function sourceSnippet({ path, line, column }) {
  try {
    const text = readFileSync(join(CHROME_BUILD, path), 'utf8').split('\n')[line] ?? '';
    // V8 reports a function's position at its parameter list or name: back up to its start.
    const from = Math.max(
      0,
      text.lastIndexOf('function', column) >= column - 30 ? text.lastIndexOf('function', column) : column - 12,
    );
    return `${text.slice(from, from + 110).replace(/\s+/g, ' ')}…`;
  } catch {
    return '(source not found)';
  }
}
