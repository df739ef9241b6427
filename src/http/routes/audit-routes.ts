import { once } from "node:events";
import { PassThrough } from "node:stream";
import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { exportAudit, readAudit } from "../../app/audit/read-audit.ts";
import { requireAllowed } from "../../app/auth/authorize-actor.ts";
import { authedProblemResponses } from "../auth/auth-schemas.ts";
import type { Api } from "./api.ts";

const auditFilterSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  action: z.string().optional(),
  actor: z.string().optional(),
  targetId: z.string().optional(),
});

const auditEntrySchema = z.object({
  key: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string(),
  actorRole: z.string(),
  source: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export function auditRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/audit",
    {
      schema: {
        tags: ["users"],
        summary:
          "The audit trail, oldest first: every write with who, when, before, after and request id (Admin)",
        querystring: auditFilterSchema.extend({
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          cursor: z.string().optional(),
        }),
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
          ...authedProblemResponses,
        },
      },
    },
    async (request) => {
      const { actor, ...filter } = request.query;
      return readAudit(deps, await request.actor(), { ...filter, actorEmail: actor });
    },
  );

  api.get(
    "/audit/export",
    {
      schema: {
        tags: ["users"],
        summary: "Download the audit trail as CSV or JSON (Admin)",
        querystring: auditFilterSchema.extend({ format: z.enum(["csv", "json"]).default("csv") }),
        response: { 200: z.string(), ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor: actorEmail, format, ...filter } = request.query;
      const actor = await request.actor();
      // Refuse before the download starts: once streaming, the status is already 200.
      requireAllowed(deps, actor, { type: "audit.export" });
      const stream = new PassThrough();
      exportAudit(deps, actor, { ...filter, actorEmail }, format, async (chunk) => {
        if (!stream.write(chunk)) await once(stream, "drain");
      }).then(
        () => stream.end(),
        (error: unknown) => {
          request.log.error({ err: error }, "audit export failed");
          stream.destroy(error instanceof Error ? error : new Error("audit export failed"));
        },
      );
      const type = format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
      return reply
        .type(type)
        .header("content-disposition", `attachment; filename="unblock-audit.${format}"`)
        .header("cache-control", "no-store")
        .send(stream as never);
    },
  );
}
