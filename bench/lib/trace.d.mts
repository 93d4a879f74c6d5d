import type { CDPSession } from 'playwright-core';

/** A long task of the page's main thread, from a Chrome trace, with the time its CPU samples spent in extension code. */
export interface TracedTask {
  start: number;
  duration: number;
  injectsExtensionScript: boolean;
  injectionMs: number;
  extensionMs: number;
  sampledMs: number;
  top: string[];
  otherTop: string[];
}

export declare const TRACE_CATEGORIES: string[];

/** Ends tracing on a CDP session and reads the whole trace. */
export declare function readTrace(cdp: CDPSession): Promise<object[]>;

export declare function analyseTrace(
  events: object[],
  pageUrl: string,
  minTaskMs?: number,
): {
  thread: string;
  samples: number;
  /** Time of all the main thread's CPU samples in extension code. */
  extensionMs: number;
  longTasks: TracedTask[];
  minified: Record<string, unknown>;
} | null;
