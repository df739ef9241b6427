import type { AppDeps } from "../../app/app-deps.ts";
import { suggestStatus } from "../../app/entitlements/suggest-status.ts";
import { problemResponses } from "../schemas/common.ts";
import { suggestBodySchema, suggestionSchema } from "../schemas/suggest.ts";
import type { Api } from "./api.ts";

export function suggestRoutes(api: Api, deps: AppDeps): void {
  api.post(
    "/suggest",
    {
      schema: {
        tags: ["status"],
        summary: "Suggest L1/L2/L3 for a status note, with confidence and evidence, and grade the note",
        description: "Null levels mean the model abstains rather than guess.",
        body: suggestBodySchema,
        response: { 200: suggestionSchema, ...problemResponses },
      },
    },
    async (request) => suggestStatus(deps, await request.actor(), request.body),
  );
}
