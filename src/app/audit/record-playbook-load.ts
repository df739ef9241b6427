import type { Db } from "../../db/client.ts";
import { lastAuditAfter, lockAuditAction } from "../../db/repositories/audit-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/bootstrap-admin.ts";
import { recordAudit } from "./record-audit.ts";

/**
 * The playbook is edited as a file and takes effect on start. When the file a
 * server starts with differs from the last one recorded (by hash), the change
 * goes into the audit trail: which playbook and version before, which after.
 * Servers starting together with the same new file record it once: each
 * decides under a lock on the action, after the one before it has written.
 * Returns whether it recorded a change.
 */
export async function recordPlaybookLoad(deps: AppDeps): Promise<boolean> {
  const db = deps.database.db;
  const { playbook } = deps.playbook.index;
  const loaded = {
    id: playbook.id,
    version: playbook.version,
    sha256: deps.playbook.sha256,
    path: deps.playbook.path,
  };
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await lockAuditAction(tx, "playbook.load");
    const previous = (await lastAuditAfter(tx, "playbook.load")) as { sha256?: unknown } | null;
    if (previous?.sha256 === loaded.sha256) return false;
    await recordAudit(
      tx,
      deps,
      { actor: systemActor, source: "system" },
      {
        action: "playbook.load",
        targetType: "playbook",
        targetId: playbook.id,
        before: previous,
        after: loaded,
      },
    );
    return true;
  });
}
