import { z } from "zod";

/**
 * The `changes:` section of a playbook (docs/PLAYBOOK-VERSIONS.md): how the
 * L2s and L3 of an earlier version map onto this one, so stored statuses can
 * be moved to the new ids (`unblock playbook apply`) and history read in the
 * current taxonomy. Optional: a playbook that renames nothing has none.
 *
 * A taxonomy value is written as a path of ids: `l1/l2` or `l1/l2/l3`
 * (`blocked/service_reliability`, `blocked/app_compatibility/other`).
 */

const pathPattern = /^[a-z0-9]+(?:_[a-z0-9]+)*\/[a-z0-9]+(?:_[a-z0-9]+)*(?:\/[a-z0-9]+(?:_[a-z0-9]+)*)?$/;

export const taxonomyPathSchema = z
  .string()
  .regex(pathPattern, "must be l1/l2 or l1/l2/l3, each a playbook id (blocked/service_reliability)");

const idSchema = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be lower snake_case (a-z, 0-9, _)");

const changeBase = {
  /** The playbook version that brought the change: applied to statuses recorded before it. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version like 1.1.0"),
  /** Why, in a few words: shown in the refresh summary and by `playbook diff`. */
  note: z.string().trim().optional(),
};

const renameSchema = z.object({
  ...changeBase,
  kind: z.literal("rename"),
  from: taxonomyPathSchema,
  to: taxonomyPathSchema,
});

const mergeSchema = z.object({
  ...changeBase,
  kind: z.literal("merge"),
  from: z.array(taxonomyPathSchema).min(2, "a merge names at least two values"),
  to: taxonomyPathSchema,
});

/** One part of a split: the seats matching its condition go to `to`; no condition: the rest. */
const splitPartSchema = z.object({
  to: taxonomyPathSchema,
  /** Only statuses of these services (ids). */
  services: z.array(idSchema).min(1).optional(),
  /** Only statuses with one of these L3s (ids under the L2 split). */
  l3s: z.array(idSchema).min(1).optional(),
});

const splitSchema = z.object({
  ...changeBase,
  kind: z.literal("split"),
  from: taxonomyPathSchema,
  /** The rule in words, as people should apply it to new statuses. */
  rule: z.string().trim().min(1, "must not be empty"),
  /** Tried in order; the first whose condition matches takes the status. */
  into: z.array(splitPartSchema).min(2, "a split names at least two parts"),
});

const retireSchema = z.object({
  ...changeBase,
  kind: z.literal("retire"),
  from: taxonomyPathSchema,
  /** Where its statuses go: an L2, an L2 with an L3, or (for a retired L3) its own L2 without an L3. */
  replacedBy: taxonomyPathSchema,
});

export const playbookChangeSchema = z.discriminatedUnion("kind", [
  renameSchema,
  mergeSchema,
  splitSchema,
  retireSchema,
]);

export const playbookChangesSchema = z.array(playbookChangeSchema);

export type PlaybookChange = z.infer<typeof playbookChangeSchema>;
export type SplitPart = z.infer<typeof splitPartSchema>;
