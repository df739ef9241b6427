import type { AppDeps } from "../../app/app-deps.ts";
import { addResolverMember } from "../../app/escalations/add-resolver-member.ts";
import { changeEscalationState } from "../../app/escalations/change-escalation-state.ts";
import { commentOnEscalation } from "../../app/escalations/comment-on-escalation.ts";
import { getEscalation } from "../../app/escalations/get-escalation.ts";
import { getEscalationReport } from "../../app/escalations/get-escalation-report.ts";
import { listEscalations } from "../../app/escalations/list-escalations.ts";
import { listResolverGroups } from "../../app/escalations/list-resolver-groups.ts";
import { openEscalation } from "../../app/escalations/open-escalation.ts";
import { removeResolverMember } from "../../app/escalations/remove-resolver-member.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses, idParamsSchema } from "../schemas/common.ts";
import {
  addResolverMemberBodySchema,
  escalationActionParamsSchema,
  escalationChangeBodySchema,
  escalationCommentBodySchema,
  escalationDetailSchema,
  escalationFilterSchema,
  escalationListSchema,
  escalationReportSchema,
  openEscalationBodySchema,
  resolverGroupListSchema,
  resolverGroupParamsSchema,
  resolverGroupSchema,
  resolverMemberParamsSchema,
} from "../schemas/escalations.ts";
import type { Api } from "./api.ts";

const tags = ["escalations"];

/** Escalations to the resolver groups and the groups' people (docs/ESCALATIONS.md). */
export function escalationRoutes(api: Api, deps: AppDeps): void {
  api.post(
    "/entitlements/:id/escalations",
    {
      schema: {
        tags,
        summary: "Escalate an entitlement to the resolver group of its L2, with a message",
        description:
          "Whoever may edit the entitlement may escalate it. The group's members are told at once. A second escalation to a group with one still waiting is 409.",
        params: idParamsSchema,
        body: openEscalationBodySchema,
        response: { 201: escalationDetailSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const opened = await openEscalation(deps, await writeContextOf(request), {
        ...request.body,
        entitlementId: request.params.id,
      });
      return reply.status(201).send(opened);
    },
  );

  api.get(
    "/escalations",
    {
      schema: {
        tags,
        summary: "The escalations queue: your tenants' and your groups', waiting ones first",
        querystring: escalationFilterSchema,
        response: { 200: escalationListSchema, ...authedProblemResponses },
      },
    },
    async (request) => listEscalations(deps, await request.actor(), request.query),
  );

  api.get(
    "/escalations/report",
    {
      schema: {
        tags,
        summary: "Open escalations by group and L2; median times to acknowledge and to resolve",
        querystring: escalationFilterSchema.pick({ group: true }),
        response: { 200: escalationReportSchema, ...authedProblemResponses },
      },
    },
    async (request) => getEscalationReport(deps, await request.actor(), request.query),
  );

  api.get(
    "/escalations/:id",
    {
      schema: {
        tags,
        summary: "One escalation with its comments and state changes",
        params: idParamsSchema,
        response: { 200: escalationDetailSchema, ...authedProblemResponses },
      },
    },
    async (request) => getEscalation(deps, await request.actor(), request.params.id),
  );

  api.post(
    "/escalations/:id/:action",
    {
      schema: {
        tags,
        summary: "Acknowledge, resolve or decline an escalation (its group's members and Admins)",
        description:
          "Send the version you read: a stale one, or a state the action cannot start from, is 409 with the escalation as it is. Declining needs a reason (422 naming it).",
        params: escalationActionParamsSchema,
        body: escalationChangeBodySchema,
        response: { 200: escalationDetailSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      changeEscalationState(deps, await writeContextOf(request), {
        ...request.body,
        id: request.params.id,
        action: request.params.action,
      }),
  );

  api.post(
    "/escalations/:id/comments",
    {
      schema: {
        tags,
        summary:
          "Comment on an escalation (its group's members, Admins and whoever may edit the entitlement)",
        params: idParamsSchema,
        body: escalationCommentBodySchema,
        response: { 201: escalationDetailSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const commented = await commentOnEscalation(deps, await writeContextOf(request), {
        id: request.params.id,
        text: request.body.text,
      });
      return reply.status(201).send(commented);
    },
  );

  resolverGroupRoutes(api, deps);
}

function resolverGroupRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/resolver-groups",
    {
      schema: {
        tags,
        summary: "The playbook's resolver groups; Admins see their people",
        response: { 200: resolverGroupListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listResolverGroups(deps, await request.actor()) }),
  );

  api.post(
    "/resolver-groups/:group/members",
    {
      schema: {
        tags,
        summary: "Add a user (id or email) to a resolver group (Admins only)",
        params: resolverGroupParamsSchema,
        body: addResolverMemberBodySchema,
        response: { 200: resolverGroupSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      addResolverMember(deps, await writeContextOf(request), {
        group: request.params.group,
        user: request.body.user,
      }),
  );

  api.delete(
    "/resolver-groups/:group/members/:user",
    {
      schema: {
        tags,
        summary: "Remove a user (id or email) from a resolver group (Admins only)",
        params: resolverMemberParamsSchema,
        response: { 200: resolverGroupSchema, ...authedProblemResponses },
      },
    },
    async (request) => removeResolverMember(deps, await writeContextOf(request), request.params),
  );
}
