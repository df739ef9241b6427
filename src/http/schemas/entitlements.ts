import { z } from "zod";
import { type StatusSegment, splitReasons } from "../../domain/status-segment.ts";
import { contradictionKinds, type UsageAssessment } from "../../domain/usage/assess-usage.ts";
import { isoDate, violationSchema } from "./common.ts";
import { escalationHistoryEntrySchema } from "./escalations.ts";
import { ownerRefSchema, resolvedOwnerSchema } from "./owners.ts";

/** Entitlements, their status segments and their history: what the portfolio, status and bulk routes send and take. */

const optionalText = z.string().max(2000).nullish();

export const stageSchema = z.enum(["assignment", "delivery"]);

export const proposedSegmentSchema = z
  .object({
    seats: z.number().int("must be a whole number").min(0, "must not be negative"),
    l1: z.string().min(1, "must name an L1").describe("L1 id or name, e.g. blocked"),
    scenarioId: z.string().nullish().describe("Scenario row id; defaults to the row for the L1 and stage"),
    l2: optionalText,
    l3: optionalText,
    serviceStatus: optionalText,
    engagementScenario: optionalText,
    // Dates are plain strings here so that a malformed date is reported by the
    // rules with the playbook's wording (field + rule), like every other field.
    targetDate: z
      .string()
      .max(40)
      .nullish()
      .describe("YYYY-MM-DD; for Blocked in Delivery: the projected unblock date"),
    owner: optionalText.describe(
      "Owner as text: a team's role name or id, a user's email or unique name, else kept as unresolved text",
    ),
    ownerRef: ownerRefSchema.nullish().describe("Owner as a person or a team; wins over owner text"),
    note: z.string().max(10_000).nullish(),
    nextActionDate: z.string().max(40).nullish(),
    nextAction: z.string().max(2000).nullish(),
    splitReason: z.enum(splitReasons).nullish(),
  })
  .strict();

export const setStatusBodySchema = z
  .object({
    version: z.number().int().min(1).describe("The entitlement version you read; a stale one gets 409"),
    stage: stageSchema.optional().describe("Engagement stage; defaults to the entitlement's current stage"),
    segments: z.array(proposedSegmentSchema).min(1, "needs at least one segment").max(50),
  })
  .strict();

export const statusSegmentSchema = z.object({
  seats: z.number().int(),
  l1: z.string(),
  scenarioId: z.string(),
  l2: z.string().nullable(),
  l3: z.string().nullable(),
  serviceStatus: z.string().nullable(),
  engagementScenario: z.string().nullable(),
  targetDate: isoDate.nullable(),
  owner: z.string().nullable(),
  ownerRef: ownerRefSchema.nullable().optional(),
  ownerResolved: resolvedOwnerSchema.nullable().optional(),
  note: z.string(),
  nextActionDate: isoDate.nullable(),
  nextAction: z.string().nullable(),
  splitReason: z.string().nullable(),
  l1Since: z.string().optional().describe("When these seats entered their L1 (ISO timestamp)"),
});

const usageFactsSchema = z.object({
  date: isoDate.describe("The newest usage point's date"),
  trend: z
    .array(z.number().int())
    .describe("Active seats of the newest usage points (at most 12), oldest first; the last is the newest"),
  lastActiveDate: isoDate.nullable().describe("The newest date with an active seat, among all points"),
});

export const entitlementViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  tenant: z.object({ id: z.string(), name: z.string(), domain: z.string() }),
  customer: z.object({ id: z.string(), name: z.string(), externalId: z.string() }),
  service: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  availableSeats: z.number().int(),
  stage: stageSchema,
  /** ISO timestamp of the last status change (or creation). */
  updatedAt: z.string(),
  /** Seats in Blocked segments. */
  blockedSeats: z.number().int(),
  segments: z.array(statusSegmentSchema),
  endedAt: z.string().nullable().describe("When a full feed ended it (ISO timestamp); null while open"),
  resplitNeeded: z
    .boolean()
    .describe("A feed changed the available seats and the split's segments no longer add up to them"),
  usage: usageFactsSchema.nullable().describe("Usage points of the tenant's service; null without any"),
});

export const usageAssessmentSchema = z.object({
  activeSeats: z.number().int().nullable().describe("Active seats on the newest point"),
  date: isoDate.nullable().describe("The newest point's date"),
  sharePercent: z.number().nullable().describe("Active seats in percent of the available seats"),
  phase: z
    .string()
    .nullable()
    .describe("Service status id the share stands for (adoption, operate), or null"),
  trend: z.array(z.number().int()).describe("Active seats of the newest points, oldest first"),
  contradictions: z
    .array(z.object({ kind: z.enum(contradictionKinds), message: z.string() }))
    .describe("Where the status contradicts the usage, by the playbook's rules; message in your language"),
});

/** One entitlement read alone: the view, and its usage read against its status by the playbook. */
export const entitlementDetailSchema = entitlementViewSchema.extend({
  usageAssessment: usageAssessmentSchema,
});

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const usageSharePercent = z.coerce
  .number("must be a number")
  .min(0, "must be 0 or more")
  .max(1_000_000, "must be at most 1000000")
  .optional();

export const entitlementFilterSchema = z
  .object({
    l1: z.string().optional(),
    l2: z.string().optional(),
    l3: z.string().optional(),
    serviceId: z.string().optional(),
    owner: z
      .string()
      .optional()
      .describe("A person's user id or email, a team's role id or name, or owner text (case aside)"),
    ownerUnresolved: booleanFlag
      .optional()
      .describe("Only entitlements with an owner written as unresolved text"),
    stage: stageSchema.optional(),
    targetFrom: isoDate.optional(),
    targetTo: isoDate.optional(),
    l1DaysMin: z.coerce
      .number("must be a number")
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(100_000, "must be at most 100000")
      .optional()
      .describe("Some segment has been in its L1 (with l1: that L1) at least this many days, as of today"),
    l1DaysMax: z.coerce
      .number("must be a number")
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(100_000, "must be at most 100000")
      .optional()
      .describe("... and at most this many days (the dashboards' aging buckets: 31 to 60)"),
    overdue: booleanFlag.optional().describe("Only entitlements with a next action date before today"),
    q: z.string().max(200).optional().describe("Free text over customer, tenant and note"),
    customerId: z.uuid().optional(),
    tenantId: z.uuid().optional(),
    sort: z
      .enum(["updated", "target_date", "next_action_date", "customer", "blocked_seats", "usage_share"])
      .optional(),
    order: z.enum(["asc", "desc"]).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().max(500).optional(),
    usageShareMin: usageSharePercent.describe(
      "Newest usage point's active seats, at least this % of the available seats",
    ),
    usageShareMax: usageSharePercent.describe("... and at most this %"),
    contradiction: z
      .enum(["any", ...contradictionKinds])
      .optional()
      .describe("Only statuses usage contradicts: any, or one kind (docs/USAGE.md)"),
    ended: z
      .enum(["exclude", "include", "only"])
      .optional()
      .describe("Entitlements a full feed ended: exclude (default), include or only"),
    resplitNeeded: booleanFlag
      .optional()
      .describe("Only split statuses a seat change left not adding up to the available seats"),
    mine: booleanFlag
      .optional()
      .describe("My portfolio: only tenants the reader is assigned to or owns a status segment in"),
    asOf: z
      .string()
      .max(20)
      .optional()
      .describe(
        "YYYY-MM-DD: the list as it stood at the end of that day (UTC), rebuilt from the status history (docs/HISTORY.md)",
      ),
  })
  .strict();

/** The export takes the list's filters, without paging: it streams every match, as of a day too. */
export const exportQuerySchema = entitlementFilterSchema.omit({ limit: true, cursor: true });

/** The count takes the list's filters, as of a day too. */
export const countQuerySchema = entitlementFilterSchema.omit({ limit: true, cursor: true });

export const entitlementPageSchema = z.object({
  items: z.array(entitlementViewSchema),
  nextCursor: z.string().nullable(),
});

/** `GET /api/entitlements/count`: the list's "1,284 entitlements". */
export const entitlementCountSchema = z.object({
  count: z.number().int().describe("Entitlements matching the filters, counted up to 10,000"),
  exact: z.boolean().describe("false: more than `count` match"),
});

const statusSnapshotSchema = z.object({
  stage: stageSchema,
  availableSeats: z.number().int(),
  segments: z.array(statusSegmentSchema),
});

export const historyEntrySchema = z.object({
  id: z.number().int(),
  entitlementId: z.string(),
  /** ISO timestamp. */
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    role: z.string(),
  }),
  source: z.string(),
  playbookVersion: z.string(),
  versionAfter: z.number().int(),
  before: statusSnapshotSchema,
  after: statusSnapshotSchema,
  requestId: z.string().nullable(),
});

export const historySchema = z.object({
  items: z.array(historyEntrySchema),
  escalations: z
    .array(escalationHistoryEntrySchema)
    .describe("Its escalations' openings, state changes and comments, newest first (docs/ESCALATIONS.md)"),
});

export const bulkBodySchema = z
  .object({
    items: z
      .array(
        z
          .object({
            entitlementId: z.uuid("must be a UUID"),
            version: z.number().int().min(1),
            stage: stageSchema.optional(),
            segments: z.array(proposedSegmentSchema).min(1).max(50),
          })
          .strict(),
      )
      .min(1, "needs at least one item")
      .max(500, "at most 500 items per request"),
  })
  .strict();

export const bulkResultSchema = z.object({
  entitlementId: z.string(),
  ok: z.boolean(),
  version: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(violationSchema).optional(),
});

export const bulkAnswerSchema = z.object({
  results: z.array(bulkResultSchema),
  changed: z.number(),
  refused: z.number(),
});

/**
 * A stored segment: the domain's segment (the server stores only valid split
 * reasons, which the document leaves a plain string) and when its seats
 * entered their L1, which every stored segment has.
 */
export type StoredSegment = StatusSegment & Required<Pick<z.infer<typeof statusSegmentSchema>, "l1Since">>;

/** One entitlement as every reader sees it: who, which service, and its status segments. */
export type EntitlementView = Omit<z.infer<typeof entitlementViewSchema>, "segments"> & {
  segments: StoredSegment[];
};

export type EntitlementCount = z.infer<typeof entitlementCountSchema>;

export type EntitlementDetail = EntitlementView & { usageAssessment: UsageAssessment };

export type EntitlementPage = Omit<z.infer<typeof entitlementPageSchema>, "items"> & {
  items: EntitlementView[];
};

/** An entitlement's status at one moment, as history rows keep it (before and after a change). */
export type StatusSnapshot = Omit<z.infer<typeof statusSnapshotSchema>, "segments"> & {
  segments: StoredSegment[];
};

export type HistoryEntry = Omit<z.infer<typeof historyEntrySchema>, "before" | "after"> & {
  before: StatusSnapshot;
  after: StatusSnapshot;
};

export type SetStatusBody = z.input<typeof setStatusBodySchema>;
export type ProposedSegmentBody = SetStatusBody["segments"][number];
export type BulkStatusBody = z.input<typeof bulkBodySchema>;
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type BulkAnswer = z.infer<typeof bulkAnswerSchema>;
