import { resolveTextOwnersToTeams } from "../../db/repositories/owner-repository.ts";
import { ownerTeamsOf } from "../../domain/owners/segment-owner.ts";
import type { AppDeps } from "../app-deps.ts";

/**
 * At start-up, with the active playbook: text owners that name one of its
 * roles become that team (docs/OWNERS.md). The migration did this with the
 * default playbook's role names; this catches another playbook's names and
 * segments written without resolution (the demo seed's bulk load). Reads the
 * lower(owner) index; a no-op when nothing matches.
 */
export function resolveTeamOwners(deps: AppDeps): Promise<number> {
  return resolveTextOwnersToTeams(deps.database.db, ownerTeamsOf(deps.playbook.index));
}
