import { lastAuditAfter } from "../../db/repositories/audit-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/bootstrap-admin.ts";
import { recordAudit } from "./record-audit.ts";

/**
 * The playbook is edited as a file and takes effect on start. When the file a
 * server starts with differs from the last one recorded (by hash), the change
 * goes into the audit trail: which playbook and version before, which after.
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
  const previous = (await lastAuditAfter(db, "playbook.load")) as { sha256?: unknown } | null;
  if (previous?.sha256 === loaded.sha256) return false;
  await recordAudit(
    db,
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
}
