import { checkPlaybookChanges } from "./check-playbook-changes.ts";
import { normalizeName } from "./playbook-index.ts";
import type { FieldRule, L1, Playbook, ScenarioField, ScenarioRow } from "./playbook-schema.ts";
import { playbookSchema } from "./playbook-schema.ts";

/** A path into the playbook document: object keys and array indexes, e.g. ["l1s", 3, "l2s", 6]. */
export type PlaybookPath = (string | number)[];

export interface PlaybookProblem {
  path: PlaybookPath;
  /** Stable snake_case code (schema problems use zod's issue code). */
  code: string;
  message: string;
}

export interface PlaybookCheck {
  /** The parsed playbook, defaults applied; null when any problem was found. */
  playbook: Playbook | null;
  problems: PlaybookProblem[];
}

/** Renders a path the way people read it: l1s[3].l2s[6].l3s[0]. */
export function formatPlaybookPath(path: PlaybookPath): string {
  if (path.length === 0) return "(document)";
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
}

/**
 * Checks a parsed playbook file: first the zod shape, then the cross-references
 * the shape cannot express. A playbook decides what users may record, so a
 * broken reference must stop it loading rather than surface as a confusing
 * refusal in the editor later. Pure: the caller reads the file.
 */
export function checkPlaybook(input: unknown): PlaybookCheck {
  const parsed = playbookSchema.safeParse(input, {
    // zod's default "expected string, received undefined" hides the common case: a field left out.
    error: (issue) =>
      issue.code === "invalid_type" && issue.input === undefined ? "required field is missing" : undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === "number" ? part : String(part))),
      code: issue.code,
      message: issue.message,
    }));
    return { playbook: null, problems };
  }
  const problems = crossReferenceProblems(parsed.data);
  return { playbook: problems.length === 0 ? parsed.data : null, problems };
}

function crossReferenceProblems(playbook: Playbook): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  const add = (path: PlaybookPath, code: string, message: string) => problems.push({ path, code, message });

  const uniqueIds = <T>(items: T[], basePath: PlaybookPath, key: (item: T) => string, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        add(
          [...basePath, index, "id"],
          "duplicate_id",
          `${what} id "${value}" is already used at index ${first}`,
        );
    });
  };

  uniqueIds(playbook.roles, ["roles"], (role) => role.id, "Role");
  uniqueIds(playbook.serviceFamilies, ["serviceFamilies"], (family) => family.id, "Service family");
  uniqueIds(playbook.serviceStatuses, ["serviceStatuses"], (status) => status.id, "Service status");
  uniqueIds(
    playbook.engagementScenarios,
    ["engagementScenarios"],
    (scenario) => scenario.id,
    "Engagement scenario",
  );
  uniqueIds(playbook.l1s, ["l1s"], (l1) => l1.id, "L1");
  uniqueIds(playbook.scenarios, ["scenarios"], (row) => row.id, "Scenario row");
  checkServices(playbook, add);
  checkUsageRules(playbook, add);
  checkQualityRules(playbook, add);
  checkPlaybookChanges(playbook, add);

  const serviceIds = new Set(playbook.serviceFamilies.flatMap((family) => family.services.map((s) => s.id)));
  const l1ById = new Map(playbook.l1s.map((l1) => [l1.id, l1]));

  playbook.l1s.forEach((l1, l1Index) => {
    const l1Path: PlaybookPath = ["l1s", l1Index];
    uniqueIds(l1.l2s, [...l1Path, "l2s"], (l2) => l2.id, `L2 (under ${l1.name})`);
    if (l1.l2 === "none" && l1.l2s.length > 0) {
      add(
        [...l1Path, "l2s"],
        "l2_not_allowed",
        `L1 "${l1.name}" takes no L2 (l2: none) but lists ${l1.l2s.length}`,
      );
    }
    l1.invalidExamples.forEach((example, index) => {
      checkReference(playbook, example.useInstead, [...l1Path, "invalidExamples", index, "useInstead"], add);
    });

    l1.l2s.forEach((l2, l2Index) => {
      const l2Path: PlaybookPath = [...l1Path, "l2s", l2Index];
      uniqueIds(l2.l3s, [...l2Path, "l3s"], (l3) => l3.id, `L3 (under ${l2.name})`);
      l2.l3s.forEach((l3, l3Index) => {
        const l3Path: PlaybookPath = [...l2Path, "l3s", l3Index];
        if (l2.l3 === "none") {
          add(l3Path, "l3_not_allowed", `L3 "${l3.name}" is listed under L2 "${l2.name}", which takes no L3`);
        }
        l3.services.forEach((service, serviceIndex) => {
          if (!serviceIds.has(service)) {
            add(
              [...l3Path, "services", serviceIndex],
              "unknown_service",
              `L3 "${l3.name}" names unknown service "${service}"`,
            );
          }
        });
      });
      l2.workloadQuestions.forEach((entry, index) => {
        if (!serviceIds.has(entry.service)) {
          add(
            [...l2Path, "workloadQuestions", index, "service"],
            "unknown_service",
            `Workload questions of L2 "${l2.name}" name unknown service "${entry.service}"`,
          );
        }
      });
      l2.invalidExamples.forEach((example, index) => {
        checkReference(
          playbook,
          example.useInstead,
          [...l2Path, "invalidExamples", index, "useInstead"],
          add,
        );
      });
    });
  });

  playbook.scenarios.forEach((row, index) => {
    checkScenarioRow(playbook, row, ["scenarios", index], l1ById, add);
  });

  for (const stage of ["assignment", "delivery"] as const) {
    playbook.l1s.forEach((l1, l1Index) => {
      if (!playbook.scenarios.some((row) => row.l1 === l1.id && row.stage === stage)) {
        add(
          ["l1s", l1Index],
          "missing_scenario_row",
          `L1 "${l1.name}" has no scenario row for the ${stage} stage`,
        );
      }
    });
  }
  return problems;
}

type AddProblem = (path: PlaybookPath, code: string, message: string) => void;

/** Service ids and codes must be unique, and no name or alias may point at two services. */
function checkServices(playbook: Playbook, add: AddProblem) {
  const ids = new Set<string>();
  const codes = new Map<string, string>();
  const keys = new Map<string, string>();
  playbook.serviceFamilies.forEach((family, familyIndex) => {
    family.services.forEach((service, serviceIndex) => {
      const path: PlaybookPath = ["serviceFamilies", familyIndex, "services", serviceIndex];
      if (ids.has(service.id))
        add([...path, "id"], "duplicate_id", `Service id "${service.id}" is already used`);
      ids.add(service.id);
      const codeOwner = codes.get(service.code);
      if (codeOwner) {
        add(
          [...path, "code"],
          "duplicate_code",
          `Service code "${service.code}" is already used by "${codeOwner}"`,
        );
      } else codes.set(service.code, service.id);
      for (const key of new Set(
        [service.id, service.name, service.code, ...service.aliases].map(normalizeName),
      )) {
        const owner = keys.get(key);
        if (owner && owner !== service.id) {
          add(
            [...path, "aliases"],
            "ambiguous_service_name",
            `Service "${service.name}" shares a name or alias with "${owner}"`,
          );
        } else keys.set(key, service.id);
      }
    });
  });
}

/** The usage section names service statuses and L1s the playbook defines. */
function checkUsageRules(playbook: Playbook, add: AddProblem) {
  const usage = playbook.usage;
  if (!usage) return;
  const statuses = new Set(playbook.serviceStatuses.map((status) => status.id));
  for (const phase of ["adoption", "operate"] as const) {
    const id = usage.phases[phase].serviceStatus;
    if (!statuses.has(id))
      add(["usage", "phases", phase, "serviceStatus"], "unknown_reference", `Unknown service status "${id}"`);
  }
  const l1s = new Set(playbook.l1s.map((l1) => l1.id));
  for (const [rule, params] of Object.entries(usage.contradictions)) {
    params.l1s.forEach((id, index) => {
      if (!l1s.has(id))
        add(["usage", "contradictions", rule, "l1s", index], "unknown_reference", `Unknown L1 "${id}"`);
    });
  }
}

/** The quality section names L1s the playbook defines (docs/QUALITY.md). */
function checkQualityRules(playbook: Playbook, add: AddProblem) {
  const quality = playbook.quality;
  if (!quality) return;
  const l1s = new Set(playbook.l1s.map((l1) => l1.id));
  const rules = [
    ["blockedTargetPassed", quality.blockedTargetPassed.l1s],
    ["unknownUnchanged", quality.unknownUnchanged.l1s],
    ["noteGrade", quality.noteGrade.l1s],
  ] as const;
  for (const [rule, ids] of rules) {
    ids.forEach((id, index) => {
      if (!l1s.has(id)) add(["quality", rule, "l1s", index], "unknown_reference", `Unknown L1 "${id}"`);
    });
  }
}

function checkReference(
  playbook: Playbook,
  ref: { l1: string; l2?: string | undefined; l3?: string | undefined },
  path: PlaybookPath,
  add: AddProblem,
) {
  const l1 = playbook.l1s.find((candidate) => candidate.id === ref.l1);
  if (!l1) return add([...path, "l1"], "unknown_reference", `useInstead names unknown L1 "${ref.l1}"`);
  if (ref.l2 === undefined) {
    if (ref.l3 !== undefined)
      add([...path, "l3"], "unknown_reference", "useInstead names an L3 without its L2");
    return;
  }
  const l2 = l1.l2s.find((candidate) => candidate.id === ref.l2);
  if (!l2)
    return add(
      [...path, "l2"],
      "unknown_reference",
      `useInstead names unknown L2 "${ref.l2}" under "${l1.name}"`,
    );
  if (ref.l3 !== undefined && !l2.l3s.some((candidate) => candidate.id === ref.l3)) {
    add([...path, "l3"], "unknown_reference", `useInstead names unknown L3 "${ref.l3}" under "${l2.name}"`);
  }
}

/** Fields whose L1-level availability ("required"/"optional"/"none") a row must respect. */
const l1Availability = { l2: "l2", targetDate: "targetDate", owner: "owner" } as const;

function checkScenarioRow(
  playbook: Playbook,
  row: ScenarioRow,
  path: PlaybookPath,
  l1ById: Map<string, L1>,
  add: AddProblem,
) {
  if (!l1ById.has(row.table))
    add([...path, "table"], "unknown_l1", `Scenario row "${row.id}" names unknown table L1 "${row.table}"`);
  const l1 = l1ById.get(row.l1);
  if (!l1) add([...path, "l1"], "unknown_l1", `Scenario row "${row.id}" sets unknown L1 "${row.l1}"`);

  const roleIds = new Set(playbook.roles.map((role) => role.id));
  row.updatedBy.forEach((role, index) => {
    if (!roleIds.has(role)) {
      add(
        [...path, "updatedBy", index],
        "unknown_role",
        `Scenario row "${row.id}" names unknown role "${role}"`,
      );
    }
  });

  const known: Partial<Record<ScenarioField, Set<string>>> = {
    serviceStatus: new Set(playbook.serviceStatuses.map((status) => status.id)),
    engagementScenario: new Set(playbook.engagementScenarios.map((scenario) => scenario.id)),
  };
  for (const [field, rule] of Object.entries(row.fields) as [ScenarioField, FieldRule][]) {
    const fieldPath: PlaybookPath = [...path, "fields", field];
    const ids = known[field];
    if (ids) {
      rule.allowed.forEach((id, index) => {
        if (!ids.has(id))
          add([...fieldPath, "allowed", index], "unknown_value", `${field} value "${id}" is not defined`);
      });
      if (rule.default !== undefined) {
        if (!ids.has(rule.default)) {
          add(
            [...fieldPath, "default"],
            "unknown_value",
            `${field} default "${rule.default}" is not defined`,
          );
        } else if (rule.allowed.length > 0 && !rule.allowed.includes(rule.default)) {
          add(
            [...fieldPath, "default"],
            "default_not_allowed",
            `${field} default "${rule.default}" is not among the allowed values`,
          );
        }
      }
    } else if (rule.allowed.length > 0) {
      add(
        [...fieldPath, "allowed"],
        "allowed_not_supported",
        `${field} takes free values; "allowed" only applies to serviceStatus and engagementScenario`,
      );
    }
    if (rule.default === "@l2" && field !== "nextAction") {
      add(
        [...fieldPath, "default"],
        "l2_default_misplaced",
        `"@l2" is only a default for nextAction, not ${field}`,
      );
    }
    if (rule.notPast && field !== "targetDate" && field !== "nextActionDate") {
      add([...fieldPath, "notPast"], "not_a_date", `notPast only applies to date fields, not ${field}`);
    }
  }

  if (!l1) return;
  for (const [field, l1Field] of Object.entries(l1Availability) as [
    keyof typeof l1Availability,
    "l2" | "targetDate" | "owner",
  ][]) {
    const availability = l1[l1Field];
    const rule = row.fields[field].rule;
    if (availability === "none" && rule !== "forbidden") {
      add(
        [...path, "fields", field, "rule"],
        "contradicts_l1",
        `${field} is ${rule} here, but L1 "${l1.name}" has no ${field}`,
      );
    }
    if (availability === "required" && (rule === "forbidden" || rule === "optional")) {
      add(
        [...path, "fields", field, "rule"],
        "contradicts_l1",
        `${field} is ${rule} here, but L1 "${l1.name}" requires it`,
      );
    }
  }
  const l3Rule = row.fields.l3.rule;
  const takesL3 = l1.l2 !== "none" && l1.l2s.some((l2) => l2.l3 !== "none");
  if (!takesL3 && l3Rule !== "forbidden") {
    add(
      [...path, "fields", "l3", "rule"],
      "contradicts_l1",
      `l3 is ${l3Rule} here, but no L2 of L1 "${l1.name}" takes an L3`,
    );
  }
}
