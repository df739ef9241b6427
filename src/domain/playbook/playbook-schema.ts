import { z } from "zod";
import { qualityRulesSchema } from "../quality/quality-rules-schema.ts";
import { defaultEscalationRules, escalationRulesSchema } from "./escalation-rules-schema.ts";
import { playbookChangesSchema } from "./playbook-changes-schema.ts";
import { usageRulesSchema } from "./usage-rules-schema.ts";

/**
 * The shape of a playbook file. A playbook is data, not code: a deployment can
 * point Unblock at its own file (UNBLOCK_PLAYBOOK) and bring its own taxonomy.
 * Structural rules live here; cross-references (roles named by scenario rows,
 * services named by L3s, ...) are checked by `checkPlaybook`.
 */

/** Stable identifier: lower snake_case, used in URLs, CSV files and the database. */
const idSchema = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be lower snake_case (a-z, 0-9, _)");

const text = z.string().trim().min(1, "must not be empty");

export const roleSchema = z.object({
  id: idSchema,
  name: text,
  description: text,
});

export const serviceSchema = z.object({
  id: idSchema,
  name: text,
  /** Short code used by the field teams (EXO, SPO, ...). */
  code: z.string().regex(/^[A-Z0-9]+$/, "must be upper-case letters and digits"),
  /** Other spellings found in the sources, so imports and L3 lists resolve them. */
  aliases: z.array(text).default([]),
});

const serviceFamilySchema = z.object({
  id: idSchema,
  name: text,
  services: z.array(serviceSchema).min(1),
});

export const l3Schema = z.object({
  id: idSchema,
  name: text,
  definition: z.string().trim().optional(),
  /** Empty: applies to every service. Otherwise only to the listed service ids. */
  services: z.array(idSchema).default([]),
});

/** Where a misfiled case belongs instead, as a taxonomy path. */
const taxonomyRefSchema = z.object({
  l1: idSchema,
  l2: idSchema.optional(),
  l3: idSchema.optional(),
});

const counterExampleSchema = z.object({
  scenario: text,
  useInstead: taxonomyRefSchema,
});

const workloadQuestionsSchema = z.object({
  service: idSchema,
  questions: z.array(text).min(1),
});

export const l2Schema = z.object({
  id: idSchema,
  name: text,
  /** Other names the sources use for this L2 (page titles, punctuation variants). */
  aliases: z.array(text).default([]),
  /** "seed": printed on the seed's Blocked page; "wider": only elsewhere in the playbook. */
  source: z.enum(["seed", "wider"]).default("wider"),
  definition: text,
  /** The constraint that separates this L2 from its neighbours ("not this if ..."). */
  notThis: z.string().trim().default(""),
  resolver: z.object({
    /** Who must engage to resolve it, in a few words. */
    group: text,
    detail: z.string().trim().default(""),
    /** Default "Next Action to be taken" in the Delivery stage, derived from the resolver. */
    nextAction: text,
    /** Business days the group has to resolve an escalation of this L2; the playbook's default when absent. */
    slaBusinessDays: z.number().int().min(1).max(250, "must be at most 250").optional(),
  }),
  validExamples: z.array(text).default([]),
  invalidExamples: z.array(counterExampleSchema).default([]),
  questions: z.array(text).default([]),
  workloadQuestions: z.array(workloadQuestionsSchema).default([]),
  /** "none": the L2 takes no L3 (Status Unknown, In Progress); "optional": an L3 may refine it. */
  l3: z.enum(["none", "optional"]),
  l3s: z.array(l3Schema).default([]),
});

export const l1Schema = z.object({
  id: idSchema,
  name: text,
  definition: text,
  /** Tailwind-free colour token the web app and charts use for this L1. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour"),
  /** Whether a status with this L1 carries an L2. */
  l2: z.enum(["required", "optional", "none"]),
  /** Whether a status with this L1 carries a target date (field availability, user guide). */
  targetDate: z.enum(["required", "optional", "none"]),
  /** Whether a status with this L1 carries an owner. */
  owner: z.enum(["required", "optional", "none"]),
  /** Guidance for an L1 without L2s (Duplicate/Invalid); optional, L2s carry their own. */
  validExamples: z.array(text).default([]),
  invalidExamples: z.array(counterExampleSchema).default([]),
  questions: z.array(text).default([]),
  l2s: z.array(l2Schema).default([]),
});

/**
 * How one field behaves in a scenario row.
 * - required: must be given (or filled from `default`)
 * - optional: may be given
 * - forbidden: must be empty (the table says N/A)
 * - carry: keeps the previous record's value; a different value is refused
 */
export const fieldRuleSchema = z.object({
  rule: z.enum(["required", "optional", "forbidden", "carry"]),
  /** The table cell as printed, kept for the playbook browser. */
  cell: z.string().default(""),
  /** Label the editor shows for the field in this row. */
  label: z.string().trim().optional(),
  /** Fixed default value; for nextAction "@l2" means the L2 resolver's next action. */
  default: z.string().trim().optional(),
  /** Allowed values (ids of engagement scenarios / service statuses). Empty: any known value. */
  allowed: z.array(idSchema).default([]),
  /** Dates only: refuse a date before today. */
  notPast: z.boolean().default(false),
  /** Guidance shown beside the field. */
  hint: z.string().trim().optional(),
});

const scenarioFieldsSchema = z.object({
  l2: fieldRuleSchema,
  l3: fieldRuleSchema,
  serviceStatus: fieldRuleSchema,
  engagementScenario: fieldRuleSchema,
  targetDate: fieldRuleSchema,
  owner: fieldRuleSchema,
  note: fieldRuleSchema,
  nextActionDate: fieldRuleSchema,
  nextAction: fieldRuleSchema,
});

export const stageSchema = z.enum(["assignment", "delivery"]);

export const scenarioRowSchema = z.object({
  id: idSchema,
  /** The L1 whose table lists this row (the No Intent table has an In Progress row). */
  table: idSchema,
  /** The L1 value the row sets. */
  l1: idSchema,
  stage: stageSchema,
  title: text,
  description: text,
  /** Role ids allowed to record a status through this row ("Who Updates FTOP"). */
  updatedBy: z.array(idSchema).min(1),
  fields: scenarioFieldsSchema,
  /** Row-specific behaviour: keep the existing L2/L3 when new seats join an existing No Intent row. */
  keepExistingClassification: z.boolean().default(false),
  /** Whether the playbook printed this row (true) or Unblock derived it from the field rules (false). */
  printed: z.boolean().default(true),
});

const serviceStatusSchema = z.object({
  id: idSchema,
  name: text,
  description: text,
});

const engagementScenarioSchema = z.object({
  id: idSchema,
  name: text,
  description: text,
});

const refreshEntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a YYYY-MM-DD date"),
  who: text,
  what: text,
  notes: z.string().default(""),
});

export const playbookSchema = z.object({
  id: idSchema,
  title: text,
  /** Semantic version of the playbook data; stored on every history row. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version like 1.0.0"),
  refreshSummary: z.array(refreshEntrySchema).min(1),
  roles: z.array(roleSchema).min(1),
  serviceFamilies: z.array(serviceFamilySchema).min(1),
  serviceStatuses: z.array(serviceStatusSchema).min(1),
  engagementScenarios: z.array(engagementScenarioSchema).min(1),
  l1s: z.array(l1Schema).min(1),
  scenarios: z.array(scenarioRowSchema).min(1),
  /** Usage phases and the contradiction rules; without them usage shows only seats and share. */
  usage: usageRulesSchema.optional(),
  /** The data-quality rules and their thresholds (docs/QUALITY.md); without them, the defaults. */
  quality: qualityRulesSchema.optional(),
  /** Escalations to the resolver groups: the default SLA and the rules that raise them (defaults apply). */
  escalations: escalationRulesSchema.default(defaultEscalationRules),
  /** L2s and L3s renamed, merged, split or retired since earlier versions (docs/PLAYBOOK-VERSIONS.md). */
  changes: playbookChangesSchema.optional(),
});

export type Role = z.infer<typeof roleSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type L1 = z.infer<typeof l1Schema>;
export type L2 = z.infer<typeof l2Schema>;
export type L3 = z.infer<typeof l3Schema>;
export type FieldRule = z.infer<typeof fieldRuleSchema>;
export type ScenarioFields = z.infer<typeof scenarioFieldsSchema>;
export type ScenarioField = keyof ScenarioFields;
export type ScenarioRow = z.infer<typeof scenarioRowSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Playbook = z.infer<typeof playbookSchema>;
