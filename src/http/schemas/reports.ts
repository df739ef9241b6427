import { z } from "zod";

/** The report routes: their filters and rows. Totals reports answer `{ items, suppressedCells }`. */

export const reportQuerySchema = z
  .object({
    serviceId: z.string().max(100).optional(),
    customerId: z.uuid().optional(),
    today: z
      .string()
      .max(20)
      .optional()
      .describe(
        "The day ages and overdue dates are counted to, YYYY-MM-DD (default the as-of day, else today)",
      ),
    asOf: z
      .string()
      .max(20)
      .optional()
      .describe(
        "YYYY-MM-DD: the report as the portfolio stood at the end of that day (UTC), rebuilt from the status history",
      ),
    mine: z
      .enum(["true", "false", "1", "0"])
      .transform((value) => value === "true" || value === "1")
      .optional()
      .describe(
        "My portfolio: only tenants the reader is assigned to or owns a status segment in (within what they may read)",
      ),
  })
  .strict();

export const blockedOverTimeQuerySchema = reportQuerySchema.extend({
  weeks: z.coerce.number().int().min(1).max(156).optional(),
});

/** The dashboard's feed: the newest status changes (not as of a day: the feed is what happened last). */
export const recentChangesQuerySchema = reportQuerySchema.omit({ today: true, asOf: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).optional().describe("How many changes (default 20)"),
});

/** One side of a change: each segment's L1, L2, L3 and seats, in segment order. */
const changedSegmentSchema = z.object({
  l1: z.string(),
  l2: z.string().nullable(),
  l3: z.string().nullable(),
  seats: z.number().int(),
});

export const recentChangeSchema = z.object({
  /** The status history entry. */
  id: z.number().int(),
  /** ISO timestamp. */
  at: z.string(),
  entitlementId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  actor: z.object({ name: z.string().nullable(), role: z.string() }),
  /** Where the change came from: web, api, cli, import, sync. */
  source: z.string(),
  stageBefore: z.string(),
  stageAfter: z.string(),
  before: z.array(changedSegmentSchema),
  after: z.array(changedSegmentSchema),
});

export const recentChangesSchema = z.object({ items: z.array(recentChangeSchema) });

export const overdueQuerySchema = reportQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).optional().describe("Page size (default 50)"),
  cursor: z.string().max(2000).optional().describe("The nextCursor of the previous page"),
});

const counts = { seats: z.number(), tenants: z.number(), segments: z.number() };
/** Cells withheld because they cover fewer than 5 tenants (aggregate-only readers: Engineering). */
const suppressedCells = z.number().int().optional();

export const blockedByL2ServiceRowSchema = z.object({
  l2: z.string().nullable(),
  l2Name: z.string().describe('The L2\'s name in your language; "(no L2)" in it for seats without one'),
  serviceId: z.string(),
  serviceName: z.string(),
  ...counts,
});

export const blockedByL3RowSchema = z.object({
  l2: z.string().nullable(),
  l2Name: z.string().describe('The L2\'s name in your language; "(no L2)" in it for seats without one'),
  /** Null: Blocked seats whose L2 has no L3 recorded. */
  l3: z.string().nullable(),
  l3Name: z.string().describe('The L3\'s name in your language; "(no L3)" in it for seats without one'),
  /** This row's part of all Blocked seats in scope (0..1): the L3s weighted by seats. */
  share: z.number(),
  ...counts,
});

export const agingBucketSchema = z.object({
  /** "0-30", "31-60", "61-90", "91-180", "180+". */
  bucket: z.string(),
  minDays: z.number(),
  /** Null for the open-ended last bucket. */
  maxDays: z.number().nullable(),
  ...counts,
});

export const projectedUnblockWeekSchema = z.object({
  /** ISO week, e.g. "2025-W15". */
  week: z.string(),
  /** The Monday of that week (YYYY-MM-DD). */
  weekStart: z.string(),
  /** Whether the week is over: these unblocks were projected and have slipped. */
  past: z.boolean(),
  ...counts,
});

/** Blocked seats at the end of one week, rebuilt from the status history. */
export const blockedWeekSchema = z.object({ weekStart: z.string(), seats: z.number(), tenants: z.number() });

export const overdueActionSchema = z.object({
  entitlementId: z.string(),
  position: z.number(),
  customerId: z.string(),
  customerName: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  l1: z.string(),
  l2: z.string().nullable(),
  owner: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextActionDate: z.string(),
  daysOverdue: z.number(),
  seats: z.number(),
});

/** A totals report's answer: its rows and how many small cells were withheld. */
function totalsOf<Row extends z.ZodType>(row: Row) {
  return z.object({ items: z.array(row), suppressedCells });
}

export const blockedByL2ServiceSchema = totalsOf(blockedByL2ServiceRowSchema);
export const blockedByL3Schema = totalsOf(blockedByL3RowSchema);
export const agingSchema = totalsOf(agingBucketSchema);
export const projectedUnblocksSchema = totalsOf(projectedUnblockWeekSchema);
export const blockedOverTimeSchema = totalsOf(blockedWeekSchema);
export const overdueActionPageSchema = z.object({
  items: z.array(overdueActionSchema),
  nextCursor: z.string().nullable(),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type BlockedByL2ServiceRow = z.infer<typeof blockedByL2ServiceRowSchema>;
export type BlockedByL3Row = z.infer<typeof blockedByL3RowSchema>;
export type AgingBucket = z.infer<typeof agingBucketSchema>;
export type ProjectedUnblockWeek = z.infer<typeof projectedUnblockWeekSchema>;
export type BlockedWeek = z.infer<typeof blockedWeekSchema>;
export type OverdueAction = z.infer<typeof overdueActionSchema>;
export type OverdueActionPage = z.infer<typeof overdueActionPageSchema>;
export type RecentChange = z.infer<typeof recentChangeSchema>;
/** A totals report's answer: its rows and the small cells withheld (absent when none may be). */
export type TotalsAnswer<Row> = Omit<z.infer<typeof agingSchema>, "items"> & { items: Row[] };
