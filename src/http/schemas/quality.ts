import { z } from "zod";
import { qualityRuleIds } from "../../domain/quality/quality-rules.ts";
import { isoDate } from "./common.ts";

/** The data-quality queue (docs/QUALITY.md): what in the recorded statuses needs someone's attention. */

export const qualityRuleSchema = z.enum(qualityRuleIds);

export const qualityQuerySchema = z
  .object({
    owner: z
      .union([z.literal("me"), z.uuid("must be a user id or me")])
      .optional()
      .describe("Only this person's items (a user id, or me), as My work counts them: assigned or owned"),
    team: z.string().trim().min(1).optional().describe("Only items owned by this team (a playbook role)"),
    rule: qualityRuleSchema.optional().describe("Only the items of this rule"),
    limit: z.coerce.number().int().min(1).max(500).optional().describe("Items per page, 1 to 500 (100)"),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe("Items to skip (0)"),
  })
  .strict();

export const qualityOwnerKindSchema = z.enum(["person", "team", "text", "none"]);

export const qualityOwnerSchema = z.object({
  kind: qualityOwnerKindSchema.describe("person, team, unresolved text, or no owner"),
  userId: z.string().nullable(),
  role: z.string().nullable(),
  name: z.string().nullable(),
  display: z.string().describe("The owner as a list shows it"),
});

export const qualityItemSchema = z.object({
  rule: qualityRuleSchema,
  label: z.string(),
  entitlementId: z.string(),
  version: z.number().int().describe("The entitlement's version the item was found on"),
  /** The segment the item is about (its index in the status), or null for the whole status. */
  position: z.number().int().nullable(),
  date: isoDate.nullable().describe("The date passed, or the day a Status Unknown was last changed"),
  detail: z.string().describe("What is wrong and what fixes it, in words"),
  data: z
    .record(z.string(), z.union([z.string(), z.number(), z.null()]))
    .describe("The rule's facts: the grade and hint, Suggest's L1/L2 and confidence, the usage kind..."),
  tenant: z.object({ id: z.string(), name: z.string(), domain: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  service: z.object({ id: z.string(), name: z.string() }),
  segment: z.object({ l1: z.string(), l2: z.string().nullable(), seats: z.number().int() }).nullable(),
  owner: qualityOwnerSchema,
  link: z.string().describe("The web app's path of the status editor for this entitlement"),
});

export const qualityOwnerCountSchema = qualityOwnerSchema.extend({ count: z.number().int() });

export const qualitySchema = z.object({
  today: isoDate.describe("The day dates are judged on (UTC)"),
  total: z.number().int().describe("Items matching every filter"),
  limit: z.number().int(),
  offset: z.number().int(),
  counts: z.object({
    byRule: z
      .record(qualityRuleSchema, z.number().int())
      .describe("Per rule, under the owner and team filters"),
    byOwner: z.array(qualityOwnerCountSchema).describe("Per owner of the item's segment, most items first"),
  }),
  rules: z.array(z.object({ id: qualityRuleSchema, label: z.string(), enabled: z.boolean() })),
  notesPending: z
    .number()
    .int()
    .describe("Statuses in scope whose notes are not judged yet (note rules); judged in the background"),
  items: z.array(qualityItemSchema),
});

export type QualityQuery = z.infer<typeof qualityQuerySchema>;
export type QualityItem = z.infer<typeof qualityItemSchema>;
export type QualityOwnerCount = z.infer<typeof qualityOwnerCountSchema>;
export type QualityAnswer = z.infer<typeof qualitySchema>;
