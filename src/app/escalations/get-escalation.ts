import { escalationEventsOf } from "../../db/repositories/escalation-repository.ts";
import type { EscalationDetail } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { escalationView, visibleEscalation } from "./escalation-access.ts";

/** One escalation with its events (comments, state changes), if the actor may see it; not_found otherwise. */
export async function getEscalation(deps: AppDeps, actor: Actor, id: string): Promise<EscalationDetail> {
  const db = deps.database.db;
  const { row, reader } = await visibleEscalation(deps, db, actor, id);
  const view = escalationView(deps, row, reader);
  // A rule's opening event carries its message: said in the reader's language like the escalation's.
  const events = (await escalationEventsOf(db, row.id)).map((event) =>
    event.kind === "opened" && row.rule ? { ...event, text: view.message } : event,
  );
  return { ...view, events };
}
