import type { AppDeps } from "../../app/app-deps.ts";
import { listQualityItems } from "../../app/quality/list-quality-items.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import { qualityQuerySchema, qualitySchema } from "../schemas/quality.ts";
import type { Api } from "./api.ts";

export function qualityRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/quality",
    {
      schema: {
        tags: ["portfolio"],
        summary: "The data-quality queue: what in the recorded statuses needs attention",
        description:
          "Items of the playbook's data-quality rules (next action date passed, Blocked past its target date, Status Unknown unchanged, a thin note, Suggest reading another L2, a split to do again, usage contradicting the status, an owner resolving to nobody) over the entitlements the reader may see, computed from the current data: a fixed item is gone on the next read. Filters: owner (a user id or me: assigned to the tenant or owner of the segment), team (a playbook role), rule; paged by limit and offset. Counts by rule and by owner come with every page.",
        querystring: qualityQuerySchema,
        response: { 200: qualitySchema, ...authedProblemResponses },
      },
    },
    async (request) => listQualityItems(deps, await request.actor(), request.query),
  );
}
