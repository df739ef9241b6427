import type { Db } from "../../db/client.ts";
import { addMember } from "../../db/repositories/resolver-group-repository.ts";
import type { ResolverGroup } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { listResolverGroups } from "./list-resolver-groups.ts";
import { knownGroup, namedUser } from "./resolver-groups.ts";

/**
 * Adds a user (by id or email) to a resolver group the playbook names
 * (Admins only, audited). Adding a member again changes nothing. Answers the
 * group as it is now.
 */
export async function addResolverMember(
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
    const added = await addMember(tx, {
      group,
      userId: user.id,
      addedBy: context.actor.id || null,
      at: deps.now(),
    });
    if (!added) return;
    await recordAudit(tx, deps, context, {
      action: "resolver_group.member_add",
      targetType: "resolver_group",
      targetId: group,
      before: null,
      after: { group, userId: user.id, email: user.email },
    });
  });
  return (await listResolverGroups(deps, context.actor)).find((candidate) => candidate.name === group)!;
}
