import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { suggestStatus } from "../../app/entitlements/suggest-status.ts";
import { problemResponses } from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const suggestBodySchema = z
  .object({
    note: z.string().max(10_000, "at most 10,000 characters"),
    workload: z.string().max(100).nullish().describe("Service id, name or code (EXO, Teams, ...)"),
    l1: z.string().max(100).nullish().describe("The L1 already chosen: the note is graded for it"),
    l2: z.string().max(100).nullish(),
  })
  .strict();

const suggestionSchema = z.object({
  l1: z.string().nullable(),
  l2: z.string().nullable(),
  l3: z.string().nullable(),
  confidence: z.number(),
  band: z.enum(["green", "amber", "red"]),
  evidence: z.array(z.string()),
  alternatives: z.array(z.object({ l1: z.string(), l2: z.string().nullable(), confidence: z.number() })),
  grade: z.enum(["great", "marginal", "poor"]),
  hints: z.array(z.object({ code: z.string(), message: z.string() })),
});

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
    async (request) => suggestStatus(deps, request.body),
  );
}
