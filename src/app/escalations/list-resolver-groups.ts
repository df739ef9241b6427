import type { ResolverGroup } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { decide, requireActor } from "../auth/authorize-actor.ts";
import { resolverGroupsWithMembers } from "./resolver-groups.ts";

/**
 * The resolver groups: every group the playbook names, with its L2s, how many
 * people it has and whether the actor is one. Only Admins see who they are.
 */
export async function listResolverGroups(deps: AppDeps, actor: Actor): Promise<ResolverGroup[]> {
  requireActor(deps, actor);
  const admin = decide(deps, actor, { type: "resolvers.manage" }).allowed;
  const groups = await resolverGroupsWithMembers(deps, deps.database.db);
  return groups.map(({ members, ...group }) => ({
    ...group,
    memberCount: members.length,
    member: members.some((member) => member.id === actor.id),
    members: admin ? members.map(({ group: _group, ...member }) => member) : [],
  }));
}
