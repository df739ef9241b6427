import type { AppDeps } from "../../app/app-deps.ts";
import { countEntitlements } from "../../app/entitlements/count-entitlements.ts";
import { getEntitlement } from "../../app/entitlements/get-entitlement.ts";
import { getEntitlementHistory } from "../../app/entitlements/get-entitlement-history.ts";
import { getOwnerChoices } from "../../app/entitlements/get-owner-choices.ts";
import { listEntitlementsAsJson } from "../../app/entitlements/list-entitlements.ts";
import {
  countEntitlementsAsOf,
  listEntitlementsAsOf,
} from "../../app/entitlements/list-entitlements-as-of.ts";
import { setStatus } from "../../app/entitlements/set-status.ts";
import { getEscalationHistory } from "../../app/escalations/get-escalation-history.ts";
import { sourceOf } from "../acting-user.ts";
import { idParamsSchema, problemResponses } from "../schemas/common.ts";
import {
  countQuerySchema,
  entitlementCountSchema,
  entitlementDetailSchema,
  entitlementFilterSchema,
  entitlementPageSchema,
  entitlementViewSchema,
  historySchema,
  setStatusBodySchema,
} from "../schemas/entitlements.ts";
import { ownerChoicesSchema } from "../schemas/owners.ts";
import { sendJsonText } from "../send-json-text.ts";
import type { Api } from "./api.ts";

export function entitlementRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/entitlements",
    {
      schema: {
        tags: ["portfolio"],
        summary: "List entitlements (tenant x service) with their status segments",
        querystring: entitlementFilterSchema,
        response: { 200: entitlementPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = await request.actor();
      const page = request.query.asOf
        ? await listEntitlementsAsOf(deps, actor, request.query)
        : await listEntitlementsAsJson(deps, actor, request.query);
      // The views arrive as JSON text built by the database (entitlementViewJson).
      return sendJsonText(
        reply,
        `{"items":[${page.items.join(",")}],"nextCursor":${JSON.stringify(page.nextCursor)}}`,
      );
    },
  );

  api.get(
    "/entitlements/count",
    {
      schema: {
        tags: ["portfolio"],
        summary:
          "How many entitlements match the list's filters: exact up to 10,000, else at least that many",
        querystring: countQuerySchema,
        response: { 200: entitlementCountSchema, ...problemResponses },
      },
    },
    async (request) =>
      request.query.asOf
        ? countEntitlementsAsOf(deps, await request.actor(), request.query)
        : countEntitlements(deps, await request.actor(), request.query),
  );

  api.get(
    "/entitlements/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary:
          "One entitlement with its status segments and its usage read against them; the ETag is its version",
        params: idParamsSchema,
        response: { 200: entitlementDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const entitlement = await getEntitlement(deps, await request.actor(), request.params.id);
      reply.header("etag", `"${entitlement.version}"`);
      return entitlement;
    },
  );

  api.put(
    "/entitlements/:id/status",
    {
      schema: {
        tags: ["status"],
        summary: "Replace the status segments of one service, checked against the playbook's scenario rules",
        description:
          "All segments are validated together; any violation refuses the whole change (422) and nothing is stored. A stale `version` gets 409 with the current state.",
        params: idParamsSchema,
        body: setStatusBodySchema,
        response: { 200: entitlementViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = await request.actor();
      const result = await setStatus(deps, {
        entitlementId: request.params.id,
        version: request.body.version,
        stage: request.body.stage,
        segments: request.body.segments,
        actor,
        source: sourceOf(request),
        requestId: request.id,
      });
      reply.header("etag", `"${result.entitlement.version}"`);
      // The view is built from what was written, typed as the schema says; checking it against the schema
      // again on every write cost more server time than the rules (entitlement-routes.test.ts holds it).
      return sendJsonText(reply, JSON.stringify(result.entitlement));
    },
  );

  api.get(
    "/entitlements/:id/owner-choices",
    {
      schema: {
        tags: ["status"],
        summary:
          "Who may own this entitlement's seats: the playbook's teams, the people assigned, then others",
        params: idParamsSchema,
        response: { 200: ownerChoicesSchema, ...problemResponses },
      },
    },
    async (request) => getOwnerChoices(deps, await request.actor(), request.params.id),
  );

  api.get(
    "/entitlements/:id/history",
    {
      schema: {
        tags: ["status"],
        summary: "Every status change of one entitlement, and its escalations' events, newest first",
        params: idParamsSchema,
        response: { 200: historySchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = await request.actor();
      const items = await getEntitlementHistory(deps, actor, request.params.id);
      return { items, escalations: await getEscalationHistory(deps, actor, request.params.id) };
    },
  );
}
