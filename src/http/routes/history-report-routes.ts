import type { AppDeps } from "../../app/app-deps.ts";
import { getBlockedOverTimeByL2 } from "../../app/reports/blocked-by-l2-over-time.ts";
import { comparePortfolio } from "../../app/reports/compare-portfolio.ts";
import { getDwellTimes } from "../../app/reports/dwell-times.ts";
import { getL1Flow } from "../../app/reports/l1-flow.ts";
import { authedProblemResponses as problemResponses } from "../schemas/common.ts";
import {
  blockedByL2OverTimeSchema,
  compareQuerySchema,
  compareSchema,
  dwellQuerySchema,
  dwellSchema,
  flowSchema,
  windowQuerySchema,
} from "../schemas/history-reports.ts";
import { taxonomyQuery } from "../schemas/playbook-versions.ts";
import { blockedOverTimeQuerySchema } from "../schemas/reports.ts";
import type { Api } from "./api.ts";

/** Reports over the status history (docs/HISTORY.md). */
export function historyReportRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/compare",
    {
      schema: {
        tags: ["reports"],
        summary:
          "What changed between the end of two days (UTC): newly Blocked, unblocked, moved between L2s, target dates moved, by owner and service",
        querystring: compareQuerySchema,
        response: { 200: compareSchema, ...problemResponses },
      },
    },
    async (request) => comparePortfolio(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/dwell-times",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Days Blocked, time to unblock and the share still Blocked after 30/90/180 days, per L2, L3 or service",
        querystring: dwellQuerySchema,
        response: { 200: dwellSchema, ...problemResponses },
      },
    },
    async (request) => getDwellTimes(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/l1-flow",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Seats moved from each L1 to each L1 over a window of days (an L1 x L1 table, weighted by seats)",
        querystring: windowQuerySchema,
        response: { 200: flowSchema, ...problemResponses },
      },
    },
    async (request) => getL1Flow(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/blocked-over-time-by-l2",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats at the end of each week per L2, rebuilt from the status history",
        querystring: blockedOverTimeQuerySchema.extend(taxonomyQuery),
        response: { 200: blockedByL2OverTimeSchema, ...problemResponses },
      },
    },
    async (request) => getBlockedOverTimeByL2(deps, await request.actor(), request.query),
  );
}
