import { PassThrough } from "node:stream";
import type { AppDeps } from "../../app/app-deps.ts";
import {
  type ExportFormat,
  exportFormats,
  prepareEntitlementExport,
} from "../../app/entitlements/export-entitlements.ts";
import { problemResponses } from "../schemas/common.ts";
import { exportQuerySchema } from "../schemas/entitlements.ts";
import type { Api } from "./api.ts";

const descriptions: Record<ExportFormat, string> = {
  csv: "One row per status segment, in the import format: edit and import it again (docs/CSV.md).",
  json: "An array of entitlement views, as the list endpoint returns them, one view a line.",
  jsonl: "JSON Lines: one entitlement view a line, as the list endpoint returns them.",
};

const mediaTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

class ClientGone extends Error {}

/**
 * Bytes the response may hold before the export waits for the client. COPY's
 * chunks are 10-60 KB: with the default 16 KB, nearly every chunk waited for
 * a drain, and the export ran at the pace of those round trips rather than the
 * database's. 1 MiB keeps memory flat while the database and client overlap.
 */
const responseBuffer = 1 << 20;

/**
 * Writes a chunk and waits while the client is slower than the export. A
 * response the client closed never drains: the export is abandoned there,
 * which frees its database connection, rather than waiting forever.
 */
async function writeOrAbandon(stream: PassThrough, chunk: string | Buffer): Promise<void> {
  if (stream.destroyed) throw new ClientGone("the client went away");
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
  if (stream.destroyed) throw new ClientGone("the client went away");
}

export function exportRoutes(api: Api, deps: AppDeps): void {
  for (const format of exportFormats) {
    api.get(
      `/export.${format}`,
      {
        schema: {
          tags: ["portfolio"],
          summary: `Export the entitlements matching the list filters as ${format === "jsonl" ? "JSON Lines" : format.toUpperCase()} (streamed)`,
          description: descriptions[format],
          querystring: exportQuerySchema,
          response: problemResponses,
        },
      },
      async (request, reply) => {
        // Checked before the first byte goes out: once streaming, an error can no longer be a 4xx.
        const writeExport = prepareEntitlementExport(
          deps,
          await request.actor(),
          request.query,
          format,
          "bytes",
        );
        const stream = new PassThrough({ highWaterMark: responseBuffer });
        const stamp = new Date(deps.now()).toISOString().slice(0, 10);
        reply
          .type(mediaTypes[format])
          .header("content-disposition", `attachment; filename="unblock-entitlements-${stamp}.${format}"`);
        writeExport((chunk) => writeOrAbandon(stream, chunk))
          .then(() => stream.end())
          .catch((error: unknown) => {
            if (error instanceof ClientGone) request.log.info("export abandoned: the client went away");
            else request.log.error({ err: error }, "export failed mid-stream");
            stream.destroy(error instanceof Error ? error : new Error(String(error)));
          });
        // A stream bypasses the response serializer; the declared schemas describe only the errors.
        return reply.send(stream as never);
      },
    );
  }
}
