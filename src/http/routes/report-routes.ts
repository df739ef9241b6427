import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { getBlockedAging } from "../../app/blocked-aging.ts";
import { getBlockedByL2Service } from "../../app/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../../app/blocked-by-l3.ts";
import { getBlockedOverTime } from "../../app/blocked-over-time.ts";
import { getOverdueNextActions } from "../../app/overdue-next-actions.ts";
import { getProjectedUnblocks } from "../../app/projected-unblocks.ts";
import { problemResponses } from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const reportQuery = z
  .object({
    serviceId: z.string().max(100).optional(),
    customerId: z.uuid().optional(),
    today: z.string().max(20).optional().describe("As-of date, YYYY-MM-DD (default today)"),
  })
  .strict();
const counts = { seats: z.number(), tenants: z.number(), segments: z.number() };
const items = <T extends z.ZodRawShape>(shape: T) => ({
  200: z.object({ items: z.array(z.object({ ...shape, ...counts })) }),
  ...problemResponses,
});

export function reportRoutes(api: Api, deps: AppDeps): void {
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
    async (request) => ({ items: await getBlockedByL2Service(deps, request.query) }),
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
    async (request) => ({ items: await getBlockedByL3(deps, request.query) }),
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
    async (request) => ({ items: await getBlockedAging(deps, request.query) }),
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
    async (request) => ({ items: await getProjectedUnblocks(deps, request.query) }),
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
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await getBlockedOverTime(deps, request.query) }),
  );

  api.get(
    "/reports/overdue-next-actions",
    {
      schema: {
        tags: ["reports"],
        summary: "Status segments whose next action date has passed, oldest first",
        querystring: reportQuery.extend({ limit: z.coerce.number().int().min(1).max(5000).optional() }),
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
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await getOverdueNextActions(deps, request.query) }),
  );
}
