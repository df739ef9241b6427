import { z } from "zod";
import { problemResponses, problemSchema } from "../schemas/status-schemas.ts";

/** Error responses of routes behind sign-in: the usual ones plus 401 and 403. */
export const authedProblemResponses = { ...problemResponses, 401: problemSchema, 403: problemSchema };

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() });

export const userViewSchema = userSchema.extend({
  version: z.number().int(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
});

/** What the web app needs after sign-in and on every load: who, what they may do, the CSRF token. */
export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  /** Send as x-csrf-token on writes; null when signed in with an API token (no CSRF risk). */
  csrfToken: z.string().nullable(),
});

export const tokenViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

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
  customer: z.object({ id: z.string(), name: z.string(), externalId: z.string() }).nullable(),
  tenant: z
    .object({ id: z.string(), name: z.string(), domain: z.string(), customerId: z.string() })
    .nullable(),
  primary: z.boolean(),
  createdAt: z.string(),
});
