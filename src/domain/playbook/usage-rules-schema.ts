import { z } from "zod";

/**
 * The playbook's reading of usage: the service status phases a share of
 * active seats stands for, and the parameters of the rules that flag a status
 * the usage contradicts. Thresholds are percentages of the available seats.
 */

const idSchema = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be lower snake_case (a-z, 0-9, _)");
const percent = z.number().min(0, "must be 0 or more").max(100, "must be 100 or less");
const l1List = z.array(idSchema).min(1, "must name at least one L1");

export const usageRulesSchema = z
  .object({
    phases: z.object({
      /** From this share (inclusive) up to the Operate threshold (inclusive): Adoption. */
      adoption: z.object({ serviceStatus: idSchema, fromPercent: percent }).strict(),
      /** Over this share: Operate. */
      operate: z.object({ serviceStatus: idSchema, abovePercent: percent }).strict(),
    }),
    contradictions: z.object({
      /** These L1s while more than the Operate threshold is active (and more than the other segments hold). */
      activeWhileHalted: z.object({ l1s: l1List }).strict(),
      /** These L1s while every point of the last `days` days is 0 (and there is one). */
      idleInProgress: z
        .object({ l1s: l1List, days: z.number().int().min(1).max(3650, "must be at most 3650") })
        .strict(),
      /** These L1s while the newest `points` points strictly increase. */
      growingWhileUnknown: z
        .object({
          l1s: l1List,
          points: z.number().int().min(2, "must be at least 2").max(12, "must be at most 12 (the trend)"),
        })
        .strict(),
    }),
  })
  .strict()
  .refine((rules) => rules.phases.adoption.fromPercent <= rules.phases.operate.abovePercent, {
    path: ["phases", "adoption", "fromPercent"],
    message: "must not be above the Operate threshold",
  });

export type UsageRules = z.infer<typeof usageRulesSchema>;
