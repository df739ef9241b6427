import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the real server (in-process, fresh PGlite data directory,
 * demo data) driven through Debian's Chromium. One server for the whole run,
 * started in the global setup; test files run one after another, since the
 * browser and the database share two CPU cores.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["e2e/support/global-setup.ts"],
    fileParallelism: false,
    reporters: ["default", "./test/support/unhandled-errors-reporter.ts"],
    testTimeout: 90_000,
    hookTimeout: 300_000,
  },
});
