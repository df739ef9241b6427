import type { Db } from "../../db/client.ts";
import { removeMember } from "../../db/repositories/resolver-group-repository.ts";
import type { ResolverGroup } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { listResolverGroups } from "./list-resolver-groups.ts";
import { knownGroup, namedUser } from "./resolver-groups.ts";

/**
 * Removes a user (by id or email) from a resolver group (Admins only,
 * audited). Its escalations stay where they are; the user is no longer told
 * of new ones nor may answer them. Answers the group as it is now.
 */
export async function removeResolverMember(
  deps: AppDeps,
  context: WriteContext,
  input: { group: string; user: string },
): Promise<ResolverGroup> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "resolvers.manage" });
  const db = deps.database.db;
  const group = await knownGroup(deps, db, input.group);
  const user = await namedUser(db, input.user);
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    if (!(await removeMember(tx, group, user.id))) return;
    await recordAudit(tx, deps, context, {
      action: "resolver_group.member_remove",
      targetType: "resolver_group",
      targetId: group,
      before: { group, userId: user.id, email: user.email },
      after: null,
    });
  });
  const groups = await listResolverGroups(deps, context.actor);
  return (
    groups.find((candidate) => candidate.name === group) ?? {
      name: group,
      inPlaybook: false,
      l2s: [],
      memberCount: 0,
      member: false,
      members: [],
    }
  );
}
