import { describe, expect, it } from "vitest";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { lintNoteCommand } from "./lint-note-command.ts";

async function run(...args: string[]) {
  const { result, sinks } = capturedOutput();
  await runCommand(lintNoteCommand({ ...sinks, readFile: () => "" }), args);
  return result;
}

describe(lintNoteCommand.name, () => {
  it("grades against the L1 given by name, and lists what to add", async () => {
    const result = await run("No intent.", "--l1", "No Intent");
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain("Grade: poor");
    expect(result.out).toContain("Checked as no_intent");
    expect(result.out).toContain("[status_only]");
  });

  it("reads the L1 from the note when none is given", async () => {
    const result = await run("Customer has ignored our emails.", "--json");
    const parsed = JSON.parse(result.out);
    expect(parsed).toMatchObject({ l1: "status_unknown", inferred: true, grade: "marginal" });
    expect(parsed.hints.map((hint: { code: string }) => hint.code)).toContain("attempts_missing");
  });

  it("accepts an L2 and uses it (a note that only repeats its L1 and L2 is poor)", async () => {
    const result = await run(
      "Blocked - licensing",
      "--l1",
      "blocked",
      "--l2",
      "Billing, Licensing and Subscription",
    );
    expect(result.out).toContain("Grade: poor");
  });

  it("refuses an unknown L1", async () => {
    const result = await run("Blocked by the proxy", "--l1", "Stuck");
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('unknown L1 "Stuck"');
  });
});
