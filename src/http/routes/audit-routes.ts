import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { AppDeps } from "../../app/app-deps.ts";
import { prepareAuditExport, readAudit } from "../../app/audit/read-audit.ts";
import {
  auditExportQuerySchema,
  auditExportSchema,
  auditPageSchema,
  auditQuerySchema,
} from "../schemas/audit.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import type { Api } from "./api.ts";

export function auditRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/audit",
    {
      schema: {
        tags: ["users"],
        summary:
          "The audit trail, oldest first: every write with who, when, before, after and request id (Admin)",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...authedProblemResponses },
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
        querystring: auditExportQuerySchema,
        response: { 200: auditExportSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor: actorEmail, format, ...filter } = request.query;
      // Refused before the download starts: once streaming, the status is already 200.
      const writeAudit = prepareAuditExport(deps, await request.actor(), { ...filter, actorEmail }, format);
      const stream = new PassThrough();
      writeAudit(async (chunk) => {
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
