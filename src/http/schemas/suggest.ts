import { z } from "zod";

/** The status-note classifier: what it reads and what it proposes. */

export const suggestBodySchema = z
  .object({
    note: z.string().max(10_000, "at most 10,000 characters"),
    workload: z.string().max(100).nullish().describe("Service id, name or code (EXO, Teams, ...)"),
    l1: z.string().max(100).nullish().describe("The L1 already chosen: the note is graded for it"),
    l2: z.string().max(100).nullish(),
  })
  .strict();

export const suggestionSchema = z.object({
  l1: z.string().nullable(),
  l2: z.string().nullable(),
  l3: z.string().nullable(),
  confidence: z.number(),
  /** Decided by the domain's confidenceBand. */
  band: z.enum(["green", "amber", "red"]),
  evidence: z.array(z.string()),
  alternatives: z.array(z.object({ l1: z.string(), l2: z.string().nullable(), confidence: z.number() })),
  grade: z.enum(["great", "marginal", "poor"]),
  hints: z.array(z.object({ code: z.string(), message: z.string() })),
});

export type SuggestBody = z.infer<typeof suggestBodySchema>;
export type StatusSuggestion = z.infer<typeof suggestionSchema>;
