import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // web/ holds the browser's pure helpers (URL state, plans); their tests run in Node too.
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/**/*.test.ts"],
    environment: "node",
    // Migrates one database for the run; each test file's own database starts as a copy of it.
    globalSetup: ["./test/support/database-template.ts"],
    // The second reporter repeats unhandled errors after the summary, where a truncated CI log still shows them.
    reporters: ["default", "./test/support/unhandled-errors-reporter.ts"],
    // Database tests each open their own PGlite instance; PGlite start-up is CPU heavy,
    // so keep parallelism to the machine's two cores.
    maxWorkers: 2,
    // Timeouts only catch a hang: on a loaded machine (another suite beside this one) a worker
    // test took over 60 s, so the bound is generous and tests wait on readiness, not the clock.
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
