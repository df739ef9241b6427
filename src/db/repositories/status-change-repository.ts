import { sql } from "drizzle-orm";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { onePer } from "../../one-per.ts";
import type { Db } from "../client.ts";
import { BatchQueue } from "../infra/batch-queue.ts";
import { preparedStatement } from "../infra/prepared-statement.ts";
import { isUuid } from "../infra/raw-rows.ts";
import { entitlementViewJoins, entitlementViewJson } from "../sql/entitlement-view-sql.ts";
import {
  type AccessRow,
  accessOf,
  assignmentAccessJoin,
  type TenantAccess,
  uuidOrNobody,
} from "./assignment-repository.ts";

/** An entitlement as a status change reads it: the view, and the actor's access to its tenant. */
export interface EntitlementForChange {
  view: EntitlementView;
  access: TenantAccess;
}

/**
 * The view of one entitlement and how a user is assigned to its tenant: all a
 * status change reads before it writes. No lock is taken; the write itself
 * only lands while the version is the one read (applyStatus). Null when there
 * is no such entitlement.
 *
 * Reads of changes that arrive together share one statement (batch-queue.ts),
 * as their writes share one: one round trip and one execution for many
 * instead of one each. Under load this read was about half of the database's
 * time per status write.
 */
export async function findEntitlementForChange(
  db: Db,
  userId: string,
  id: string,
): Promise<EntitlementForChange | null> {
  if (!isUuid(id)) return null;
  const row = await new Promise<ChangeReadRow | null>((resolve, reject) =>
    changeReadsOf(db).push({ id, userId: uuidOrNobody(userId), resolve, reject }),
  );
  if (!row) return null;
  return { view: JSON.parse(row.view) as EntitlementView, access: accessOf(row) };
}

type ChangeReadRow = AccessRow & { view: string; position: number };

interface ChangeRead {
  id: string;
  userId: string;
  resolve: (row: ChangeReadRow | null) => void;
  reject: (error: unknown) => void;
}

/** Ids and user ids are checked uuids, so the array literals need no quoting. */
const entitlementsForChange = preparedStatement("entitlements_for_change", (db) =>
  db
    .select({
      position: sql<number>`wanted.position::int`,
      view: sql<string>`${entitlementViewJson}`,
      tenantId: sql<string>`et.id::text`,
      customerId: sql<string>`et.customer_id::text`,
      viaTenant: sql<boolean>`access."viaTenant"`,
      viaCustomer: sql<boolean>`access."viaCustomer"`,
      primary: sql<boolean>`access."primary"`,
    })
    .from(
      sql`unnest((select ${sql.placeholder("ids")}::uuid[]), (select ${sql.placeholder("users")}::uuid[]))
            with ordinality as wanted(id, user_id, position)
          join entitlements e on e.id = wanted.id
          ${entitlementViewJoins}
          ${assignmentAccessJoin(sql`wanted.user_id`, "et")}`,
    ),
);

async function readBatch(db: Db, batch: ChangeRead[]): Promise<void> {
  try {
    const rows = await entitlementsForChange(db, {
      ids: `{${batch.map((read) => read.id).join(",")}}`,
      users: `{${batch.map((read) => read.userId).join(",")}}`,
    });
    const byPosition = new Map(rows.map((row) => [row.position, row]));
    for (const [index, read] of batch.entries()) read.resolve(byPosition.get(index + 1) ?? null);
  } catch (error) {
    for (const read of batch) read.reject(error);
  }
}

/** The queue of one database handle (a transaction's handle gets its own). */
const changeReadsOf = onePer(
  (db: Db) => new BatchQueue<ChangeRead>({ batches: 2, perBatch: 64, run: (batch) => readBatch(db, batch) }),
);
