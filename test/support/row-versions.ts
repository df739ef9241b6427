import type { Database } from "../../src/db/client.ts";

/**
 * Changes `rows` entitlements (all without a limit), leaving as many dead row
 * versions, counted at once by the statistics.
 */
export async function changeEntitlements(database: Database, rows?: number): Promise<void> {
  const which =
    rows === undefined ? "" : ` where id in (select id from entitlements order by id limit ${rows})`;
  await database.db.transaction(async (tx) => {
    await tx.execute(`update entitlements set version = version + 1${which}`);
    // The statistics of a transaction reach the counters within a second; this one, at its commit.
    await tx.execute("select pg_stat_force_next_flush()");
  });
}

export async function deadEntitlementRows(database: Database): Promise<number> {
  const { rows } = await database.execute(
    "select n_dead_tup::int as dead from pg_stat_user_tables where relname = 'entitlements'",
  );
  return Number(rows[0]!.dead);
}
