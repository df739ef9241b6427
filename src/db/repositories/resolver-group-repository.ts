import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";

/** The people of the resolver groups (docs/ESCALATIONS.md), keyed by the playbook's group names. */

export interface GroupMember {
  group: string;
  id: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
}

/** Every member of every group, by group then name. */
export async function listGroupMembers(db: Db): Promise<GroupMember[]> {
  return rowsOf<GroupMember>(
    db,
    sql`select m.group_name as "group", u.id::text as id, u.name, u.email, u.role,
          (a.disabled_at is not null) as disabled
        from resolver_group_members m
        join users u on u.id = m.user_id
        left join user_accounts a on a.user_id = u.id
       order by m.group_name, u.name, u.email`,
  );
}

/** Adds a member (and the group's row on its first member); false when already one. */
export async function addMember(
  db: Db,
  input: { group: string; userId: string; addedBy: string | null; at: Date },
): Promise<boolean> {
  const at = input.at.toISOString();
  await db.execute(
    sql`insert into resolver_groups (name, created_at) values (${input.group}, ${at}::timestamptz)
        on conflict (name) do nothing`,
  );
  const rows = await rowsOf<{ added: boolean }>(
    db,
    sql`insert into resolver_group_members (group_name, user_id, added_at, added_by)
        values (${input.group}, ${input.userId}::uuid, ${at}::timestamptz, ${input.addedBy}::uuid)
        on conflict (group_name, user_id) do nothing
        returning true as added`,
  );
  return rows.length > 0;
}

/** Removes a member; false when the user was not one. */
export async function removeMember(db: Db, group: string, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const rows = await rowsOf<{ removed: boolean }>(
    db,
    sql`delete from resolver_group_members where group_name = ${group} and user_id = ${userId}::uuid
        returning true as removed`,
  );
  return rows.length > 0;
}

/** The groups a user belongs to. */
export async function groupsOf(db: Db, userId: string): Promise<string[]> {
  if (!isUuid(userId)) return [];
  const rows = await rowsOf<{ group: string }>(
    db,
    sql`select group_name as "group" from resolver_group_members where user_id = ${userId}::uuid order by 1`,
  );
  return rows.map((row) => row.group);
}

/** The members a group's notices go to: those whose account is not disabled. */
export async function activeMemberIds(db: Db, group: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select m.user_id::text as id from resolver_group_members m
        left join user_accounts a on a.user_id = m.user_id
       where m.group_name = ${group} and a.disabled_at is null
       order by 1`,
  );
  return rows.map((row) => row.id);
}
