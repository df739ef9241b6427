import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/**
 * The segment UPDATE trigger leaves the entitlements' summaries to a caller
 * that says it writes them (migration 0035: a playbook remap's batch sets
 * `unblock.segment_summaries = 'caller'`), and keeps the report cells either
 * way. Every other update, and that setting outside its transaction, gets the
 * summaries recomputed as before.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const blocked = (l2: string) => [{ seats: 10, l1: "blocked", scenarioId: "blocked_delivery", l2 }];

async function summaryAndCells(db: Db, id: string) {
  const [row] = await rowsOf<{ keys: string[]; cells: string[] }>(
    db,
    sql`select e.blocked_keys as "keys",
          array(select c.report || ':' || c.k1 || ':' || c.k2 || '=' || sum(c.seats)
                  from (select report, service_id, k1, k2, seats from report_cells
                        union all select report, service_id, k1, k2, seats from report_cell_deltas) c
                 where c.service_id = e.service_id
                 group by c.report, c.k1, c.k2 having sum(c.seats) <> 0 order by 1) as "cells"
        from entitlements e where e.id = ${id}::uuid`,
  );
  return row!;
}

const rebuildCells = (db: Db) =>
  db.execute(
    sql`select unblock_rebuild_report_cells((select as_of from report_state where name = 'aging'), false)`,
  );

const moveTo = (db: Db, id: string, l2: string) =>
  db.execute(sql`update status_segments set l2 = ${l2} where entitlement_id = ${id}::uuid`);

describe("the segment summaries trigger", () => {
  it("recomputes an entitlement's summaries when a segment's L2 moves", async () => {
    const { id } = await createEntitlement(database.db, {
      serviceId: "teams",
      segments: blocked("legal_regulatory"),
    });
    await moveTo(database.db, id, "service_reliability");
    expect((await summaryAndCells(database.db, id)).keys).toEqual(["teams/service_reliability"]);
  });

  it("leaves them to a caller that says so, in its transaction only, and keeps the report cells", async () => {
    const { id } = await createEntitlement(database.db, {
      serviceId: "exchange",
      segments: blocked("legal_regulatory"),
    });
    await rebuildCells(database.db);
    await database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await tx.execute(sql`set local unblock.segment_summaries = 'caller'`);
      await moveTo(tx, id, "service_reliability");
    });
    const skipped = await summaryAndCells(database.db, id);
    expect(skipped.keys).toEqual(["exchange/legal_regulatory"]);
    expect(skipped.cells.some((cell) => cell.includes("service_reliability"))).toBe(true);
    expect(skipped.cells.some((cell) => cell.includes("legal_regulatory"))).toBe(false);
    await rebuildCells(database.db);
    expect((await summaryAndCells(database.db, id)).cells).toEqual(skipped.cells);
    await moveTo(database.db, id, "legal_regulatory");
    expect((await summaryAndCells(database.db, id)).keys).toEqual(["exchange/legal_regulatory"]);
    await moveTo(database.db, id, "service_reliability");
    expect((await summaryAndCells(database.db, id)).keys).toEqual(["exchange/service_reliability"]);
  });
});
