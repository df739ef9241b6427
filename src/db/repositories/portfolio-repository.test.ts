import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { AppError } from "../../domain/app-error.ts";
import type { Database } from "../client.ts";
import { erasePortfolio, loadPortfolio } from "./portfolio-repository.ts";

const loaded = ["customers", "tenants", "entitlements", "status_segments", "status_history"];

describe(loadPortfolio.name, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const batches = () => generatedPortfolio({ tenants: 30, seed: 5, today: "2025-03-10" });

  /** Pages and pages marked visible to all, per table (pg_class, as the load's ANALYZE left it). */
  const visibility = async () => {
    const { rows } = await database.execute(
      "select relname, relpages, relallvisible from pg_class where relname = any($1) order by relname",
      [loaded],
    );
    return Object.fromEntries(
      rows.map((row) => [
        String(row.relname),
        { pages: Number(row.relpages), visible: Number(row.relallvisible) },
      ]),
    );
  };
  const count = async (table: string) =>
    Number((await database.execute(`select count(*)::int as n from ${table}`)).rows[0]!.n);

  it("with freeze, leaves the pages of the loaded tables marked visible to all, without a vacuum", async () => {
    // Without it (the control), the same load leaves no page marked.
    await loadPortfolio(database, batches(), { trustedIds: true, deferIndexes: true });
    const plain = await visibility();
    expect(plain.entitlements!.pages).toBeGreaterThan(0);
    expect(plain.entitlements!.visible).toBe(0);

    await erasePortfolio(database.db);
    await loadPortfolio(database, batches(), { trustedIds: true, deferIndexes: true, freeze: true });
    const frozen = await visibility();
    for (const table of loaded) {
      expect(frozen[table]!.pages, table).toBeGreaterThan(0);
      // Not every page: one that a COPY began where the last one stopped stays unmarked (its rows are
      // frozen all the same, so no reader rewrites it).
      expect(frozen[table]!.visible, table).toBeGreaterThan(frozen[table]!.pages / 2);
    }
  });

  it("leaves the history facts as row-by-row triggers make them, and erases them with the portfolio", async () => {
    const facts = async () =>
      (
        await database.execute(`
          select (select stale from history_fact_state where name = 'facts') as stale,
                 (select count(*)::int from blocked_spell_pieces) as pieces,
                 (select md5(coalesce(string_agg(c::text, ';' order by c::text), '')) from blocked_day_cells c) as cells,
                 (select md5(coalesce(string_agg(h::text, ';' order by h::text), '')) from blocked_day_holders h) as holders`)
      ).rows[0];
    await erasePortfolio(database.db);
    expect((await facts())!.pieces).toBe(0);
    await loadPortfolio(database, batches(), { trustedIds: true, deferIndexes: false });
    const rowByRow = await facts();
    expect(rowByRow!.pieces).toBeGreaterThan(0);
    await erasePortfolio(database.db);
    await loadPortfolio(database, batches(), { trustedIds: true, deferIndexes: true });
    expect(await facts()).toEqual(rowByRow);
  });

  it("refuses to freeze a load into tables that hold rows, and changes nothing", async () => {
    const before = await count("entitlements");
    expect(before).toBeGreaterThan(100);
    const error = await loadPortfolio(database, batches(), {
      trustedIds: true,
      deferIndexes: true,
      freeze: true,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect(await count("entitlements")).toBe(before);
    expect((await database.execute("select count(*)::int as n from deferred_indexes")).rows[0]!.n).toBe(0);
  });
});
