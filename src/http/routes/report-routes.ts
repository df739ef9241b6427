import type { AppDeps } from "../../app/app-deps.ts";
import { getBlockedAging } from "../../app/reports/blocked-aging.ts";
import { getBlockedByL2Service } from "../../app/reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../../app/reports/blocked-by-l3.ts";
import { getBlockedOverTime } from "../../app/reports/blocked-over-time.ts";
import { getOverdueNextActions } from "../../app/reports/overdue-next-actions.ts";
import { getProjectedUnblocks } from "../../app/reports/projected-unblocks.ts";
import { getRecentChanges } from "../../app/reports/recent-changes.ts";
import { authedProblemResponses as problemResponses } from "../schemas/common.ts";
import {
  agingSchema,
  blockedByL2ServiceSchema,
  blockedByL3Schema,
  blockedOverTimeQuerySchema,
  blockedOverTimeSchema,
  overdueActionPageSchema,
  overdueQuerySchema,
  projectedUnblocksSchema,
  recentChangesQuerySchema,
  recentChangesSchema,
  reportQuerySchema,
} from "../schemas/reports.ts";
import type { Api } from "./api.ts";

export function reportRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/reports/blocked-by-l2-service",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats by L2 reason and service",
        querystring: reportQuerySchema,
        response: { 200: blockedByL2ServiceSchema, ...problemResponses },
      },
    },
    async (request) => getBlockedByL2Service(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/blocked-by-l3",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats by L3 sub-reason, with each one's share of all Blocked seats",
        querystring: reportQuerySchema,
        response: { 200: blockedByL3Schema, ...problemResponses },
      },
    },
    async (request) => getBlockedByL3(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/aging",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats by days blocked (0-30, 31-60, 61-90, 91-180, 180+)",
        querystring: reportQuerySchema,
        response: { 200: agingSchema, ...problemResponses },
      },
    },
    async (request) => getBlockedAging(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/projected-unblocks",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats by the ISO week of their projected unblock date",
        querystring: reportQuerySchema,
        response: { 200: projectedUnblocksSchema, ...problemResponses },
      },
    },
    async (request) => getProjectedUnblocks(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/blocked-over-time",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats at the end of each week, rebuilt from the status history",
        querystring: blockedOverTimeQuerySchema,
        response: { 200: blockedOverTimeSchema, ...problemResponses },
      },
    },
    async (request) => getBlockedOverTime(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/recent-changes",
    {
      schema: {
        tags: ["reports"],
        summary: "The newest status changes: who changed what, when (not for aggregate-only readers)",
        querystring: recentChangesQuerySchema,
        response: { 200: recentChangesSchema, ...problemResponses },
      },
    },
    async (request) => getRecentChanges(deps, await request.actor(), request.query),
  );

  api.get(
    "/reports/overdue-next-actions",
    {
      schema: {
        tags: ["reports"],
        summary: "Status segments whose next action date has passed, oldest first, a page at a time",
        querystring: overdueQuerySchema,
        response: { 200: overdueActionPageSchema, ...problemResponses },
      },
    },
    async (request) => getOverdueNextActions(deps, await request.actor(), request.query),
  );
}
