import { z } from "zod";

/**
 * How escalations to the resolver groups behave (docs/ESCALATIONS.md): the
 * default SLA and the rules that raise an escalation without anyone asking.
 * Every key has a default, so a playbook without the section still loads.
 */

const days = (most: number) =>
  z.number().int("must be a whole number").min(1, "must be at least 1").max(most, `must be at most ${most}`);

const defaults = {
  slaBusinessDays: 10,
  rules: { targetSlipped: { days: 14 }, blockedTooLong: { days: 90 } },
};

export const escalationRulesSchema = z
  .object({
    /** Business days (Monday to Friday) a resolver group has to resolve one, unless its L2 says otherwise. */
    slaBusinessDays: days(250).default(defaults.slaBusinessDays),
    rules: z
      .object({
        /** A Blocked status whose target date moved this many days past the first one of its Blocked spell. */
        targetSlipped: z
          .object({ days: days(3650) })
          .strict()
          .default(defaults.rules.targetSlipped),
        /** A status Blocked for more than this many days without a break. */
        blockedTooLong: z
          .object({ days: days(3650) })
          .strict()
          .default(defaults.rules.blockedTooLong),
      })
      .strict()
      .default(defaults.rules),
  })
  .strict();

export const defaultEscalationRules = escalationRulesSchema.parse({});

export type EscalationRules = z.infer<typeof escalationRulesSchema>;
