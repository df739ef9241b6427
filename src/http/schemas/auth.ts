import { z } from "zod";
import { maxPasswordLength } from "../../domain/policy/password-length.ts";
import { userSchema } from "./users.ts";

/** Signing in and out, the signed-in user, and single sign-on. */

/** Longer than any password the rules accept, so an overlong one is refused with their wording. */
const passwordField = z
  .string()
  .min(1)
  .max(maxPasswordLength * 4);

export const loginBodySchema = z
  .object({ email: z.string().min(1).max(320), password: passwordField })
  .strict();

export const passwordChangeSchema = z
  .object({ currentPassword: passwordField, newPassword: passwordField })
  .strict();

/** What the web app needs after sign-in and on every load: who, what they may do, the CSRF token. */
export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  /** Send as x-csrf-token on writes; null when signed in with an API token (no CSRF risk). */
  csrfToken: z.string().nullable(),
});

export const signInOptionsSchema = z.object({
  oidc: z
    .object({
      name: z.string().describe('For the button: "Sign in with <name>"'),
      startPath: z
        .string()
        .describe("Open this address (a full page load, not fetch) to sign in; add ?next=/path"),
    })
    .nullable()
    .describe("Sign-in through an OpenID Connect provider, or null when the server has none"),
});

export const oidcStartQuerySchema = z.object({ next: z.string().max(2000).optional() });

export const oidcCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const redirectSchema = z.null().describe("A redirect (Location header)");

export type Me = z.infer<typeof meSchema>;
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
