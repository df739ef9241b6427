import { escalationEventsOf } from "../../db/repositories/escalation-repository.ts";
import type { EscalationDetail } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { escalationView, visibleEscalation } from "./escalation-access.ts";

/** One escalation with its events (comments, state changes), if the actor may see it; not_found otherwise. */
export async function getEscalation(deps: AppDeps, actor: Actor, id: string): Promise<EscalationDetail> {
  const db = deps.database.db;
  const { row, reader } = await visibleEscalation(deps, db, actor, id);
  return { ...escalationView(deps, row, reader), events: await escalationEventsOf(db, row.id) };
}
