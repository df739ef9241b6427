import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../app/app-deps.ts";
import { aggregateScopeOf, requireAllowed, rowScopeOf } from "../../app/auth/authorize-actor.ts";
import { getBlockedAging } from "../../app/reports/blocked-aging.ts";
import { getBlockedByL2Service } from "../../app/reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../../app/reports/blocked-by-l3.ts";
import { getBlockedOverTime } from "../../app/reports/blocked-over-time.ts";
import { getOverdueNextActions } from "../../app/reports/overdue-next-actions.ts";
import { getProjectedUnblocks } from "../../app/reports/projected-unblocks.ts";
import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
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
  reportQuerySchema,
} from "../schemas/reports.ts";
import type { Api } from "./api.ts";

export function reportRoutes(api: Api, deps: AppDeps): void {
  /**
   * Runs a totals report over the tenants the actor may total: its own for
   * field roles, all of them for Engineering, whose small cells are then
   * withheld so no single customer shows through.
   */
  const totals = async <Row extends { tenants: number }>(
    request: FastifyRequest & { query: { customerId?: string | undefined } },
    run: (visibleTo: TenantScope) => Promise<Row[]>,
  ) => {
    const actor = await request.actor();
    requireAllowed(deps, actor, {
      type: "reports.read",
      rows: false,
      oneCustomer: !!request.query.customerId,
    });
    const { rows, suppressed } = withoutSmallCells(actor.role, await run(aggregateScopeOf(deps, actor)));
    return { items: rows, suppressedCells: suppressed };
  };

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
    async (request) =>
      totals(request, (visibleTo) => getBlockedByL2Service(deps, { ...request.query, visibleTo })),
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
    async (request) => totals(request, (visibleTo) => getBlockedByL3(deps, { ...request.query, visibleTo })),
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
    async (request) => totals(request, (visibleTo) => getBlockedAging(deps, { ...request.query, visibleTo })),
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
    async (request) =>
      totals(request, (visibleTo) => getProjectedUnblocks(deps, { ...request.query, visibleTo })),
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
    async (request) =>
      totals(request, (visibleTo) => getBlockedOverTime(deps, { ...request.query, visibleTo })),
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
    async (request) => {
      const actor = await request.actor();
      requireAllowed(deps, actor, { type: "reports.read", rows: true });
      return getOverdueNextActions(deps, { ...request.query, visibleTo: rowScopeOf(deps, actor) });
    },
  );
}
