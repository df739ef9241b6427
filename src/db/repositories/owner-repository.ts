import { sql } from "drizzle-orm";
import type { OwnerPerson } from "../../domain/owners/segment-owner.ts";
import { onePer } from "../../one-per.ts";
import type { Db } from "../client.ts";
import { BatchQueue } from "../infra/batch-queue.ts";
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
  const rows = await new Promise<AssignedRow[]>((resolve, reject) =>
    ownerLookupsOf(db).push({ kind: "assigned", tenants: wanted, resolve, reject }),
  );
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
    .select({ ...person, emailKey: sql<string>`lower(u.email)`, nameKey: sql<string>`lower(btrim(u.name))` })
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
  return new Promise<OwnerPerson[]>((resolve, reject) =>
    ownerLookupsOf(db).push({ kind: "named", keys, ids: wantedIds, resolve, reject }),
  );
}

type AssignedRow = OwnerPerson & { tenantId: string };
type OwnerLookup =
  | {
      kind: "assigned";
      tenants: string[];
      resolve: (rows: AssignedRow[]) => void;
      reject: (error: unknown) => void;
    }
  | {
      kind: "named";
      keys: string[];
      ids: string[];
      resolve: (people: OwnerPerson[]) => void;
      reject: (error: unknown) => void;
    };

/**
 * Owner lookups of status writes that arrive together share their
 * statements (batch-queue.ts), as the writes' reads and writes do: under
 * load they were four fifths of the statements a write sent, each a round
 * trip of its own. A batch asks once for the union of its lookups and hands
 * each its own rows, in the same order: people by tenant, and users whose
 * lowered email or name (as PostgreSQL lowers them) is one of its keys.
 */
async function lookUpBatch(db: Db, batch: OwnerLookup[]): Promise<void> {
  const assigned = batch.filter((lookup) => lookup.kind === "assigned");
  const named = batch.filter((lookup) => lookup.kind === "named");
  try {
    const [people, users] = await Promise.all([
      assigned.length === 0
        ? []
        : assignedPeople(db, { tenants: `{${[...new Set(assigned.flatMap((a) => a.tenants))].join(",")}}` }),
      named.length === 0
        ? []
        : namedUsers(db, {
            keys: JSON.stringify([...new Set(named.flatMap((n) => n.keys))]),
            ids: `{${[...new Set(named.flatMap((n) => n.ids))].join(",")}}`,
          }),
    ]);
    for (const lookup of assigned) {
      const tenants = new Set(lookup.tenants);
      lookup.resolve(people.filter((row) => tenants.has(row.tenantId)));
    }
    for (const lookup of named) {
      const keys = new Set(lookup.keys);
      const ids = new Set(lookup.ids);
      lookup.resolve(
        users
          .filter((row) => keys.has(row.emailKey) || keys.has(row.nameKey) || ids.has(row.id))
          .map(({ emailKey: _email, nameKey: _name, ...person }) => person),
      );
    }
  } catch (error) {
    for (const lookup of batch) lookup.reject(error);
  }
}

/** The queue of one database handle (a transaction's handle gets its own). */
const ownerLookupsOf = onePer(
  (db: Db) =>
    new BatchQueue<OwnerLookup>({ batches: 2, perBatch: 64, run: (batch) => lookUpBatch(db, batch) }),
);

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
