import { z } from "zod";

/** What the instance says about itself. */

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  playbook: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
});

export type Health = z.infer<typeof healthSchema>;

/** GET /api/health/ready: this instance takes traffic (else 503 problem+json saying why). */
export const readySchema = z.object({ status: z.literal("ready") });
