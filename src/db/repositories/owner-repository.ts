import { sql } from "drizzle-orm";
import type { OwnerPerson } from "../../domain/owners/segment-owner.ts";
import type { Db } from "../client.ts";
import { preparedStatement } from "../infra/prepared-statement.ts";
import { isUuid, rowsOf, uuidArray } from "../infra/raw-rows.ts";

/**
 * The people owners are resolved against (docs/OWNERS.md): those assigned to
 * a tenant or to its customer, and users named by an owner text or an id.
 */

/** People assigned to each tenant or to its customer, by tenant id, by name. */
export async function peopleAssignedTo(
  db: Db,
  tenantIds: readonly string[],
): Promise<Map<string, OwnerPerson[]>> {
  const wanted = [...new Set(tenantIds.filter(isUuid))];
  const byTenant = new Map<string, OwnerPerson[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return byTenant;
  const rows = await assignedPeople(db, { tenants: `{${wanted.join(",")}}` });
  for (const { tenantId, ...person } of rows) byTenant.get(tenantId)?.push(person);
  return byTenant;
}

const person = {
  id: sql<string>`u.id::text`,
  name: sql<string>`u.name`,
  email: sql<string>`u.email`,
  role: sql<string>`u.role`,
};

// Every status write that names an owner runs both (segment-owners.ts): prepared, each connection
// plans them once, where planning them on every write took a seventh of the write's database CPU.
const assignedPeople = preparedStatement("people_assigned_to", (db) =>
  db
    .selectDistinct({ tenantId: sql<string>`t.id::text`, ...person })
    .from(
      sql`tenants t join assignments a on a.tenant_id = t.id or a.customer_id = t.customer_id
          join users u on u.id = a.user_id`,
    )
    .where(sql`t.id = any((select ${sql.placeholder("tenants")}::uuid[])::uuid[])`)
    .orderBy(sql`u.name`, sql`u.email`),
);

const namedUsers = preparedStatement("users_named", (db) =>
  db
    .select(person)
    .from(sql`users u`)
    .where(
      sql`lower(u.email) = any(array(select json_array_elements_text(${sql.placeholder("keys")}::json)))
          or lower(btrim(u.name)) = any(array(select json_array_elements_text(${sql.placeholder("keys")}::json)))
          or u.id = any((select ${sql.placeholder("ids")}::uuid[])::uuid[])`,
    )
    .orderBy(sql`u.name`, sql`u.email`),
);

/** Users whose email or name is one of `texts` (case aside), or whose id is one of `ids`. */
export async function usersNamed(
  db: Db,
  texts: readonly string[],
  ids: readonly string[],
): Promise<OwnerPerson[]> {
  const keys = [...new Set(texts.map((text) => text.trim().toLowerCase()).filter((text) => text !== ""))];
  const wantedIds = [...new Set(ids.filter(isUuid))];
  if (keys.length === 0 && wantedIds.length === 0) return [];
  return namedUsers(db, { keys: JSON.stringify(keys), ids: `{${wantedIds.join(",")}}` });
}

/** Every user but those assigned to the tenant: the picker's "others", by name. */
export async function usersNotAssignedTo(db: Db, tenantId: string): Promise<OwnerPerson[]> {
  if (!isUuid(tenantId)) return [];
  return rowsOf<OwnerPerson>(
    db,
    sql`select u.id::text as id, u.name, u.email, u.role from users u
         where not exists (select 1 from tenants t join assignments a
                             on a.tenant_id = t.id or a.customer_id = t.customer_id
                            where t.id = ${tenantId}::uuid and a.user_id = u.id)
         order by u.name, u.email
         limit 500`,
  );
}

/** The tenant of each entitlement, by entitlement id. */
export async function tenantsOfEntitlements(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; tenantId: string }>(
    db,
    sql`select e.id::text as id, e.tenant_id::text as "tenantId" from entitlements e
         where e.id = any(${uuidArray(wanted)}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.id, row.tenantId]));
}

/**
 * Text owners naming one of `teams` (by role id or name, case aside) become
 * that team, their text the role's name. Returns how many segments changed.
 */
export async function resolveTextOwnersToTeams(
  db: Db,
  teams: readonly { id: string; name: string }[],
): Promise<number> {
  if (teams.length === 0) return 0;
  const pairs = JSON.stringify(
    teams.flatMap((team) => [
      { key: team.id.toLowerCase(), id: team.id, name: team.name },
      { key: team.name.toLowerCase(), id: team.id, name: team.name },
    ]),
  );
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`update status_segments s set owner_team = r.id, owner = r.name
          from json_to_recordset(${pairs}::json) as r(key text, id text, name text)
         where s.owner_team is null and s.owner_user_id is null and lower(s.owner) = r.key
        returning s.id::text as id`,
  );
  return rows.length;
}
