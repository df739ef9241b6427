import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { defaultPlaybookPath } from "../../app/playbook/load-playbook.ts";
import { playbookCommand } from "./playbook-command.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/playbooks/${name}`, import.meta.url));

/** Runs `unblock playbook ...` on a fresh program and captures what it writes. */
async function run(...args: string[]) {
  const { result, sinks } = capturedOutput();
  await runCommand(playbookCommand(sinks), args);
  return result;
}

describe(playbookCommand.name, () => {
  describe("validate", () => {
    it("prints OK with the counts for a valid file", async () => {
      const file = fixture("valid-small.yaml");
      const result = await run("validate", file);
      expect(result.exitCode).toBe(0);
      expect(result.out).toBe(`OK ${file}: playbook small 0.1.0, 2 L1s, 2 L2s, 2 L3s, 4 scenario rows\n`);
    });

    it("names the file, line, column and path of an L3 under the wrong L2, and fails", async () => {
      const file = fixture("l3-under-wrong-l2.yaml");
      const result = await run("validate", file);
      expect(result.exitCode).toBe(1);
      expect(result.out).toBe(
        `${file}:35:13 l1s[0].l2s[0].l3s[0] L3 "Incorrect SKU" is listed under L2 "Customer Unresponsive", which takes no L3\n`,
      );
    });

    it("names the unknown role of a scenario row with its line", async () => {
      const file = fixture("unknown-role.yaml");
      const result = await run("validate", file);
      expect(result.exitCode).toBe(1);
      expect(result.out).toMatch(
        new RegExp(`^${file}:103:\\d+ scenarios\\[3\\]\\.updatedBy\\[1\\] .*"regional_wizard"`),
      );
    });

    it("reports a missing required field with its path and line", async () => {
      const file = fixture("missing-field.yaml");
      const result = await run("validate", file);
      expect(result.exitCode).toBe(1);
      expect(result.out).toContain(`${file}:42:9 l1s[1].l2s[0].definition required field is missing`);
    });

    it("reports a YAML syntax error with its line", async () => {
      const file = fixture("syntax-error.yaml");
      const result = await run("validate", file);
      expect(result.exitCode).toBe(1);
      expect(result.out).toMatch(new RegExp(`^${file}:16:1 \\(document\\) YAML syntax error`));
    });

    it("accepts the default playbook", async () => {
      const result = await run("validate", defaultPlaybookPath);
      expect(result.exitCode).toBe(0);
      expect(result.out).toMatch(/^OK .*: playbook onboarding_default \d+\.\d+\.\d+, 5 L1s, \d+ L2s/);
    });

    it("warns, without failing, when the German side file names an L2 the copy renamed", async () => {
      const directory = mkdtempSync(join(tmpdir(), "unblock-playbook-"));
      const file = join(directory, "renamed.yaml");
      const source = readFileSync(defaultPlaybookPath, "utf8");
      writeFileSync(file, source.replaceAll("service_reliability", "service_health"));
      writeFileSync(
        join(directory, "renamed.de.yaml"),
        readFileSync(defaultPlaybookPath.replace(/\.yaml$/, ".de.yaml")),
      );
      const result = await run("validate", file);
      expect(result.exitCode).toBe(0);
      expect(result.out).toMatch(/^OK /);
      expect(result.err).toContain("warning: translation de: l1s.blocked.l2s.service_reliability");
      expect(await run("validate", defaultPlaybookPath)).toMatchObject({ err: "" });
    });
  });

  describe("show", () => {
    it("prints the version, refresh summary and the tree with per-service L3 groups", async () => {
      const result = await run("show", "--playbook", fixture("valid-small.yaml"));
      const lines = result.out.split("\n");
      expect(lines[0]).toBe("Small test playbook (small 0.1.0)");
      expect(lines).toContain("  2024-01-02  Tests: Created");
      const billing = lines.indexOf("  - Billing [billing]");
      expect(lines.slice(billing + 1, billing + 5)).toEqual([
        "      All services:",
        "        - Incorrect SKU",
        "      Teams:",
        "        - No free trial",
      ]);
    });

    it("prints the taxonomy as JSON with --json", async () => {
      const result = await run("show", "--json", "--playbook", fixture("valid-small.yaml"));
      const json = JSON.parse(result.out);
      expect(json).toMatchObject({ id: "small", version: "0.1.0" });
      expect(json.l1s[1].l2s[0]).toMatchObject({
        id: "billing",
        source: "wider",
        l3s: [
          { id: "incorrect_sku", name: "Incorrect SKU", services: [] },
          { id: "no_free_trial", name: "No free trial", services: ["teams"] },
        ],
      });
      expect(json.scenarios).toHaveLength(4);
      expect(json.services.map((service: { id: string }) => service.id)).toEqual(["exchange", "teams"]);
    });

    it("refuses to show an invalid playbook and lists its problems", async () => {
      const result = await run("show", "--playbook", fixture("unknown-role.yaml"));
      expect(result.exitCode).toBe(1);
      expect(result.out).toBe("");
      expect(result.err).toContain("scenarios[3].updatedBy[1]");
    });
  });
});
