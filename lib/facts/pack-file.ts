import * as v from 'valibot';
import { countIssues, PACK_LIMITS, type PackIssue, utf8Bytes } from './limits';
import { checkAnyFormat } from './migrate';
import { type FactBase, SUPPORTED_FORMATS } from './schema';

/** Problems listed in full; past them, only their number is said. */
export const REPORTED_ISSUES = 10;

export type PackFileProblem =
  | { kind: 'too-large'; bytes: number | null; max: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'format'; found: string; supported: readonly number[] }
  | { kind: 'invalid'; issues: PackIssue[]; total: number; from: number | null; supported: readonly number[] };

export type PackFileRead = { ok: true; base: FactBase; from: number } | { ok: false; problem: PackFileProblem };

function packIssue(issue: v.BaseIssue<unknown>): PackIssue {
  const out: PackIssue = { path: v.getDotPath(issue) ?? '(root)', type: issue.type, message: issue.message };
  if (issue.expected !== undefined) out.expected = issue.expected;
  if (issue.received !== undefined) out.received = issue.received;
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (typeof requirement === 'number') out.requirement = requirement;
  return out;
}

function invalid(issues: PackIssue[], from: number | null): PackFileRead {
  return {
    ok: false,
    problem: {
      kind: 'invalid',
      issues: issues.slice(0, REPORTED_ISSUES),
      total: issues.length,
      from,
      supported: SUPPORTED_FORMATS,
    },
  };
}

/**
 * Reads data parsed from a pack file: its format, then the counts (before
 * the schema walks every item), then the schema, through the migration of
 * older formats. Nothing is stored here.
 */
export function readPackData(data: unknown): PackFileRead {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const received = Array.isArray(data) ? 'Array' : data === null ? 'null' : typeof data;
    return invalid([{ path: '(root)', type: 'object', message: 'a pack is a JSON object', received }], null);
  }
  const format = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof format !== 'number' || !SUPPORTED_FORMATS.includes(format)) {
    return {
      ok: false,
      problem: { kind: 'format', found: JSON.stringify(format) ?? 'none', supported: SUPPORTED_FORMATS },
    };
  }
  const counts = countIssues(data);
  if (counts.length > 0) return invalid(counts, format);
  const result = checkAnyFormat(data);
  if (result.ok) return { ok: true, base: result.base, from: result.from };
  if ('unknownFormat' in result) {
    return {
      ok: false,
      problem: { kind: 'format', found: String(result.unknownFormat), supported: SUPPORTED_FORMATS },
    };
  }
  return invalid(result.issues.map(packIssue), result.from);
}

/** Reads a pack file's text: its size first (a file too large is not parsed), then as JSON, then `readPackData`. */
export function readPackText(text: string): PackFileRead {
  const bytes = utf8Bytes(text);
  if (bytes > PACK_LIMITS.fileBytes) {
    return {
      ok: false,
      problem: { kind: 'too-large', bytes: Number.isFinite(bytes) ? bytes : null, max: PACK_LIMITS.fileBytes },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: { kind: 'not-json', detail: String((error as Error).message ?? error).slice(0, 200) },
    };
  }
  return readPackData(data);
}

/** A pack as a file that imports again: the format's own JSON, indented for people who edit it. */
export function packFileText(base: FactBase): string {
  return `${JSON.stringify(base, null, 2)}\n`;
}

/** "apple-ai-team-2025-07-2025.07.2.json": the pack's id and version, in characters every system accepts. */
export function packFileName(base: Pick<FactBase, 'id' | 'version'>): string {
  const version = base.version.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return `${base.id}${version ? `-${version}` : ''}.json`;
}
