import type { z } from "zod";
import { type PlaybookProblemKey, playbookProblemMessagesEn } from "../i18n/playbook-problem-messages-en.ts";
import type { MessageParams } from "../i18n/rule-text.ts";
import { playbookProblemText } from "../i18n/server-texts.ts";
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
  /** The sentence in English (the CLI, logs). */
  message: string;
  /** The same sentence as a catalogue key and its values, said in the reader's language (docs/I18N.md). */
  said: { key: PlaybookProblemKey; values: MessageParams };
}

/** A problem whose sentence is `key` of the playbook problem catalogue. */
export function playbookProblem(
  path: PlaybookPath,
  code: string,
  key: PlaybookProblemKey,
  values: MessageParams = {},
): PlaybookProblem {
  return { path, code, message: playbookProblemText.say("en", key, values), said: { key, values } };
}

export type AddProblem = (
  path: PlaybookPath,
  code: string,
  key: PlaybookProblemKey,
  values?: MessageParams,
) => void;

/** The schema's own sentences (its regex messages, "required field is missing") by their English. */
const keyOfSentence = new Map(
  Object.entries(playbookProblemMessagesEn).map(([key, sentence]) => [
    sentence as string,
    key as PlaybookProblemKey,
  ]),
);

/** One schema issue as a problem of the catalogue: by its sentence, else by its kind. */
function schemaProblem(issue: z.core.$ZodIssue): PlaybookProblem {
  const path = issue.path.map((part) => (typeof part === "number" ? part : String(part)));
  const known = keyOfSentence.get(issue.message);
  if (known) return playbookProblem(path, issue.code, known);
  const said = schemaSentence(issue);
  return playbookProblem(
    path,
    issue.code,
    said?.[0] ?? "schema_other",
    said?.[1] ?? { message: issue.message },
  );
}

function schemaSentence(issue: z.core.$ZodIssue): [PlaybookProblemKey, MessageParams] | null {
  const sized = (origin: string) => (origin === "string" || origin === "array" ? origin : "number");
  switch (issue.code) {
    case "invalid_type":
      return ["schema_expected", { expected: issue.expected }];
    case "too_small":
      return [`schema_too_small_${sized(issue.origin)}`, { minimum: Number(issue.minimum) }];
    case "too_big":
      return [`schema_too_big_${sized(issue.origin)}`, { maximum: Number(issue.maximum) }];
    case "invalid_value":
      return ["schema_one_of", { values: issue.values.map((value) => JSON.stringify(value)).join(", ") }];
    case "unrecognized_keys":
      return ["schema_unknown_keys", { keys: issue.keys.join(", ") }];
    case "invalid_union":
      return ["schema_no_shape", {}];
    case "invalid_format":
      return ["schema_format", { format: issue.format }];
    default:
      return null;
  }
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
    return { playbook: null, problems: parsed.error.issues.map(schemaProblem) };
  }
  const problems = crossReferenceProblems(parsed.data);
  return { playbook: problems.length === 0 ? parsed.data : null, problems };
}

function crossReferenceProblems(playbook: Playbook): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  const add: AddProblem = (path, code, key, values) =>
    problems.push(playbookProblem(path, code, key, values));

  const uniqueIds = <T>(
    items: T[],
    basePath: PlaybookPath,
    key: (item: T) => string,
    said: PlaybookProblemKey,
    values: MessageParams = {},
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        add([...basePath, index, "id"], "duplicate_id", said, { ...values, id: value, first: String(first) });
    });
  };

  uniqueIds(playbook.roles, ["roles"], (role) => role.id, "duplicate_role");
  uniqueIds(playbook.serviceFamilies, ["serviceFamilies"], (family) => family.id, "duplicate_service_family");
  uniqueIds(playbook.serviceStatuses, ["serviceStatuses"], (status) => status.id, "duplicate_service_status");
  uniqueIds(
    playbook.engagementScenarios,
    ["engagementScenarios"],
    (scenario) => scenario.id,
    "duplicate_engagement_scenario",
  );
  uniqueIds(playbook.l1s, ["l1s"], (l1) => l1.id, "duplicate_l1");
  uniqueIds(playbook.scenarios, ["scenarios"], (row) => row.id, "duplicate_scenario_row");
  checkServices(playbook, add);
  checkUsageRules(playbook, add);
  checkQualityRules(playbook, add);
  checkPlaybookChanges(playbook, add);

  const serviceIds = new Set(playbook.serviceFamilies.flatMap((family) => family.services.map((s) => s.id)));
  const l1ById = new Map(playbook.l1s.map((l1) => [l1.id, l1]));

  playbook.l1s.forEach((l1, l1Index) => {
    const l1Path: PlaybookPath = ["l1s", l1Index];
    uniqueIds(l1.l2s, [...l1Path, "l2s"], (l2) => l2.id, "duplicate_l2", { l1: l1.name });
    if (l1.l2 === "none" && l1.l2s.length > 0) {
      add([...l1Path, "l2s"], "l2_not_allowed", "l2_not_allowed", { l1: l1.name, count: l1.l2s.length });
    }
    l1.invalidExamples.forEach((example, index) => {
      checkReference(playbook, example.useInstead, [...l1Path, "invalidExamples", index, "useInstead"], add);
    });

    l1.l2s.forEach((l2, l2Index) => {
      const l2Path: PlaybookPath = [...l1Path, "l2s", l2Index];
      uniqueIds(l2.l3s, [...l2Path, "l3s"], (l3) => l3.id, "duplicate_l3", { l2: l2.name });
      l2.l3s.forEach((l3, l3Index) => {
        const l3Path: PlaybookPath = [...l2Path, "l3s", l3Index];
        if (l2.l3 === "none") {
          add(l3Path, "l3_not_allowed", "l3_not_allowed", { l3: l3.name, l2: l2.name });
        }
        l3.services.forEach((service, serviceIndex) => {
          if (!serviceIds.has(service)) {
            add([...l3Path, "services", serviceIndex], "unknown_service", "l3_unknown_service", {
              l3: l3.name,
              service,
            });
          }
        });
      });
      l2.workloadQuestions.forEach((entry, index) => {
        if (!serviceIds.has(entry.service)) {
          add(
            [...l2Path, "workloadQuestions", index, "service"],
            "unknown_service",
            "workload_unknown_service",
            { l2: l2.name, service: entry.service },
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
        add(["l1s", l1Index], "missing_scenario_row", "missing_scenario_row", { l1: l1.name, stage });
      }
    });
  }
  return problems;
}

/** Service ids and codes must be unique, and no name or alias may point at two services. */
function checkServices(playbook: Playbook, add: AddProblem) {
  const ids = new Set<string>();
  const codes = new Map<string, string>();
  const keys = new Map<string, string>();
  playbook.serviceFamilies.forEach((family, familyIndex) => {
    family.services.forEach((service, serviceIndex) => {
      const path: PlaybookPath = ["serviceFamilies", familyIndex, "services", serviceIndex];
      if (ids.has(service.id)) add([...path, "id"], "duplicate_id", "duplicate_service", { id: service.id });
      ids.add(service.id);
      const codeOwner = codes.get(service.code);
      if (codeOwner) {
        add([...path, "code"], "duplicate_code", "duplicate_code", { code: service.code, owner: codeOwner });
      } else codes.set(service.code, service.id);
      for (const key of new Set(
        [service.id, service.name, service.code, ...service.aliases].map(normalizeName),
      )) {
        const owner = keys.get(key);
        if (owner && owner !== service.id) {
          add([...path, "aliases"], "ambiguous_service_name", "ambiguous_service_name", {
            name: service.name,
            owner,
          });
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
      add(["usage", "phases", phase, "serviceStatus"], "unknown_reference", "unknown_service_status", {
        id,
      });
  }
  const l1s = new Set(playbook.l1s.map((l1) => l1.id));
  for (const [rule, params] of Object.entries(usage.contradictions)) {
    params.l1s.forEach((id, index) => {
      if (!l1s.has(id))
        add(["usage", "contradictions", rule, "l1s", index], "unknown_reference", "unknown_l1", { id });
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
      if (!l1s.has(id)) add(["quality", rule, "l1s", index], "unknown_reference", "unknown_l1", { id });
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
  if (!l1) return add([...path, "l1"], "unknown_reference", "use_instead_l1", { id: ref.l1 });
  if (ref.l2 === undefined) {
    if (ref.l3 !== undefined) add([...path, "l3"], "unknown_reference", "use_instead_l3_alone");
    return;
  }
  const l2 = l1.l2s.find((candidate) => candidate.id === ref.l2);
  if (!l2) return add([...path, "l2"], "unknown_reference", "use_instead_l2", { id: ref.l2, l1: l1.name });
  if (ref.l3 !== undefined && !l2.l3s.some((candidate) => candidate.id === ref.l3)) {
    add([...path, "l3"], "unknown_reference", "use_instead_l3", { id: ref.l3, l2: l2.name });
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
    add([...path, "table"], "unknown_l1", "row_unknown_table", { row: row.id, l1: row.table });
  const l1 = l1ById.get(row.l1);
  if (!l1) add([...path, "l1"], "unknown_l1", "row_unknown_l1", { row: row.id, l1: row.l1 });

  const roleIds = new Set(playbook.roles.map((role) => role.id));
  row.updatedBy.forEach((role, index) => {
    if (!roleIds.has(role)) {
      add([...path, "updatedBy", index], "unknown_role", "row_unknown_role", { row: row.id, role });
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
          add([...fieldPath, "allowed", index], "unknown_value", "field_value_unknown", { field, id });
      });
      if (rule.default !== undefined) {
        if (!ids.has(rule.default)) {
          add([...fieldPath, "default"], "unknown_value", "field_default_unknown", {
            field,
            id: rule.default,
          });
        } else if (rule.allowed.length > 0 && !rule.allowed.includes(rule.default)) {
          add([...fieldPath, "default"], "default_not_allowed", "field_default_not_allowed", {
            field,
            id: rule.default,
          });
        }
      }
    } else if (rule.allowed.length > 0) {
      add([...fieldPath, "allowed"], "allowed_not_supported", "field_allowed_free", { field });
    }
    if (rule.default === "@l2" && field !== "nextAction") {
      add([...fieldPath, "default"], "l2_default_misplaced", "field_l2_default", { field });
    }
    if (rule.notPast && field !== "targetDate" && field !== "nextActionDate") {
      add([...fieldPath, "notPast"], "not_a_date", "field_not_a_date", { field });
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
      add([...path, "fields", field, "rule"], "contradicts_l1", "field_l1_has_none", {
        field,
        rule,
        l1: l1.name,
      });
    }
    if (availability === "required" && (rule === "forbidden" || rule === "optional")) {
      add([...path, "fields", field, "rule"], "contradicts_l1", "field_l1_requires", {
        field,
        rule,
        l1: l1.name,
      });
    }
  }
  const l3Rule = row.fields.l3.rule;
  const takesL3 = l1.l2 !== "none" && l1.l2s.some((l2) => l2.l3 !== "none");
  if (!takesL3 && l3Rule !== "forbidden") {
    add([...path, "fields", "l3", "rule"], "contradicts_l1", "field_l3_none", { rule: l3Rule, l1: l1.name });
  }
}
