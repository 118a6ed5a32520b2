import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under test/ so the project's top level stays as the brief fixes it.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // dist/ built when stale (the binary, the desk, the declarations); one temporary directory for
    // the run, in memory where the machine allows (test/support/tmpdir-setup.ts); then one Chromium
    // for every browser test, launched on first use (test/support/browser.ts), and one throwaway
    // PostgreSQL cluster for the run: the register is tested on both databases.
    globalSetup: ['test/support/build-setup.ts', 'test/support/tmpdir-setup.ts', 'test/support/browser-setup.ts', 'test/support/postgres-setup.ts'],
    // Test files share each worker's module graph instead of re-importing the compiler, Chevrotain,
    // ajv… for every file: this halves the suite's CPU time. A test that changes global state
    // (Object.prototype, process.env, the working directory) must restore it, as the in-process
    // CLI runner (test/support/cli.ts) does.
    isolate: false,
    // Garbage collection on the worker's own thread: with two workers on two cores, V8's parallel
    // GC helpers only take CPU from the other worker (measured: 5-6% less CPU for the suite).
    execArgv: ['--single-threaded-gc'],
    // Two cores on CI: keep the worker count small so PDF and CLI tests do not starve.
    maxWorkers: 2,
    // A witness the evaluator does not reproduce is an internal error in tests, never output.
    env: { SOPWRIGHT_STRICT_WITNESSES: '1' },
    // Modules compiled once are kept on disk (node_modules/.experimental-vitest-cache, keyed by
    // each file's text and the config; cleared when package-lock.json changes), so a run compiles
    // only what changed since the last: the main process's TypeScript transforms were about a
    // tenth of the suite's CPU. `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
  },
});
