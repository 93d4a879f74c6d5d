/** Command-line flags every Chromium of the e2e suites and the benchmark is launched with. */
export declare const CHROMIUM_FLAGS: readonly string[];
