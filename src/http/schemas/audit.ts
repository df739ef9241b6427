import { z } from "zod";

/** The audit trail: who changed what, when, before and after. */

export const auditFilterSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  action: z.string().optional(),
  actor: z.string().optional(),
  targetId: z.string().optional(),
});

export const auditQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().optional(),
});

export const auditExportQuerySchema = auditFilterSchema.extend({
  format: z.enum(["csv", "json"]).default("csv"),
});

/** One row of the audit trail: an audit_log row, or a status change from status_history. */
export const auditEntrySchema = z.object({
  /** "audit:<n>" or "status:<n>": unique across both tables, and the paging key after `at`. */
  key: z.string(),
  /** ISO timestamp with microseconds (the paging key must not lose precision). */
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string(),
  actorRole: z.string(),
  source: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

/** The export streams a file; the document names it a string. */
export const auditExportSchema = z.string();

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
