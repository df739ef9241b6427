import { stringify } from "csv-stringify/sync";
import { auditEntries } from "../../db/repositories/audit-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { AuditEntry } from "../../http/schemas/audit.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";

export interface AuditFilter {
  /** ISO date or time; entries at or after it. */
  from?: string | undefined;
  /** ISO date or time; entries before it. */
  to?: string | undefined;
  /** user.create, assignment.delete, status.set, ... */
  action?: string | undefined;
  actorEmail?: string | undefined;
  targetId?: string | undefined;
}

function instantOf(field: string, value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw saidError(
      "validation_failed",
      "date_invalid",
      { field },
      { violations: [saidViolation(field, "date_invalid", "date_invalid_field", { value })] },
    );
  }
  return date;
}

function queryOf(filter: AuditFilter) {
  return {
    from: instantOf("from", filter.from),
    to: instantOf("to", filter.to),
    action: filter.action?.trim() || null,
    actorEmail: filter.actorEmail?.trim() || null,
    targetId: filter.targetId?.trim() || null,
  };
}

function cursorOf(entry: AuditEntry): string {
  return Buffer.from(JSON.stringify({ at: entry.at, key: entry.key })).toString("base64url");
}

function afterOf(cursor: string | undefined): { at: string; key: string } | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      at?: unknown;
      key?: unknown;
    };
    if (
      typeof parsed.at === "string" &&
      typeof parsed.key === "string" &&
      !Number.isNaN(Date.parse(parsed.at))
    ) {
      return { at: parsed.at, key: parsed.key };
    }
  } catch {
    // falls through to the error below
  }
  throw saidError(
    "validation_failed",
    "cursor_invalid",
    {},
    { violations: [saidViolation("cursor", "cursor_invalid", "cursor_invalid_field")] },
  );
}

/** One page of the audit trail, oldest first (Admins only). */
export async function readAudit(
  deps: AppDeps,
  actor: Actor,
  filter: AuditFilter & { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  requireAllowed(deps, actor, { type: "audit.export" });
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const items = await auditEntries(deps.database.db, {
    ...queryOf(filter),
    after: afterOf(filter.cursor),
    limit: limit + 1,
  });
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? cursorOf(page.at(-1)!) : null };
}

export const auditCsvColumns = [
  "at",
  "actor_email",
  "actor_role",
  "source",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
  "request_id",
] as const;

type AuditWriter = (chunk: string) => void | Promise<void>;

/**
 * Writes the whole audit trail matching the filter as CSV (before/after as JSON
 * text) or a JSON array, a page at a time (Admins only). CSV cells that a
 * spreadsheet would run as a formula are prefixed with a quote.
 */
export async function exportAudit(
  deps: AppDeps,
  actor: Actor,
  filter: AuditFilter,
  format: "csv" | "json",
  write: AuditWriter,
): Promise<number> {
  return prepareAuditExport(deps, actor, filter, format)(write);
}

/**
 * exportAudit in two steps: the actor is checked now, so a refusal comes
 * before a download starts (once streaming, the status is already 200), and
 * the returned function writes the file.
 */
export function prepareAuditExport(
  deps: AppDeps,
  actor: Actor,
  filter: AuditFilter,
  format: "csv" | "json",
): (write: AuditWriter) => Promise<number> {
  requireAllowed(deps, actor, { type: "audit.export" });
  return (write) => writeAudit(deps, filter, format, write);
}

async function writeAudit(
  deps: AppDeps,
  filter: AuditFilter,
  format: "csv" | "json",
  write: AuditWriter,
): Promise<number> {
  const query = queryOf(filter);
  let after: { at: string; key: string } | null = null;
  let count = 0;
  await write(format === "csv" ? stringify([[...auditCsvColumns]]) : "[");
  for (;;) {
    const page = await auditEntries(deps.database.db, { ...query, after, limit: 1000 });
    if (page.length === 0) break;
    if (format === "csv") {
      await write(stringify(page.map(csvRowOf)));
    } else {
      await write((count === 0 ? "\n" : ",\n") + page.map((entry) => JSON.stringify(entry)).join(",\n"));
    }
    count += page.length;
    const last = page.at(-1)!;
    after = { at: last.at, key: last.key };
  }
  await write(format === "csv" ? "" : count === 0 ? "]\n" : "\n]\n");
  return count;
}

function csvRowOf(entry: AuditEntry): string[] {
  return [
    entry.at,
    entry.actorEmail,
    entry.actorRole,
    entry.source,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.before === null ? "" : JSON.stringify(entry.before),
    entry.after === null ? "" : JSON.stringify(entry.after),
    entry.requestId ?? "",
  ].map(defuseFormula);
}

/** A cell starting with = + - @ (or tab/CR) runs as a formula in spreadsheets; a leading quote keeps it text. */
function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
