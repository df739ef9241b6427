import { z } from "zod";
import { contradictionKinds } from "../usage/assess-usage.ts";

/**
 * The playbook's `quality:` section: which data-quality rules run and their
 * thresholds (docs/QUALITY.md). Every key has a default, so a playbook
 * without the section (or with part of it) gets the default rules; a rule is
 * switched off with `enabled: false`.
 */

const idSchema = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be lower snake_case (a-z, 0-9, _)");
const l1List = z.array(idSchema).min(1, "must name at least one L1");
const days = z.number().int().min(0, "must be 0 or more").max(3650, "must be at most 3650");
const enabled = z.boolean().default(true);

export const noteGrades = ["poor", "marginal"] as const;

export const qualityRulesSchema = z
  .object({
    /** A next action date more than `graceDays` days before today. */
    nextActionPassed: z
      .object({ enabled, graceDays: days.default(0) })
      .strict()
      .prefault({}),
    /** A segment of these L1s whose target date is more than `graceDays` days before today. */
    blockedTargetPassed: z
      .object({ enabled, l1s: l1List.default(["blocked"]), graceDays: days.default(0) })
      .strict()
      .prefault({}),
    /** A segment of these L1s on an entitlement whose status was not changed for `days` days. */
    unknownUnchanged: z
      .object({ enabled, l1s: l1List.default(["status_unknown"]), days: days.min(1).default(30) })
      .strict()
      .prefault({}),
    /** A note of these L1s the note linter grades one of `grades`. */
    noteGrade: z
      .object({
        enabled,
        l1s: l1List.default(["blocked", "no_intent"]),
        grades: z.array(z.enum(noteGrades)).min(1).default(["poor", "marginal"]),
      })
      .strict()
      .prefault({}),
    /** Suggest reads another L2 from the note than the recorded one, at this confidence or more. */
    suggestDisagrees: z
      .object({
        enabled,
        minConfidence: z.number().min(0.5, "must be 0.5 or more").max(1, "must be 1 or less").default(0.9),
      })
      .strict()
      .prefault({}),
    /** A split status a seat change left not adding up (the feed's re-split marker). */
    resplitNeeded: z.object({ enabled }).strict().prefault({}),
    /** Usage contradicts the status (the playbook's `usage:` rules); these kinds only. */
    usageContradicts: z
      .object({
        enabled,
        kinds: z
          .array(z.enum(contradictionKinds))
          .min(1)
          .default([...contradictionKinds]),
      })
      .strict()
      .prefault({}),
    /** An owner that resolves to no person: unresolved text, or a team nobody of the customer has. */
    ownerUnresolved: z.object({ enabled }).strict().prefault({}),
  })
  .strict();

export type QualityRules = z.infer<typeof qualityRulesSchema>;

/** The rules of a playbook without a `quality:` section. */
export const defaultQualityRules: QualityRules = qualityRulesSchema.parse({});
