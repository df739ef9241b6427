import type { Reporter } from "vitest/reporters";

type RunEnd = NonNullable<Reporter["onTestRunEnd"]>;

/**
 * Repeats each unhandled error (an exception or rejection no test awaited) in
 * a few lines after the run's summary. The default reporter prints them above
 * the summary, and a CI log that keeps only its tail would show that the run
 * failed without showing why.
 */
export default class UnhandledErrorsReporter implements Reporter {
  onTestRunEnd: RunEnd = (_modules, errors) => {
    if (errors.length === 0) return;
    const lines = [`\nUnhandled errors (${errors.length}), repeated from above:`];
    for (const error of errors) {
      const where = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH ?? "no test file";
      lines.push(`- in ${where}: ${error.name ?? "Error"}: ${error.message}`);
      for (const frame of (error.stack ?? "").split("\n").slice(1, 9)) lines.push(`    ${frame.trim()}`);
      const cause = (error as { cause?: { message?: string } }).cause;
      if (cause?.message) lines.push(`    caused by: ${cause.message}`);
    }
    process.stderr.write(`${lines.join("\n")}\n`);
  };
}
