import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { bulkSetStatus } from "../../app/entitlements/bulk-set-status.ts";
import {
  problemResponses,
  proposedSegmentSchema,
  stageSchema,
  violationSchema,
} from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const bulkBodySchema = z
  .object({
    items: z
      .array(
        z
          .object({
            entitlementId: z.uuid("must be a UUID"),
            version: z.number().int().min(1),
            stage: stageSchema.optional(),
            segments: z.array(proposedSegmentSchema).min(1).max(50),
          })
          .strict(),
      )
      .min(1, "needs at least one item")
      .max(500, "at most 500 items per request"),
  })
  .strict();

const bulkResultSchema = z.object({
  entitlementId: z.string(),
  ok: z.boolean(),
  version: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(violationSchema).optional(),
});

export function bulkRoutes(api: Api, deps: AppDeps): void {
  api.post(
    "/bulk/status",
    {
      schema: {
        tags: ["status"],
        summary: "Apply many status changes; each item lands or is refused on its own",
        body: bulkBodySchema,
        response: {
          200: z.object({ results: z.array(bulkResultSchema), changed: z.number(), refused: z.number() }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      bulkSetStatus(deps, {
        items: request.body.items,
        actor: await request.actor(),
        source: "web",
        requestId: request.id,
      }),
  );
}
