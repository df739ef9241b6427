import type { AppDeps } from "../../app/app-deps.ts";
import { createApiToken, listApiTokens } from "../../app/auth/api-tokens.ts";
import { createUser } from "../../app/users/create-user.ts";
import { listUserViews } from "../../app/users/list-users.ts";
import { reassignUser } from "../../app/users/reassign-user.ts";
import { updateUser } from "../../app/users/update-user.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses, idParamsSchema } from "../schemas/common.ts";
import {
  createdTokenSchema,
  newTokenBodySchema,
  newUserSchema,
  reassignBodySchema,
  reassignPlanSchema,
  tokenListSchema,
  userChangesSchema,
  userListSchema,
  userViewSchema,
} from "../schemas/users.ts";
import type { Api } from "./api.ts";

/** The version a write names: the body's `version`, else the If-Match ETag ("3" or W/"3"). */
export function versionFrom(bodyVersion: number | undefined, ifMatch: string | string[] | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = typeof ifMatch === "string" ? /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim()) : null;
  if (match?.[1]) return Number(match[1]);
  throw saidError(
    "validation_failed",
    "version_required",
    {},
    { violations: [saidViolation("version", "version_required", "version_required_field")] },
  );
}

export function userRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Users, for Admins and for those who assign them",
        response: { 200: userListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listUserViews(deps, await request.actor()) }),
  );

  api.post(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a user (Admin); a taken email is 409",
        body: newUserSchema,
        response: { 201: userViewSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const created = await createUser(deps, await writeContextOf(request), request.body);
      reply.status(201).header("etag", `"${created.version}"`);
      return created;
    },
  );

  api.patch(
    "/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, password or disabled flag (Admin), at the version read",
        description:
          "Name the version you read in `version` or If-Match; a stale one is 409 with `current`. A new password or disabling ends the user's sessions.",
        params: idParamsSchema,
        body: userChangesSchema,
        response: { 200: userViewSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const updated = await updateUser(deps, await writeContextOf(request), request.params.id, {
        ...changes,
        version: versionFrom(version, request.headers["if-match"]),
      });
      reply.header("etag", `"${updated.version}"`);
      return updated;
    },
  );

  api.get(
    "/users/:id/tokens",
    {
      schema: {
        tags: ["users"],
        summary: "A user's API tokens (Admin, or yourself)",
        params: idParamsSchema,
        response: { 200: tokenListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listApiTokens(deps, await request.actor(), request.params.id) }),
  );

  api.post(
    "/users/:id/tokens",
    {
      schema: {
        tags: ["users"],
        summary: "Create an API token for a user (Admin, or yourself); shown in this answer only",
        params: idParamsSchema,
        body: newTokenBodySchema,
        response: { 201: createdTokenSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps, await writeContextOf(request), {
        ...request.body,
        userId: request.params.id,
      });
      reply.status(201).header("cache-control", "no-store");
      return { ...created.view, token: created.token };
    },
  );

  api.post(
    "/users/:id/reassign",
    {
      schema: {
        tags: ["users"],
        summary:
          "Move a person's customers and tenants, and the seats they own there, to another (Admin, Team Lead)",
        description:
          "To a person of the same role; all assignments, or those on `customerIds` and `tenantIds`. `dryRun` answers the same plan without writing. One audit entry per assignment moved and per owner changed.",
        params: idParamsSchema,
        body: reassignBodySchema,
        response: { 200: reassignPlanSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      reassignUser(deps, await writeContextOf(request), { ...request.body, from: request.params.id }),
  );
}
