import { z } from "zod";
import { workItemStates } from "../../domain/work-items/work-item-fields.ts";
import { isoDate } from "./common.ts";
import { type EntitlementView, entitlementViewSchema } from "./entitlements.ts";

/** Product work items, the seats they would unblock, shipping them, and re-check items (docs/ROADMAP.md). */

export const workItemStateSchema = z.enum(workItemStates);

const seatCount = z
  .object({
    seats: z.number().int(),
    tenants: z.number().int(),
  })
  .nullable()
  .describe("Null when withheld: fewer than 5 tenants, for aggregate-only readers (Engineering)");

export const workItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  externalUrl: z.string().nullable(),
  state: workItemStateSchema,
  l2: z.string(),
  l2Name: z.string(),
  l3: z.string().nullable(),
  l3Name: z.string().nullable(),
  /** Empty: entitlements of every service are linked. */
  serviceIds: z.array(z.string()),
  expectedDate: isoDate.nullable(),
  shippedDate: isoDate.nullable(),
  shippedAt: z.date().nullable(),
  version: z.number().int().describe("Send it back with an edit: a stale one is 409 with the current item"),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** "Shipping this unblocks N seats at M tenants": seats Blocked now with its L2/L3 (and services), within what the reader may total. */
  blocked: seatCount,
  suppressed: z.boolean().describe("Whether `blocked` was withheld (a cell of fewer than 5 tenants)"),
});

export const workItemListSchema = z.object({
  items: z.array(workItemSchema),
  /** Work items whose seat counts were withheld from an aggregate-only reader. */
  suppressedCells: z.number().int(),
});

export const workItemListQuerySchema = z
  .object({
    state: z.string().max(40).optional().describe("proposed, planned, in_development or shipped"),
    l2: z.string().max(200).optional().describe("An L2 of Blocked by id or name"),
    externalUrl: z.string().max(2000).optional().describe("Find the item a tracker links to (exact URL)"),
  })
  .strict();

const fieldsShape = {
  title: z.string().max(1000).describe("At most 200 characters"),
  externalUrl: z.string().max(4000).nullable().optional().describe("http or https address in the tracker"),
  state: z
    .string()
    .max(40)
    .optional()
    .describe("proposed (default), planned or in_development; ship to ship"),
  l2: z.string().max(200).describe("An L2 of Blocked, by id, name or alias"),
  l3: z.string().max(300).nullable().optional().describe("An L3 of that L2, by id or name"),
  serviceIds: z.array(z.string().max(100)).max(100).optional().describe("Services by id, name or code"),
  expectedDate: z.string().max(20).nullable().optional().describe("YYYY-MM-DD"),
};

export const createWorkItemBodySchema = z.object(fieldsShape).strict();

export const updateWorkItemBodySchema = z
  .object({
    version: z.number().int().min(1).describe("The version the edit was made on"),
    title: fieldsShape.title.optional(),
    externalUrl: fieldsShape.externalUrl,
    state: fieldsShape.state,
    l2: fieldsShape.l2.optional(),
    l3: fieldsShape.l3,
    serviceIds: fieldsShape.serviceIds,
    expectedDate: fieldsShape.expectedDate,
  })
  .strict();

export const shipWorkItemBodySchema = z
  .object({
    shippedDate: z.string().max(20).optional().describe("YYYY-MM-DD; default today (UTC)"),
    version: z.number().int().min(1).optional().describe("When given, a stale version is 409"),
  })
  .strict()
  .optional();

export const shipResultSchema = z.object({
  workItem: workItemSchema,
  /** False: it was shipped already, and nothing was done again. */
  shipped: z.boolean(),
  /** Blocked entitlements linked to it when it shipped. */
  entitlements: z.number().int(),
  /** Re-check items made (one per entitlement and owner person). */
  rechecks: z.number().int(),
  /** People told (inbox and mail, kind fix_shipped). */
  people: z.number().int(),
  /** Linked entitlements whose owners resolve to nobody (text owners, a team nobody holds): no one was told. */
  unowned: z.number().int(),
});

export const shippedReportRowSchema = z.object({
  workItemId: z.uuid(),
  title: z.string(),
  l2: z.string(),
  l2Name: z.string(),
  l3: z.string().nullable(),
  l3Name: z.string().nullable(),
  serviceIds: z.array(z.string()),
  shippedDate: isoDate,
  /** The 90th day after the ship: seats that left Blocked until then count. */
  windowEnds: isoDate,
  /** Whether the 90 days are over (else the counts run to today). */
  complete: z.boolean(),
  unblocked: seatCount,
  suppressed: z.boolean(),
});

export const shippedReportSchema = z.object({
  items: z.array(shippedReportRowSchema),
  suppressedCells: z.number().int(),
});

export const recheckItemSchema = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  /** Seats Blocked with the work item's L2/L3 when it shipped. */
  seats: z.number().int(),
  reason: z.string(),
  workItem: z.object({
    id: z.uuid(),
    title: z.string(),
    externalUrl: z.string().nullable(),
    shippedDate: isoDate.nullable(),
  }),
  entitlement: entitlementViewSchema,
});

export const recheckListSchema = z.object({
  label: z.string(),
  /** Every open re-check item, however many `items` holds. */
  count: z.number().int(),
  items: z.array(recheckItemSchema),
});

export const recheckListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).optional().describe("Most items (default 100)") })
  .strict();

export type WorkItem = z.infer<typeof workItemSchema>;
export type WorkItemList = z.infer<typeof workItemListSchema>;
export type WorkItemListQuery = z.infer<typeof workItemListQuerySchema>;
export type CreateWorkItemBody = z.infer<typeof createWorkItemBodySchema>;
export type UpdateWorkItemBody = z.infer<typeof updateWorkItemBodySchema>;
export type ShipWorkItemBody = NonNullable<z.infer<typeof shipWorkItemBodySchema>>;
export type ShipResult = z.infer<typeof shipResultSchema>;
export type ShippedReportRow = z.infer<typeof shippedReportRowSchema>;
export type ShippedReport = z.infer<typeof shippedReportSchema>;
export type RecheckItem = Omit<z.infer<typeof recheckItemSchema>, "entitlement"> & {
  entitlement: EntitlementView;
};
export type RecheckList = Omit<z.infer<typeof recheckListSchema>, "items"> & { items: RecheckItem[] };
