import type { FastifyRequest } from "fastify";
import { z } from "zod";
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
import { authedProblemResponses as problemResponses } from "../auth/auth-schemas.ts";
import type { Api } from "./api.ts";

const reportQuery = z
  .object({
    serviceId: z.string().max(100).optional(),
    customerId: z.uuid().optional(),
    today: z.string().max(20).optional().describe("As-of date, YYYY-MM-DD (default today)"),
  })
  .strict();
const counts = { seats: z.number(), tenants: z.number(), segments: z.number() };
/** Cells withheld because they cover fewer than 5 tenants (aggregate-only readers: Engineering). */
const suppressedCells = z.number().int().optional();
const items = <T extends z.ZodRawShape>(shape: T) => ({
  200: z.object({ items: z.array(z.object({ ...shape, ...counts })), suppressedCells }),
  ...problemResponses,
});

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
    const { rows, suppressed } = withoutSmallCells(actor.role, await run(aggregateScopeOf(actor)));
    return { items: rows, suppressedCells: suppressed };
  };

  api.get(
    "/reports/blocked-by-l2-service",
    {
      schema: {
        tags: ["reports"],
        summary: "Blocked seats by L2 reason and service",
        querystring: reportQuery,
        response: items({
          l2: z.string().nullable(),
          l2Name: z.string(),
          serviceId: z.string(),
          serviceName: z.string(),
        }),
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
        querystring: reportQuery,
        response: items({
          l2: z.string().nullable(),
          l2Name: z.string(),
          l3: z.string().nullable(),
          l3Name: z.string(),
          share: z.number(),
        }),
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
        querystring: reportQuery,
        response: items({ bucket: z.string(), minDays: z.number(), maxDays: z.number().nullable() }),
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
        querystring: reportQuery,
        response: items({ week: z.string(), weekStart: z.string(), past: z.boolean() }),
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
        querystring: reportQuery.extend({ weeks: z.coerce.number().int().min(1).max(156).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ weekStart: z.string(), seats: z.number(), tenants: z.number() })),
            suppressedCells,
          }),
          ...problemResponses,
        },
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
        querystring: reportQuery.extend({
          limit: z.coerce.number().int().min(1).max(1000).optional().describe("Page size (default 50)"),
          cursor: z.string().max(2000).optional().describe("The nextCursor of the previous page"),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                entitlementId: z.string(),
                position: z.number(),
                customerId: z.string(),
                customerName: z.string(),
                tenantId: z.string(),
                tenantName: z.string(),
                serviceId: z.string(),
                serviceName: z.string(),
                l1: z.string(),
                l2: z.string().nullable(),
                owner: z.string().nullable(),
                nextAction: z.string().nullable(),
                nextActionDate: z.string(),
                daysOverdue: z.number(),
                seats: z.number(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const actor = await request.actor();
      requireAllowed(deps, actor, { type: "reports.read", rows: true });
      return getOverdueNextActions(deps, { ...request.query, visibleTo: rowScopeOf(actor) });
    },
  );
}
