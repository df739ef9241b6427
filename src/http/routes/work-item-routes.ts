import type { AppDeps } from "../../app/app-deps.ts";
import { dismissRecheck } from "../../app/my-work/dismiss-recheck.ts";
import { listRechecks } from "../../app/my-work/list-rechecks.ts";
import { createWorkItem } from "../../app/work-items/create-work-item.ts";
import { getShippedReport } from "../../app/work-items/get-shipped-report.ts";
import { listWorkItems } from "../../app/work-items/list-work-items.ts";
import { shipWorkItem } from "../../app/work-items/ship-work-item.ts";
import { updateWorkItem } from "../../app/work-items/update-work-item.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses, idParamsSchema, noContentSchema } from "../schemas/common.ts";
import {
  createWorkItemBodySchema,
  recheckListQuerySchema,
  recheckListSchema,
  shippedReportSchema,
  shipResultSchema,
  shipWorkItemBodySchema,
  updateWorkItemBodySchema,
  workItemListQuerySchema,
  workItemListSchema,
  workItemSchema,
} from "../schemas/work-items.ts";
import type { Api } from "./api.ts";

/** The roadmap loop: work items, shipping them, the 90-day report, re-check items (docs/ROADMAP.md). */
export function workItemRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/work-items",
    {
      schema: {
        tags: ["work-items"],
        summary: "Work items with the seats Blocked for each (shipping this unblocks N seats at M tenants)",
        querystring: workItemListQuerySchema,
        response: { 200: workItemListSchema, ...authedProblemResponses },
      },
    },
    async (request) => listWorkItems(deps, await request.actor(), request.query),
  );

  api.post(
    "/work-items",
    {
      schema: {
        tags: ["work-items"],
        summary: "Add a work item linked to a Blocked L2 (and optionally an L3 and services)",
        body: createWorkItemBodySchema,
        response: { 201: workItemSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const created = await createWorkItem(deps, await writeContextOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  api.patch(
    "/work-items/:id",
    {
      schema: {
        tags: ["work-items"],
        summary: "Edit a work item; a stale version is 409 with the current item",
        params: idParamsSchema,
        body: updateWorkItemBodySchema,
        response: { 200: workItemSchema, ...authedProblemResponses },
      },
    },
    async (request) => updateWorkItem(deps, await writeContextOf(request), request.params.id, request.body),
  );

  api.post(
    "/work-items/:id/ship",
    {
      schema: {
        tags: ["work-items"],
        summary:
          "Mark it shipped: re-check items and notices for the owners of its Blocked seats, a work_item.shipped event; once",
        params: idParamsSchema,
        body: shipWorkItemBodySchema,
        response: { 200: shipResultSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      shipWorkItem(deps, await writeContextOf(request), request.params.id, request.body ?? {}),
  );

  api.get(
    "/work-items/shipped-report",
    {
      schema: {
        tags: ["work-items"],
        summary: "Seats unblocked in the 90 days after each ship, from the status history",
        response: { 200: shippedReportSchema, ...authedProblemResponses },
      },
    },
    async (request) => getShippedReport(deps, await request.actor()),
  );

  api.get(
    "/my-work/rechecks",
    {
      schema: {
        tags: ["my-work"],
        summary: "My work's re-check group: Blocked statuses of yours whose fix shipped",
        querystring: recheckListQuerySchema,
        response: { 200: recheckListSchema, ...authedProblemResponses },
      },
    },
    async (request) => listRechecks(deps, await request.actor(), request.query),
  );

  api.post(
    "/my-work/rechecks/:id/dismiss",
    {
      schema: {
        tags: ["my-work"],
        summary: "Dismiss one of your re-check items",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await dismissRecheck(deps, await request.actor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
