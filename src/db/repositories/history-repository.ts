import { desc, eq } from "drizzle-orm";
import type { HistoryEntry, StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { isUuid } from "../infra/raw-rows.ts";
import { statusHistory, users } from "../schema.ts";

/**
 * Where a change came from, recorded so an audit can tell a form edit from a
 * bulk import; `remap`: a playbook version moved its L2/L3 to new ids.
 */
export const changeSources = ["api", "cli", "import", "web", "sync", "remap"] as const;
export type ChangeSource = (typeof changeSources)[number];

/** The history of one entitlement, newest first (ties broken by insertion order). */
export async function historyOf(db: Db, entitlementId: string): Promise<HistoryEntry[]> {
  if (!isUuid(entitlementId)) return [];
  const rows = await db
    .select({ history: statusHistory, actorName: users.name, actorEmail: users.email })
    .from(statusHistory)
    .leftJoin(users, eq(users.id, statusHistory.actorId))
    .where(eq(statusHistory.entitlementId, entitlementId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id));
  return rows.map(({ history, actorName, actorEmail }) => ({
    id: history.id,
    entitlementId: history.entitlementId,
    at: history.at.toISOString(),
    actor: { id: history.actorId, name: actorName, email: actorEmail, role: history.actorRole },
    source: history.source,
    playbookVersion: history.playbookVersion,
    versionAfter: history.versionAfter,
    before: history.before as StatusSnapshot,
    after: history.after as StatusSnapshot,
    requestId: history.requestId,
  }));
}
