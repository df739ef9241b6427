import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { assignUser } from "../../app/users/assign-user.ts";
import { listAssignments } from "../../app/users/list-assignments.ts";
import { unassignUser } from "../../app/users/unassign-user.ts";
import { writeContextOf } from "../acting-user.ts";
import { assignmentViewSchema, authedProblemResponses } from "../auth/auth-schemas.ts";
import { idParamsSchema } from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const assignBodySchema = z
  .object({
    userId: z.uuid("must be a UUID"),
    tenantId: z.uuid("must be a UUID").optional(),
    customerId: z.uuid("must be a UUID").optional(),
    primary: z.boolean().optional(),
  })
  .strict();

export function assignmentRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/assignments",
    {
      schema: {
        tags: ["users"],
        summary: "Assignments of users to customers and tenants you may see",
        querystring: z.object({
          userId: z.string().optional(),
          tenantId: z.string().optional(),
          customerId: z.string().optional(),
        }),
        response: { 200: z.object({ items: z.array(assignmentViewSchema) }), ...authedProblemResponses },
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
        response: { 204: z.null(), ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await unassignUser(deps, await writeContextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
