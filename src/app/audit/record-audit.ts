import type { Db } from "../../db/client.ts";
import { appendAudit } from "../../db/repositories/audit-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";

/** Who is writing, from where, under which request: what every audited use-case receives. */
export interface WriteContext {
  actor: Actor;
  /** api, web, cli, system. */
  source: string;
  requestId?: string | undefined;
}

export interface AuditedChange {
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends the audit row of one write, in the write's own transaction (pass
 * the transaction as `db`), so a change and its audit row land or fail together.
 */
export async function recordAudit(
  db: Db,
  deps: AppDeps,
  context: WriteContext,
  change: AuditedChange,
): Promise<void> {
  await appendAudit(db, {
    at: deps.now(),
    actor: { id: context.actor.id || null, email: context.actor.email, role: context.actor.role },
    source: context.source,
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    before: change.before,
    after: change.after,
    requestId: context.requestId ?? null,
  });
}
