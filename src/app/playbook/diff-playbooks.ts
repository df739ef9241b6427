import type { PlaybookChangeReport } from "../../http/schemas/playbook-versions.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { type PlaybookCandidate, readCandidate } from "./playbook-candidate.ts";
import { playbookChangeReport } from "./playbook-change-report.ts";

/**
 * What changed from one playbook file to another (`unblock playbook diff`):
 * the changes the new one declares since the old one's version, every L2 and
 * L3 added, removed or renamed (declared or not), and how many stored
 * statuses, seats and work items each touches now. Reads only. Admins only:
 * the counts cover the whole portfolio.
 */
export async function diffPlaybooks(
  deps: AppDeps,
  actor: Actor,
  input: { old: PlaybookCandidate; next: PlaybookCandidate },
): Promise<PlaybookChangeReport> {
  requireAllowed(deps, requireActor(deps, actor), { type: "playbook.edit" });
  const old = readCandidate(deps, input.old);
  const next = readCandidate(deps, input.next);
  const { report } = await playbookChangeReport(deps.database.db, {
    from: { playbook: old.playbook, sha256: old.sha256, path: old.path },
    fromVersion: old.playbook.version,
    to: next,
  });
  return report;
}
