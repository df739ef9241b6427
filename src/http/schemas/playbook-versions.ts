import { z } from "zod";
import { playbookChangeSchema } from "../../domain/playbook/playbook-changes-schema.ts";

/** Playbook versions: the ones recorded, a new file's preview and apply, history in today's taxonomy (docs/PLAYBOOK-VERSIONS.md). */

const seats = z.number().describe("Seats of the segments concerned");

/** A declared change and what it moves in the database. */
export const countedChangeSchema = z.object({
  change: playbookChangeSchema,
  statuses: z.number().int().describe("Entitlements with a segment it moves"),
  seats,
  workItems: z.number().int(),
});

export const playbookVersionSchema = z.object({
  id: z.number().int(),
  playbookId: z.string(),
  version: z.string(),
  sha256: z.string(),
  effectiveAt: z.date(),
  appliedBy: z.object({ id: z.string().nullable(), email: z.string() }),
  source: z.string().describe("start (a server started on it), cli, web or api"),
  path: z.string(),
  changes: z.array(countedChangeSchema),
  remappedStatuses: z.number().int(),
});

export const playbookVersionListSchema = z.object({ items: z.array(playbookVersionSchema) });

const differenceSchema = z.object({
  kind: z.enum(["added", "removed", "renamed"]),
  path: z.string().describe("l1/l2 or l1/l2/l3"),
  name: z.string(),
  newName: z.string().nullable(),
  declared: z
    .boolean()
    .describe("Whether a changes: entry covers it; false on a removal leaves statuses unmapped"),
  statuses: z.number().int().describe("Stored statuses with this value now"),
  seats,
});

const orphanSchema = z.object({
  path: z.string(),
  movedTo: z.string().nullable(),
  statuses: z.number().int(),
  seats,
  workItems: z.number().int(),
});

const sampleSchema = z.object({
  entitlementId: z.string(),
  customer: z.string(),
  tenant: z.string(),
  serviceId: z.string(),
  from: z.string(),
  to: z.string(),
  seats: z.number().int(),
});

const playbookRef = z.object({
  id: z.string(),
  version: z.string(),
  sha256: z.string().nullable(),
  path: z.string().nullable(),
});

/** What a new playbook changes against the one in use (or an old file), counted in the database. */
export const playbookChangeReportSchema = z.object({
  from: playbookRef.nullable().describe("The playbook compared against; null: none recorded yet"),
  to: playbookRef,
  changes: z.array(countedChangeSchema),
  differences: z.array(differenceSchema),
  orphans: z.array(orphanSchema).describe("Stored values the new playbook would leave without a mapping"),
  remappedStatuses: z.number().int(),
  remappedWorkItems: z.number().int(),
  sample: z.array(sampleSchema).describe("Up to 20 of the segments it moves, most seats first"),
});

export const playbookApplyResultSchema = playbookChangeReportSchema.extend({
  /** The version in use when this was worked out: send it back to apply (compare-and-set). */
  baseVersionId: z.number().int().nullable(),
  alreadyInUse: z.boolean(),
  applied: z.boolean(),
  dryRun: z.boolean(),
  /** Statuses changed by someone else while they were remapped, read again and remapped with their change. */
  conflictsRetried: z.number().int(),
  version: playbookVersionSchema.nullable().describe("The version recorded by this apply"),
});

/** A playbook file to preview or apply: one of the server's files by name, or the file's text. */
export const playbookCandidateBodySchema = z
  .object({
    file: z.string().max(200).optional().describe("A name from GET /api/playbook/files"),
    content: z.string().max(1_000_000).optional().describe("The playbook's YAML (an upload)"),
    name: z.string().max(200).optional().describe("The uploaded file's name, recorded with the version"),
    baseVersionId: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe("Apply only while this version is still in use (from the preview)"),
  })
  .strict()
  .refine((body) => (body.file === undefined) !== (body.content === undefined), {
    message: "give either file (a name from GET /api/playbook/files) or content (the file's text), not both",
    path: ["file"],
  });

export const playbookFileListSchema = z.object({
  directory: z.string(),
  items: z.array(z.object({ name: z.string(), id: z.string(), version: z.string(), inUse: z.boolean() })),
});

/** The `taxonomy` option of reports rebuilt from history. */
export const taxonomyQuery = {
  taxonomy: z
    .enum(["current", "recorded"])
    .optional()
    .describe(
      "current (default): history written under an earlier playbook version read in today's L2s and L3s, so a renamed L2 is one line; recorded: the ids as written",
    ),
};

export type CountedChange = z.infer<typeof countedChangeSchema>;
export type PlaybookVersionView = z.infer<typeof playbookVersionSchema>;
export type PlaybookChangeReport = z.infer<typeof playbookChangeReportSchema>;
export type PlaybookApplyResult = z.infer<typeof playbookApplyResultSchema>;
export type PlaybookCandidateBody = z.infer<typeof playbookCandidateBodySchema>;
export type PlaybookFileList = z.infer<typeof playbookFileListSchema>;
