import { z } from "zod";

/** Users, their API tokens and their assignments to customers and tenants. */

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() });

export const userViewSchema = userSchema.extend({
  /** Checked on every edit: a stale version is refused with the current user. */
  version: z.number().int(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  /** ISO time until which sign-in is locked after failed attempts, or null. */
  lockedUntil: z.string().nullable(),
});

export const userListSchema = z.object({ items: z.array(userViewSchema) });

export const newUserSchema = z
  .object({
    email: z.string().min(3).max(320),
    name: z.string().min(1).max(200),
    role: z.string().min(1).max(100),
    password: z.string().max(1024).optional(),
  })
  .strict();

export const userChangesSchema = z
  .object({
    /** The version you read; may come as If-Match instead. */
    version: z.number().int().min(1).optional(),
    name: z.string().min(1).max(200).optional(),
    role: z.string().min(1).max(100).optional(),
    password: z.string().max(1024).optional(),
    disabled: z.boolean().optional(),
    unlock: z.boolean().optional(),
  })
  .strict();

export const tokenViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** The token's first characters ("ubk_AbC1..."), enough to recognise it. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenListSchema = z.object({ items: z.array(tokenViewSchema) });

export const newTokenBodySchema = z
  .object({
    name: z.string().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const createdTokenSchema = tokenViewSchema.extend({
  /** The token itself: shown this once, never stored. */
  token: z.string(),
});

export const assignmentViewSchema = z.object({
  id: z.string(),
  user: userSchema,
  /** Exactly one of customer and tenant is set. */
  customer: z.object({ id: z.string(), name: z.string(), externalId: z.string() }).nullable(),
  tenant: z
    .object({ id: z.string(), name: z.string(), domain: z.string(), customerId: z.string() })
    .nullable(),
  primary: z.boolean(),
  createdAt: z.string(),
});

export const assignmentListSchema = z.object({ items: z.array(assignmentViewSchema) });

export const assignmentQuerySchema = z.object({
  userId: z.string().optional(),
  tenantId: z.string().optional(),
  customerId: z.string().optional(),
});

export const assignBodySchema = z
  .object({
    userId: z.uuid("must be a UUID"),
    tenantId: z.uuid("must be a UUID").optional(),
    customerId: z.uuid("must be a UUID").optional(),
    primary: z.boolean().optional(),
  })
  .strict();

export type User = z.infer<typeof userSchema>;
/** A user as the API and CLI show it: never the password hash, only whether one is set. */
export type UserView = z.infer<typeof userViewSchema>;
export type TokenView = z.infer<typeof tokenViewSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

/** Move a person's customers and tenants (all, or those named) to another person of the same role. */
export const reassignBodySchema = z
  .object({
    to: z.string().min(1).max(320).describe("The person taking over: user id or email"),
    customerIds: z
      .array(z.string().min(1).max(200))
      .max(1000)
      .optional()
      .describe("Only these customers (id or external id); with tenantIds, both selections move"),
    tenantIds: z
      .array(z.string().min(1).max(253))
      .max(1000)
      .optional()
      .describe("Only these tenants (id or domain)"),
    dryRun: z.boolean().optional().describe("Preview what would move, writing nothing"),
  })
  .strict();

export const reassignPlanSchema = z.object({
  from: userSchema,
  to: userSchema,
  /** False for a preview (dry run). */
  applied: z.boolean(),
  assignments: z.array(
    z.object({
      id: z.string(),
      customer: z.object({ id: z.string(), name: z.string() }).nullable(),
      tenant: z.object({ id: z.string(), name: z.string() }).nullable(),
      primary: z.boolean(),
      /** The new person already had this assignment: the old one is removed instead of moved. */
      merged: z.boolean(),
    }),
  ),
  segments: z.array(
    z.object({
      entitlementId: z.string(),
      position: z.number().int(),
      customerName: z.string(),
      tenantName: z.string(),
      serviceId: z.string(),
      l1: z.string(),
    }),
  ),
});

export type ReassignBody = z.infer<typeof reassignBodySchema>;
export type ReassignPlan = z.infer<typeof reassignPlanSchema>;
