import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { checkPlaybook } from "./check-playbook.ts";
import type { PlaybookChange } from "./playbook-changes-schema.ts";
import { diffPlaybooks } from "./playbook-diff.ts";
import { indexPlaybook } from "./playbook-index.ts";
import type { Playbook } from "./playbook-schema.ts";
import { planConcerns, planRemap } from "./remap-plan.ts";
import { taxonomyMapRows } from "./taxonomy-map.ts";
import { changesBetween, compareVersions, remapValue } from "./taxonomy-remap.ts";

/** The default playbook with service_reliability renamed service_health (and the references to it). */
function renamedPlaybook(changes?: PlaybookChange[]): Playbook {
  const text = JSON.stringify(defaultPlaybook())
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  return { ...(JSON.parse(text) as Playbook), version: "1.1.0", ...(changes ? { changes } : {}) };
}

const rename: PlaybookChange = {
  kind: "rename",
  version: "1.1.0",
  from: "blocked/service_reliability",
  to: "blocked/service_health",
};

describe("remapValue", () => {
  it("renames an L2 and carries its L3", () => {
    const moved = remapValue([rename], { l1: "blocked", l2: "service_reliability", l3: "other" }, "exchange");
    expect(moved).toEqual({ value: { l1: "blocked", l2: "service_health", l3: "other" }, applied: [0] });
    expect(
      remapValue([rename], { l1: "no_intent", l2: "service_reliability", l3: null }, null).applied,
    ).toEqual([]);
  });

  it("splits by service and by L3, the first matching part winning, the part without a condition taking the rest", () => {
    const split: PlaybookChange = {
      kind: "split",
      version: "1.1.0",
      from: "blocked/app_compatibility",
      rule: "Exchange add-ins go to their own L2; Teams apps too; the rest stays",
      into: [
        { to: "blocked/addins", services: ["exchange"] },
        { to: "blocked/addins", l3s: ["teams_apps"] },
        { to: "blocked/app_compatibility" },
      ],
    };
    const at = (l3: string | null, service: string | null) =>
      remapValue([split], { l1: "blocked", l2: "app_compatibility", l3 }, service).value.l2;
    expect(at(null, "exchange")).toBe("addins");
    expect(at("teams_apps", "teams")).toBe("addins");
    expect(at("other", "teams")).toBe("app_compatibility");
    expect(at(null, null)).toBe("app_compatibility");
  });

  it("goes through each later version once, L3 changes of a version before its L2 changes", () => {
    const changes: PlaybookChange[] = [
      { kind: "rename", version: "1.2.0", from: "blocked/b", to: "blocked/c" },
      { kind: "rename", version: "1.1.0", from: "blocked/a", to: "blocked/b" },
      { kind: "retire", version: "1.1.0", from: "blocked/a/x", replacedBy: "blocked/d/y" },
    ];
    const ordered = changesBetween(changes, "1.0.0", "1.2.0");
    expect(ordered.map((change) => change.version)).toEqual(["1.1.0", "1.1.0", "1.2.0"]);
    expect(remapValue(ordered, { l1: "blocked", l2: "a", l3: "z" }, null).value).toEqual({
      l1: "blocked",
      l2: "c",
      l3: "z",
    });
    expect(remapValue(ordered, { l1: "blocked", l2: "a", l3: "x" }, null).value).toEqual({
      l1: "blocked",
      l2: "d",
      l3: "y",
    });
    expect(changesBetween(changes, "1.1.0", "1.2.0")).toHaveLength(1);
    expect(compareVersions("1.10.0", "1.9.0")).toBeGreaterThan(0);
  });
});

describe("planRemap", () => {
  const group = (l2: string, l3: string | null, statuses: number) => ({
    value: { l1: "blocked", l2, l3 },
    serviceId: "exchange",
    statuses,
    seats: statuses * 10,
    workItems: 0,
  });

  it("names the values a playbook leaves without a mapping, and moves the declared ones", () => {
    const index = indexPlaybook(renamedPlaybook());
    const stored = [
      group("service_reliability", null, 40),
      group("service_reliability", "other", 2),
      group("legal_regulatory", null, 5),
    ];
    const orphaned = planRemap(index, [], stored);
    expect(orphaned.orphans.map((orphan) => [orphan.path, orphan.statuses])).toEqual([
      ["blocked/service_reliability", 40],
      ["blocked/service_reliability/other", 2],
    ]);
    const planned = planRemap(index, [rename], stored);
    expect(planned.orphans).toEqual([]);
    expect(planned.moves.map((move) => move.to.l2)).toEqual(["service_health", "service_health"]);
  });

  it("needs only the values a change takes, the playbook leaves undefined, or a difference holds", () => {
    const index = indexPlaybook(renamedPlaybook());
    const value = (l1: string, l2: string | null, l3: string | null) => ({ l1, l2, l3 });
    const stored = [
      group("service_reliability", null, 40),
      group("service_reliability", "other", 2),
      group("legal_regulatory", null, 5),
      group("legal_regulatory", "legal", 3),
      group("nowhere", null, 1),
      { ...group("migration", null, 9), value: value("in_progress", "migration", null) },
    ];
    const concerns = planConcerns(index, [rename], ["blocked/legal_regulatory/legal"]);
    expect(stored.filter((one) => concerns(one.value)).map((one) => one.value)).toEqual([
      value("blocked", "service_reliability", null),
      value("blocked", "service_reliability", "other"),
      value("blocked", "legal_regulatory", "legal"),
      value("blocked", "nowhere", null),
    ]);
    for (const changes of [[rename], []]) {
      const needed = stored.filter((one) => planConcerns(index, changes)(one.value));
      expect(planRemap(index, changes, needed)).toEqual(planRemap(index, changes, stored));
    }
  });
});

describe("the changes: section", () => {
  it("loads with valid changes, and a playbook without the section still loads", () => {
    expect(checkPlaybook(renamedPlaybook([rename])).problems).toEqual([]);
    expect(checkPlaybook(defaultPlaybook()).problems).toEqual([]);
  });

  it("refuses unknown targets, kept sources, versions after the playbook's and duplicates", () => {
    const { problems } = checkPlaybook(
      renamedPlaybook([
        { ...rename, to: "blocked/nowhere" },
        { kind: "rename", version: "1.2.0", from: "blocked/legal_regulatory", to: "blocked/service_health" },
        { ...rename },
        {
          kind: "retire",
          version: "1.1.0",
          from: "blocked/service_health/other",
          replacedBy: "no_intent/other",
        },
      ]),
    );
    expect(problems.map((problem) => problem.code).sort()).toEqual([
      "change_after_version",
      "duplicate_source",
      "l1_changed",
      "source_still_defined",
      "source_still_defined",
      "unknown_target",
      "unknown_target",
    ]);
  });
});

describe("diffPlaybooks", () => {
  it("lists the declared changes and marks a removal no change covers", () => {
    const without = diffPlaybooks(defaultPlaybook(), renamedPlaybook());
    expect(without.declared).toEqual([]);
    expect(without.differences).toContainEqual(
      expect.objectContaining({ kind: "removed", path: "blocked/service_reliability", declared: false }),
    );
    const declared = diffPlaybooks(defaultPlaybook(), renamedPlaybook([rename]));
    expect(declared.declared).toEqual([rename]);
    expect(declared.differences.filter((difference) => !difference.declared)).toEqual([]);
  });
});

describe("taxonomyMapRows", () => {
  it("maps history written before the rename, any L3, to the new L2; later history is left alone", () => {
    const rows = taxonomyMapRows([rename], [defaultPlaybook()], ["exchange"]);
    expect(rows).toContainEqual(
      expect.objectContaining({
        maxVersion: "1.1.0",
        l2: "service_reliability",
        l3: "*",
        toL2: "service_health",
        toL3: "*",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        l2: "service_reliability",
        l3: "other",
        toL2: "service_health",
        toL3: "other",
      }),
    );
    expect(rows.every((row) => row.minVersion === null && row.serviceId === "*")).toBe(true);
  });
});
