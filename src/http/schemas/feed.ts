import { z } from "zod";
import { feedFileNames } from "../../domain/feed/feed-files.ts";

/** The portfolio feed's sync jobs: the upload's options, a sync's state and its report (docs/FEED.md). */

export const syncCountsSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  ended: z.number().int(),
});

export const feedRowErrorSchema = z.object({
  file: z.enum(feedFileNames),
  row: z.number().int().describe("CSV: the spreadsheet row (the header is row 1); JSON Lines: the line"),
  column: z.string().nullable().describe("null when the whole row is at fault"),
  code: z.string(),
  message: z.string(),
});

/** The report `unblock portfolio sync --json` prints, with why nothing was written when so. */
export const syncReportSchema = z.object({
  customers: syncCountsSchema,
  tenants: syncCountsSchema,
  entitlements: syncCountsSchema,
  people: syncCountsSchema,
  usage: syncCountsSchema,
  rejected: z.array(feedRowErrorSchema),
  refusal: z
    .string()
    .nullable()
    .describe("Why nothing was written (refused rows, a mass end); null otherwise"),
});

export const syncStates = ["queued", "running", "done", "failed"] as const;

export const syncProgressSchema = z.object({
  phase: z.enum(["read", "apply"]).describe("read: rows staged so far; apply: rows a file wrote"),
  file: z.enum(feedFileNames),
  rows: z.number().int(),
});

export const syncOptionsSchema = z.object({
  dryRun: z.boolean().describe("Count what the sync would do, then write nothing"),
  full: z.boolean().describe("The files are the whole portfolio: end what they no longer name"),
  partial: z.boolean().describe("Apply the valid rows even when others are refused"),
  allowMassEnd: z.boolean().describe("Let a full sync end more than 5% of tenants or entitlements"),
});

export const portfolioSyncSchema = syncOptionsSchema.extend({
  id: z.number().int(),
  state: z.enum(syncStates),
  at: z.string().describe("When the sync was queued (ISO 8601)"),
  finishedAt: z.string().nullable(),
  actorEmail: z.string(),
  applied: z.boolean().describe("Whether the changes were written"),
  progress: syncProgressSchema.nullable().describe("While running: the last batch read or file applied"),
  report: syncReportSchema.nullable().describe("Once done: counts per file and the refused rows"),
  error: z.string().nullable().describe("Why a failed sync failed"),
});

export const portfolioSyncListSchema = z.object({ items: z.array(portfolioSyncSchema) });

export const syncIdParamsSchema = z.object({ id: z.coerce.number().int().positive("must be a sync id") });

export const syncListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The multipart upload's option fields, as form values. */
const formFlag = z
  .enum(["true", "false", "on", "off", "1", "0", ""], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "on" || value === "1");

export const syncFormFieldsSchema = z
  .object({ dryRun: formFlag, full: formFlag, partial: formFlag, allowMassEnd: formFlag })
  .partial()
  .strict();

export type SyncCountsBody = z.infer<typeof syncCountsSchema>;
export type SyncReportBody = z.infer<typeof syncReportSchema>;
export type SyncProgressBody = z.infer<typeof syncProgressSchema>;
export type SyncOptions = z.infer<typeof syncOptionsSchema>;
export type SyncState = (typeof syncStates)[number];
export type PortfolioSync = z.infer<typeof portfolioSyncSchema>;
export type PortfolioSyncList = z.infer<typeof portfolioSyncListSchema>;
