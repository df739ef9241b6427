import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { suggestCommand } from "./suggest-command.ts";

const fixture = fileURLToPath(new URL("../../../corpus/fixtures/suggest-batch.jsonl", import.meta.url));

/** Runs `unblock suggest ...` on a fresh program and captures what it writes. */
async function run(args: string[], files: Record<string, string> = {}) {
  const { result, sinks } = capturedOutput();
  await runCommand(
    suggestCommand({ ...sinks, readFile: (path) => files[path] ?? readFileSync(path, "utf8") }),
    args,
  );
  return result;
}

describe(suggestCommand.name, () => {
  it("prints the proposal with playbook names, a confidence band and the note's grade", async () => {
    const result = await run([
      "Not a licensing problem: the firewall drops the traffic Teams needs.",
      "--workload",
      "Teams",
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain("L1  Blocked");
    expect(result.out).toContain("L2  Customer IT Infrastructure and Remediation");
    expect(result.out).toMatch(/Confidence \d\.\d\d \((green|amber|red)\)/);
    expect(result.out).toMatch(/Because of: .*firewall/);
    expect(result.out).toContain("Note grade:");
  });

  it("prints JSON with --json", async () => {
    const result = await run(["Customer unresponsive.", "--json"]);
    const parsed = JSON.parse(result.out);
    expect(parsed).toMatchObject({ l1: "status_unknown", grade: "poor" });
    expect(parsed.hints.map((hint: { code: string }) => hint.code)).toEqual(["status_only"]);
    expect(["green", "amber", "red"]).toContain(parsed.band);
  });

  it("classifies a JSON Lines file, one output line per input line in the same order", async () => {
    const result = await run(["--input", fixture]);
    expect(result.exitCode).toBe(0);
    const lines = result.out
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(["n1", "n2", 3, "n4", "n5"]);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["id", "l1", "l2", "l3", "confidence", "grade", "hints"]);
    }
    expect(lines[0]).toMatchObject({
      l1: "blocked",
      l2: "customer_it_infrastructure_remediation",
      grade: "great",
    });
    expect(lines[1]).toMatchObject({ l1: "status_unknown", l2: "customer_unresponsive", l3: null });
    // "Blocked." names its L1 but no reason: the L2 is left to the writer.
    expect(lines[2]).toMatchObject({ l1: "blocked", l2: null, l3: null, grade: "poor" });
    expect(lines[3]).toMatchObject({ l1: null, l2: null, l3: null, confidence: 0, grade: "poor" });
    expect(lines[4]).toMatchObject({ l1: "duplicate_invalid", l2: null });
  });

  it("keeps going past a bad line, reporting it in place and failing at the end", async () => {
    const input = [
      '{"id":"a","note":"No intent: Slack is the standard for chat.","workload":null}',
      "{oops",
      '{"id":"c"}',
    ].join("\n");
    const result = await run(["--input", "notes.jsonl"], { "notes.jsonl": input });
    expect(result.exitCode).toBe(1);
    const lines = result.out
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: "a", l1: "no_intent" });
    expect(lines[1]).toMatchObject({ id: null, l1: null, error: "not valid JSON" });
    expect(lines[2]).toMatchObject({ id: "c", error: '"note" must be a string' });
    expect(result.err).toContain("notes.jsonl:2: not valid JSON");
  });

  it("ignores a workload the playbook does not know, with one warning", async () => {
    const input = [
      '{"id":1,"note":"No reply after 3 emails; unmanaged.","workload":"Carrier pigeon"}',
      '{"id":2,"note":"No reply after 5 calls; managed account.","workload":"Carrier pigeon"}',
    ].join("\n");
    const result = await run(["--input", "x.jsonl"], { "x.jsonl": input });
    expect(result.exitCode).toBe(0);
    expect(result.err.match(/unknown workload/g)).toHaveLength(1);
  });

  it("asks for a note when given neither a note nor a file", async () => {
    const result = await run([]);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain("give a note");
  });
});
