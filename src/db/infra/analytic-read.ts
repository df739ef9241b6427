import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "./raw-rows.ts";

/**
 * Runs one analytic statement (a history report reading a whole portfolio's
 * history) with JIT compilation off. Their cost estimates pass PostgreSQL's
 * JIT thresholds, and compiling took about 40% of such a statement at 10,000
 * tenants (4.9 s against 3.0 s on a loaded 2-core machine) for no gain: the
 * time goes to reading JSON, which JIT does not speed up. PGlite has no JIT;
 * the setting is accepted there and changes nothing.
 */
export function analyticRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<Row>(tx as unknown as Db, query);
  });
}
