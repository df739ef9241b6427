import type { AppDeps } from "../../app/app-deps.ts";
import { bulkSetStatus } from "../../app/entitlements/bulk-set-status.ts";
import { problemResponses } from "../schemas/common.ts";
import { bulkAnswerSchema, bulkBodySchema } from "../schemas/entitlements.ts";
import type { Api } from "./api.ts";

export function bulkRoutes(api: Api, deps: AppDeps): void {
  api.post(
    "/bulk/status",
    {
      schema: {
        tags: ["status"],
        summary: "Apply many status changes; each item lands or is refused on its own",
        body: bulkBodySchema,
        response: { 200: bulkAnswerSchema, ...problemResponses },
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
