import type { AppDeps } from "../../app/app-deps.ts";
import { assignUser } from "../../app/users/assign-user.ts";
import { listAssignments } from "../../app/users/list-assignments.ts";
import { unassignUser } from "../../app/users/unassign-user.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses, idParamsSchema, noContentSchema } from "../schemas/common.ts";
import {
  assignBodySchema,
  assignmentListSchema,
  assignmentQuerySchema,
  assignmentViewSchema,
} from "../schemas/users.ts";
import type { Api } from "./api.ts";

export function assignmentRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/assignments",
    {
      schema: {
        tags: ["users"],
        summary: "Assignments of users to customers and tenants you may see",
        querystring: assignmentQuerySchema,
        response: { 200: assignmentListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listAssignments(deps, await request.actor(), request.query) }),
  );

  api.post(
    "/assignments",
    {
      schema: {
        tags: ["users"],
        summary: "Assign a user to a tenant or a customer (Admin, Team Lead, or primary FM there)",
        description:
          "A customer assignment covers all its tenants. Assigning again only changes `primary`. Refusals say which rule refused and who may assign instead.",
        body: assignBodySchema,
        response: { 201: assignmentViewSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const assignment = await assignUser(deps, await writeContextOf(request), request.body);
      return reply.status(201).send(assignment);
    },
  );

  api.delete(
    "/assignments/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Remove an assignment (same right as adding it)",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await unassignUser(deps, await writeContextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
