import { z } from "zod";
import { changeKinds } from "../../domain/history/status-changes.ts";

/**
 * Reports over the status history (docs/HISTORY.md): what changed between
 * two days, dwell times in Blocked, the flow between L1s, Blocked seats per
 * L2 week by week. Days are UTC days; a day's state is the one at its end.
 */

/** Dates are plain strings here: the use-case checks them and names the field and rule on a bad one. */
const day = z.string().max(20);
const scope = {
  serviceId: z.string().max(100).optional(),
  customerId: z.uuid().optional(),
  mine: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .optional()
    .describe("My portfolio: only tenants the reader is assigned to or owns a status segment in"),
};

export const compareQuerySchema = z
  .object({
    from: day.describe("The earlier day, YYYY-MM-DD: its state at the end of the day (UTC)"),
    to: day.describe("The later day, YYYY-MM-DD, not after today"),
    ...scope,
  })
  .strict();

export const windowQuerySchema = z
  .object({
    from: day.optional().describe("First day of the window, YYYY-MM-DD (default: 89 days before `to`)"),
    to: day.optional().describe("Last day of the window, YYYY-MM-DD (default today, UTC)"),
    ...scope,
  })
  .strict();

export const dwellQuerySchema = windowQuerySchema.extend({
  by: z.enum(["l2", "l3", "service"]).optional().describe("Group by Blocked reason (default), L3 or service"),
});

export const statusChangeSchema = z.object({
  kind: z.enum(changeKinds),
  entitlementId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  serviceId: z.string(),
  seats: z.number().int(),
  fromL1: z.string().nullable().describe("Null: no status (a first status, or seats added)"),
  fromL1Name: z.string(),
  fromL2: z.string().nullable(),
  fromL2Name: z.string().nullable(),
  toL1: z.string().nullable().describe("Null: no status (the seats are gone)"),
  toL1Name: z.string(),
  toL2: z.string().nullable(),
  toL2Name: z.string().nullable(),
  fromTargetDate: z.string().nullable(),
  toTargetDate: z.string().nullable(),
});

const changeTotals = {
  newlyBlockedSeats: z.number().int(),
  unblockedSeats: z.number().int(),
  movedSeats: z.number().int().describe("Seats moved from one Blocked reason (L2) to another"),
  targetsMoved: z.number().int().describe("Changes of a target date on seats that kept their L1"),
};

export const compareGroupSchema = z.object({
  owner: z.string().nullable().describe("The seats' owner as written; null: no owner"),
  serviceId: z.string(),
  serviceName: z.string(),
  ...changeTotals,
  changes: z.array(statusChangeSchema),
});

export const compareSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({ ...changeTotals, entitlements: z.number().int() }),
  groups: z.array(compareGroupSchema),
  truncated: z
    .boolean()
    .describe("More than 2,000 changes: the groups list the first 2,000, the totals count all"),
});

const suppressedCells = z.number().int().describe("Cells withheld because they cover fewer than 5 tenants");

export const dwellRowSchema = z.object({
  key: z.string().nullable().describe("The L2, the L2/L3 pair or the service of the row"),
  l2: z.string().nullable(),
  l2Name: z.string().nullable(),
  l3: z.string().nullable(),
  l3Name: z.string().nullable(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  blockedSeats: z.number().int().describe("Seats Blocked at the end of the window"),
  daysBlockedMedian: z.number().nullable().describe("Their days Blocked by then, seat-weighted median"),
  daysBlockedP90: z.number().nullable(),
  unblockedSeats: z.number().int().describe("Seats that left Blocked within the window"),
  daysToUnblockMedian: z.number().nullable().describe("Days those seats had been Blocked, median"),
  daysToUnblockP90: z.number().nullable(),
  startedSeats: z.number().int().describe("Seats that became Blocked within the window"),
  stillBlockedAfter30: z
    .number()
    .nullable()
    .describe("Share of those still Blocked after 30 days (Kaplan-Meier)"),
  stillBlockedAfter90: z.number().nullable(),
  stillBlockedAfter180: z.number().nullable(),
  tenants: z.number().int(),
});

export const survivalPointSchema = z.object({ days: z.number().int(), share: z.number().nullable() });

export const dwellSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(["l2", "l3", "service"]),
  items: z.array(dwellRowSchema),
  curve: z
    .array(survivalPointSchema)
    .describe("Survival of every seat Blocked within the window (empty if withheld)"),
  suppressedCells,
});

export const flowRowSchema = z.object({
  fromL1: z.string().nullable().describe("Null: no status at the start"),
  fromL1Name: z.string(),
  toL1: z.string().nullable().describe("Null: no status at the end (seats gone)"),
  toL1Name: z.string(),
  seats: z.number().int(),
  tenants: z.number().int(),
});

export const flowSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(flowRowSchema),
  suppressedCells,
});

export const l2WeekSchema = z.object({
  weekStart: z.string(),
  l2: z.string().nullable(),
  l2Name: z.string(),
  seats: z.number().int(),
  tenants: z.number().int(),
});

export const blockedByL2OverTimeSchema = z.object({ items: z.array(l2WeekSchema), suppressedCells });

export type CompareQuery = z.infer<typeof compareQuerySchema>;
export type StatusChangeRow = z.infer<typeof statusChangeSchema>;
export type CompareGroup = z.infer<typeof compareGroupSchema>;
export type CompareAnswer = z.infer<typeof compareSchema>;
export type DwellRow = z.infer<typeof dwellRowSchema>;
export type DwellAnswer = z.infer<typeof dwellSchema>;
export type FlowRow = z.infer<typeof flowRowSchema>;
export type FlowAnswer = z.infer<typeof flowSchema>;
export type L2Week = z.infer<typeof l2WeekSchema>;
export type BlockedByL2OverTime = z.infer<typeof blockedByL2OverTimeSchema>;
