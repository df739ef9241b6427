import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPlaybookFile } from "./read-playbook-file.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/playbooks/${name}`, import.meta.url));

describe(readPlaybookFile.name, () => {
  it("returns the playbook and no problems for a valid file", () => {
    const { playbook, problems } = readPlaybookFile(fixture("valid-small.yaml"));
    expect(problems).toEqual([]);
    expect(playbook?.id).toBe("small");
  });

  it("places an L3 under the wrong L2 on the L3's line", () => {
    const { playbook, problems } = readPlaybookFile(fixture("l3-under-wrong-l2.yaml"));
    expect(playbook).toBeNull();
    expect(problems).toHaveLength(1);
    // Line 35 of the fixture: `- { id: incorrect_sku, name: Incorrect SKU }` under Customer Unresponsive.
    expect(problems[0]).toMatchObject({ path: ["l1s", 0, "l2s", 0, "l3s", 0], line: 35, column: 13 });
  });

  it("places the unknown role on its own entry in updatedBy", () => {
    const [problem] = readPlaybookFile(fixture("unknown-role.yaml")).problems;
    expect(problem).toMatchObject({
      path: ["scenarios", 3, "updatedBy", 1],
      code: "unknown_role",
      line: 103,
    });
    expect(problem?.column).toBeGreaterThan(20);
  });

  it("places a missing field on the nearest existing node, the object that lacks it", () => {
    const [problem] = readPlaybookFile(fixture("missing-field.yaml")).problems;
    // Line 42: `- id: billing`, the L2 without a definition.
    expect(problem).toMatchObject({ path: ["l1s", 1, "l2s", 0, "definition"], line: 42, column: 9 });
  });

  it("reports a YAML syntax error with its position instead of throwing", () => {
    const { playbook, problems } = readPlaybookFile(fixture("syntax-error.yaml"));
    expect(playbook).toBeNull();
    expect(problems[0]).toMatchObject({ path: [], code: "yaml_syntax", line: 16, column: 1 });
    expect(problems[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it("locates problems inside a node shared through a YAML anchor at the anchored text", () => {
    const dir = mkdtempSync(join(tmpdir(), "playbook-"));
    const path = join(dir, "anchor.yaml");
    const text = readPlaybookFile(fixture("valid-small.yaml")).bytes.toString("utf8");
    writeFileSync(
      path,
      text.replace('nextAction: { rule: required, default: "@l2" }', "nextAction: { rule: sometimes }"),
    );
    const problems = readPlaybookFile(path).problems;
    // Both Blocked rows share the anchored fields, so both report the one faulty line.
    expect(problems.map((p) => p.path[1])).toEqual([2, 3]);
    const lines = text.split("\n");
    const anchoredLine = lines.findIndex((line) => line.includes('"@l2"')) + 1;
    expect(problems.map((p) => p.line)).toEqual([anchoredLine, anchoredLine]);
  });

  it("reads JSON as well as YAML", () => {
    const dir = mkdtempSync(join(tmpdir(), "playbook-"));
    const path = join(dir, "small.json");
    const playbook = readPlaybookFile(fixture("valid-small.yaml")).playbook;
    writeFileSync(path, JSON.stringify(playbook, null, 2));
    expect(readPlaybookFile(path).problems).toEqual([]);
  });

  it("reports an unreadable file as a problem", () => {
    const { problems } = readPlaybookFile(join(tmpdir(), "no-such-playbook.yaml"));
    expect(problems[0]?.code).toBe("file_unreadable");
  });
});
