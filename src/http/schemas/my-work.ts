import { z } from "zod";
import { myWorkGroups } from "../../domain/my-work/my-work-groups.ts";
import { isoDate } from "./common.ts";
import { type EntitlementView, entitlementViewSchema } from "./entitlements.ts";

/** My work: what the signed-in person owns or is assigned to, grouped by what needs doing first. */

export const myWorkGroupSchema = z.enum(myWorkGroups);

export const myWorkQuerySchema = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .optional()
      .describe("Most items per group (default 100); the counts are always complete"),
  })
  .strict();

export const myWorkItemSchema = z.object({
  group: myWorkGroupSchema,
  /** The date that put the item in its group (for the rest: its earliest next action date). */
  date: isoDate.nullable(),
  reason: z.string().describe("Why the item is in its group, in words"),
  /** Why the item is the person's: assigned to its tenant (or customer), owner of a segment, or both. */
  assigned: z.boolean(),
  owner: z.boolean(),
  entitlement: entitlementViewSchema,
});

export const myWorkGroupViewSchema = z.object({
  id: myWorkGroupSchema,
  label: z.string(),
  /** Every item of the group, however many `items` holds. */
  count: z.number().int(),
  items: z.array(myWorkItemSchema),
});

export const myWorkSchema = z.object({
  today: isoDate.describe("The day the groups are judged on"),
  weekEnds: isoDate.describe("The Sunday ending today's ISO week: due this week is today..weekEnds"),
  timeZone: z
    .string()
    .describe("The calendar of today: the person's time zone (GET /api/me/preferences), UTC until chosen"),
  /** The person's assignments (customers and tenants): the web app opens My work first when any. */
  assignments: z.number().int(),
  counts: z.object({
    overdue: z.number().int(),
    due_this_week: z.number().int(),
    blocked_past_target: z.number().int(),
    rest: z.number().int(),
    total: z.number().int(),
  }),
  groups: z.array(myWorkGroupViewSchema),
});

export type MyWorkQuery = z.infer<typeof myWorkQuerySchema>;
// Segments typed as the entitlement list types them (split reasons as their union).
export type MyWorkItem = Omit<z.infer<typeof myWorkItemSchema>, "entitlement"> & {
  entitlement: EntitlementView;
};
export type MyWorkGroupView = Omit<z.infer<typeof myWorkGroupViewSchema>, "items"> & { items: MyWorkItem[] };
export type MyWork = Omit<z.infer<typeof myWorkSchema>, "groups"> & { groups: MyWorkGroupView[] };
