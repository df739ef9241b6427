import type { AppDeps } from "../../app/app-deps.ts";
import { getMyWork } from "../../app/my-work/get-my-work.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import { myWorkQuerySchema, myWorkSchema } from "../schemas/my-work.ts";
import type { Api } from "./api.ts";

export function myWorkRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/my-work",
    {
      schema: {
        tags: ["portfolio"],
        summary: "What the signed-in person owns or is assigned to, grouped by what is due",
        description:
          "Entitlements (not ended) of the customers and tenants the person is assigned to, and those with a segment they own, within what they may read: overdue next actions, due this week (today to Sunday, UTC), Blocked with the target date passed, and the rest. Counts are complete; each group lists at most `limit` items.",
        querystring: myWorkQuerySchema,
        response: { 200: myWorkSchema, ...authedProblemResponses },
      },
    },
    async (request) => getMyWork(deps, await request.actor(), request.query),
  );
}
