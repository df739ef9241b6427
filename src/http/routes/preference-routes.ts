import type { AppDeps } from "../../app/app-deps.ts";
import { getMyPreferences, updateMyPreferences } from "../../app/notifications/my-preferences.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import { preferencesChangeSchema, preferencesSchema } from "../schemas/preferences.ts";
import type { Api } from "./api.ts";

/** The signed-in person's mail preferences (docs/DIGESTS.md). */
export function preferenceRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/me/preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "Your time zone, digest frequency and whether notices come by mail",
        response: { 200: preferencesSchema, ...authedProblemResponses },
      },
    },
    async (request) => getMyPreferences(deps, await request.actor()),
  );

  api.patch(
    "/me/preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "Change your preferences: the fields given, the others kept",
        description:
          'A time zone the server does not know is 422 with `errors: [{field: "timeZone", code: "time_zone_unknown"}]`.',
        body: preferencesChangeSchema,
        response: { 200: preferencesSchema, ...authedProblemResponses },
      },
    },
    async (request) => updateMyPreferences(deps, await request.actor(), request.body),
  );
}
