import { PassThrough } from "node:stream";
import type { AppDeps } from "../../app/app-deps.ts";
import { type ExportFormat, prepareEntitlementExport } from "../../app/entitlements/export-entitlements.ts";
import { problemResponses } from "../schemas/common.ts";
import { exportQuerySchema } from "../schemas/entitlements.ts";
import type { Api } from "./api.ts";

export function exportRoutes(api: Api, deps: AppDeps): void {
  for (const format of ["csv", "json"] as const satisfies ExportFormat[]) {
    api.get(
      `/export.${format}`,
      {
        schema: {
          tags: ["portfolio"],
          summary: `Export the entitlements matching the list filters as ${format.toUpperCase()} (streamed)`,
          description:
            format === "csv"
              ? "One row per status segment, in the import format: edit and import it again (docs/CSV.md)."
              : "An array of entitlement views, as the list endpoint returns them.",
          querystring: exportQuerySchema,
          response: problemResponses,
        },
      },
      async (request, reply) => {
        // Checked before the first byte goes out: once streaming, an error can no longer be a 4xx.
        const writeExport = prepareEntitlementExport(deps, await request.actor(), request.query, format);
        const stream = new PassThrough();
        const stamp = new Date(deps.now()).toISOString().slice(0, 10);
        reply
          .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
          .header("content-disposition", `attachment; filename="unblock-entitlements-${stamp}.${format}"`);
        writeExport(async (chunk) => {
          if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
        })
          .then(() => stream.end())
          .catch((error: unknown) => {
            request.log.error({ err: error }, "export failed mid-stream");
            stream.destroy(error instanceof Error ? error : new Error(String(error)));
          });
        // A stream bypasses the response serializer; the declared schemas describe only the errors.
        return reply.send(stream as never);
      },
    );
  }
}
