import { z } from "zod";

/** The signed-in user's in-app inbox (docs/NOTIFICATIONS.md). */

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe("What it is about: no_intent_handover, ..."),
  text: z.string(),
  entitlementId: z.string().nullable(),
  /** The entitlement's tenant, for the link to its editor (/tenants/:tenantId?edit=:entitlementId). */
  tenantId: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int().describe("Unread notifications in all, not only on this page"),
});

export const markReadBodySchema = z
  .object({
    ids: z.array(z.uuid("must be a UUID")).max(500).optional().describe("These; all of yours when absent"),
  })
  .strict();

export const unreadCountSchema = z.object({ unread: z.number().int() });

export type Notification = z.infer<typeof notificationSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type MarkReadBody = z.infer<typeof markReadBodySchema>;
