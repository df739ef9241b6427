import { z } from "zod";
import { escalationRuleIds, escalationStates } from "../../domain/escalations/escalation-policy.ts";
import { idParamsSchema, isoDate } from "./common.ts";

/** Escalations to the resolver groups, their queue, report and groups (docs/ESCALATIONS.md). */

export const escalationStateSchema = z.enum(escalationStates);

const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const escalationSchema = z.object({
  id: z.uuid(),
  entitlementId: z.uuid(),
  tenant: z.object({ id: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  service: z.object({ id: z.string(), name: z.string() }),
  group: z.string().describe("The resolver group it was sent to, as the playbook names it"),
  l1: z.string(),
  l2: z.string(),
  l2Name: z
    .string()
    .describe("The L2's name in the active playbook, in your language (its id when the playbook dropped it)"),
  state: escalationStateSchema,
  message: z
    .string()
    .describe("The opener's words; a rule's message in your language (English when raised before 0029)"),
  rule: z
    .enum(escalationRuleIds)
    .nullable()
    .describe("The playbook rule that raised it; null when a person did"),
  dueOn: isoDate.describe("The SLA: to be resolved by the end of this day (business days from opening)"),
  overdue: z.boolean().describe("Still open or acknowledged after its due date"),
  openedAt: z.string(),
  openedBy: personSchema.nullable().describe("Null when a playbook rule raised it"),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: personSchema.nullable(),
  closedAt: z.string().nullable().describe("When it was resolved or declined"),
  closedBy: personSchema.nullable(),
  declineReason: z.string().nullable(),
  comments: z.number().int(),
  version: z.number().int().describe("Send it back with a state change (compare-and-set)"),
  canHandle: z.boolean().describe("Whether you may acknowledge, resolve or decline it (member or Admin)"),
});

export const escalationEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(["opened", "acknowledged", "resolved", "declined", "commented"]),
  text: z.string(),
  actor: personSchema.nullable().describe("Null: the playbook rule that raised it"),
});

export const escalationDetailSchema = escalationSchema.extend({ events: z.array(escalationEventSchema) });

export const escalationListSchema = z.object({
  items: z.array(escalationSchema),
  total: z.number().int().describe("Escalations matching the filter, beyond this page too"),
});

export const escalationFilterSchema = z
  .object({
    group: z.string().max(200).optional().describe("One resolver group, by its name"),
    state: z
      .enum([...escalationStates, "active"])
      .optional()
      .describe("One state, or active (open and acknowledged)"),
    mine: z
      .enum(["true", "false", "1", "0"])
      .transform((value) => value === "true" || value === "1")
      .optional()
      .describe("Only the groups you belong to"),
    entitlementId: z.uuid("must be a UUID").optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

const text = (most: number) =>
  z
    .string()
    .trim()
    .max(most, `at most ${most.toLocaleString("en-US")} characters`);

export const openEscalationBodySchema = z
  .object({
    message: text(4000).min(1, "must say what the group should do"),
    l2: z
      .string()
      .max(100)
      .optional()
      .describe("The L2 whose resolver group to escalate to; the first Blocked segment's when absent"),
  })
  .strict();

export const escalationChangeBodySchema = z
  .object({
    version: z.number().int().min(1).describe("The version you read"),
    reason: text(2000).optional().describe("Required to decline: why the group will not take it"),
    note: text(4000).optional().describe("A comment kept with the change"),
  })
  .strict();

export const escalationCommentBodySchema = z
  .object({ text: text(4000).min(1, "must not be empty") })
  .strict();

export const escalationActionParamsSchema = idParamsSchema.extend({
  action: z.enum(["acknowledge", "resolve", "decline"]),
});

/** An escalation's state change or comment as the entitlement's history shows it: names, not ids. */
export const escalationHistoryEntrySchema = z.object({
  id: z.number().int(),
  escalationId: z.uuid(),
  at: z.string(),
  kind: escalationEventSchema.shape.kind,
  group: z.string(),
  l2Name: z.string(),
  rule: z.enum(escalationRuleIds).nullable(),
  text: z.string(),
  actor: z.object({ name: z.string(), email: z.string() }).nullable(),
});

const duration = z.object({
  medianHours: z.number().nullable().describe("Null when none has got there yet"),
  count: z.number().int(),
});

export const escalationReportSchema = z.object({
  open: z.array(
    z.object({
      group: z.string(),
      l1: z.string(),
      l2: z.string(),
      l2Name: z.string(),
      open: z.number().int(),
      acknowledged: z.number().int(),
      overdue: z.number().int(),
      tenants: z.number().int(),
    }),
  ),
  suppressedCells: z
    .number()
    .int()
    .describe("Cells of fewer than 5 tenants withheld from aggregate-only readers"),
  states: z.object({
    open: z.number().int(),
    acknowledged: z.number().int(),
    resolved: z.number().int(),
    declined: z.number().int(),
  }),
  timeToAcknowledge: duration.describe("Opening to acknowledgement (or to the answer, when it came first)"),
  timeToResolve: duration.describe("Opening to resolution"),
});

export const resolverGroupSchema = z.object({
  name: z.string(),
  inPlaybook: z.boolean().describe("False for a group with members that the active playbook no longer names"),
  l2s: z.array(z.object({ l1: z.string(), l2: z.string(), name: z.string() })),
  memberCount: z.number().int(),
  member: z.boolean().describe("Whether you belong to it"),
  members: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        role: z.string(),
        disabled: z.boolean(),
      }),
    )
    .describe("Its people; Admins only (empty for others)"),
});

export const resolverGroupListSchema = z.object({ items: z.array(resolverGroupSchema) });

export const resolverGroupParamsSchema = z.object({ group: z.string().min(1).max(200) });
export const resolverMemberParamsSchema = resolverGroupParamsSchema.extend({
  user: z.string().min(1).max(320),
});
export const addResolverMemberBodySchema = z
  .object({ user: z.string().min(1).max(320).describe("The user's id or email") })
  .strict();

export type Escalation = z.infer<typeof escalationSchema>;
export type EscalationEvent = z.infer<typeof escalationEventSchema>;
export type EscalationDetail = z.infer<typeof escalationDetailSchema>;
export type EscalationList = z.infer<typeof escalationListSchema>;
export type EscalationFilter = z.infer<typeof escalationFilterSchema>;
export type OpenEscalationBody = z.infer<typeof openEscalationBodySchema>;
export type EscalationChangeBody = z.infer<typeof escalationChangeBodySchema>;
export type EscalationHistoryEntry = z.infer<typeof escalationHistoryEntrySchema>;
export type EscalationReport = z.infer<typeof escalationReportSchema>;
export type ResolverGroup = z.infer<typeof resolverGroupSchema>;
