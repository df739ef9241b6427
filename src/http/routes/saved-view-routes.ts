import type { AppDeps } from "../../app/app-deps.ts";
import { deleteSavedView } from "../../app/saved-views/delete-saved-view.ts";
import { listSavedViews } from "../../app/saved-views/list-saved-views.ts";
import { saveView } from "../../app/saved-views/save-view.ts";
import { authedProblemResponses, idParamsSchema, noContentSchema } from "../schemas/common.ts";
import { savedViewListSchema, savedViewSchema, saveViewBodySchema } from "../schemas/saved-views.ts";
import type { Api } from "./api.ts";

/** The signed-in user's own saved portfolio views: nobody else sees or changes them. */
export function savedViewRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/saved-views",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Your saved portfolio views, by name",
        response: { 200: savedViewListSchema, ...authedProblemResponses },
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
        response: { 204: noContentSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedView(deps, await request.actor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
