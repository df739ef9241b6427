import { type SQL, sql } from "drizzle-orm";
import { uuidOrNobody } from "../repositories/assignment-repository.ts";

/** The person a segment may be owned by: a user row's id, name and e-mail. */
export interface SegmentOwner {
  id: string;
  name: string;
  email: string;
}

const aliasPattern = /^[a-z_][a-z0-9_]*$/;

/**
 * The boolean condition "the status segment aliased `segment` is owned by
 * `user`": the one place that says what owning a segment means, for My work
 * and any other read that asks "what is mine?" (docs/OWNERS.md). The user is
 * the person owner, or the owner is a team (a playbook role id) whose role
 * the user has while assigned to the segment's tenant or to its customer. A
 * text owner that resolved to nobody is owned by nobody.
 */
export function ownedBySql(segment: string, user: SegmentOwner): SQL {
  if (!aliasPattern.test(segment)) throw new Error(`Not a table alias: ${segment}`);
  const s = sql.raw(segment);
  const id = uuidOrNobody(user.id);
  return sql`(${s}.owner_user_id = ${id}::uuid or (${s}.owner_team is not null and exists (
    select 1
      from entitlements owned_e
      join tenants owned_t on owned_t.id = owned_e.tenant_id
      join assignments owned_a
        on owned_a.user_id = ${id}::uuid
       and (owned_a.tenant_id = owned_t.id or owned_a.customer_id = owned_t.customer_id)
      join users owned_u on owned_u.id = owned_a.user_id and owned_u.role = ${s}.owner_team
     where owned_e.id = ${s}.entitlement_id)))`;
}
