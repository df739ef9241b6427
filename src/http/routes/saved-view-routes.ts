import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { deleteSavedView } from "../../app/saved-views/delete-saved-view.ts";
import { listSavedViews } from "../../app/saved-views/list-saved-views.ts";
import { saveView } from "../../app/saved-views/save-view.ts";
import { authedProblemResponses } from "../auth/auth-schemas.ts";
import { idParamsSchema } from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z
    .string()
    .describe("The portfolio's query string (filters and sort), as in /?l1=blocked&serviceId=exchange"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const saveViewBodySchema = z
  .object({
    name: z.string().max(1000, "at most 1,000 characters"),
    query: z.string().max(10_000, "at most 10,000 characters"),
  })
  .strict();

/** The signed-in user's own saved portfolio views: nobody else sees or changes them. */
export function savedViewRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/saved-views",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Your saved portfolio views, by name",
        response: { 200: z.object({ items: z.array(savedViewSchema) }), ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listSavedViews(deps, await request.actor()) }),
  );

  api.post(
    "/saved-views",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Save a portfolio view under a name (replaces your view of that name, in any case)",
        body: saveViewBodySchema,
        response: { 200: savedViewSchema, ...authedProblemResponses },
      },
    },
    async (request) => saveView(deps, await request.actor(), request.body),
  );

  api.delete(
    "/saved-views/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Delete one of your saved views",
        params: idParamsSchema,
        response: { 204: z.null(), ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedView(deps, await request.actor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
