import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { runMigrations } from "../migrate.ts";
import { loadPortfolio } from "../repositories/portfolio-repository.ts";
import { finishDeferredIndexes } from "./deferred-indexes.ts";

const tables = [
  "customers",
  "tenants",
  "entitlements",
  "status_segments",
  "status_history",
  "assignments",
  "note_search",
];

describe(finishDeferredIndexes.name, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Every index of the portfolio tables, by name, with its definition. */
  const indexes = async () => {
    const { rows } = await database.execute(
      `select indexname, indexdef from pg_indexes
        where schemaname = current_schema() and tablename = any($1) order by indexname`,
      [tables],
    );
    return Object.fromEntries(rows.map((row) => [String(row.indexname), String(row.indexdef)]));
  };
  const owed = async () =>
    (await database.execute("select name from deferred_indexes order by name")).rows.map((row) =>
      String(row.name),
    );
  /** Drops an index and records it as owed, as a load that stopped after its commit leaves it. */
  const leaveOwed = async (name: string, definition: string, table: string) => {
    await database.execute(`drop index ${name}`);
    await database.execute(
      "insert into deferred_indexes (name, table_name, definition) values ($1, $2, $3)",
      [name, table, definition],
    );
  };

  it("builds every index a load deferred again, exactly as it was, and owes none afterwards", async () => {
    const before = await indexes();
    expect(before.note_search_notes_trgm_idx).toMatch(/gin \(notes gin_trgm_ops\)/);
    const batches = generatedPortfolio({ tenants: 30, seed: 5, today: "2025-03-10" });
    await loadPortfolio(database, batches, { trustedIds: true, deferIndexes: true });
    expect(await indexes()).toEqual(before);
    expect(await owed()).toEqual([]);
    const { rows } = await database.execute("select count(*)::int as n from entitlements");
    expect(rows[0]!.n).toBeGreaterThan(100);
    // The load filled the notes' search table, one row per entitlement with a note matching, and its
    // trigram index holds them.
    const count = async (text: string) => (await database.execute(text)).rows[0]!.n;
    const found = await count("select count(*)::int as n from note_search where notes ilike '%onboarding%'");
    expect(found).toBeGreaterThan(0);
    expect(found).toBe(
      await count(
        "select count(distinct entitlement_id)::int as n from status_segments where note ilike '%onboarding%'",
      ),
    );
    expect(await count("select count(*)::int as n from note_search_pending")).toBe(0);
  });

  it("builds at the next start the indexes an interrupted load still owes", async () => {
    const before = await indexes();
    await leaveOwed("note_search_notes_trgm_idx", before.note_search_notes_trgm_idx!, "note_search");
    await leaveOwed("entitlements_updated_idx", before.entitlements_updated_idx!, "entitlements");
    expect(await owed()).toEqual(["entitlements_updated_idx", "note_search_notes_trgm_idx"]);
    await runMigrations(database);
    expect(await indexes()).toEqual(before);
    expect(await owed()).toEqual([]);
  });

  it("strikes off an owed index that a later migration has created already, keeping the migration's", async () => {
    const before = await indexes();
    await leaveOwed("entitlements_updated_idx", before.entitlements_updated_idx!, "entitlements");
    await database.execute("create index entitlements_updated_idx on entitlements (updated_at)");
    await finishDeferredIndexes(database);
    expect(await owed()).toEqual([]);
    expect((await indexes()).entitlements_updated_idx).toMatch(/btree \(updated_at\)$/);
    await database.execute("drop index entitlements_updated_idx");
    await database.execute(before.entitlements_updated_idx!);
  });

  it("builds each index once when two finish at the same time", async () => {
    const before = await indexes();
    const owedOn = {
      status_history_at_idx: "status_history",
      status_segments_l1_l2_idx: "status_segments",
      entitlements_updated_idx: "entitlements",
    };
    const names = Object.keys(owedOn);
    for (const [name, table] of Object.entries(owedOn)) await leaveOwed(name, before[name]!, table);
    const built: string[] = [];
    const counts = await Promise.all([
      finishDeferredIndexes(database, { lanes: 2, onIndex: (name) => built.push(name) }),
      finishDeferredIndexes(database, { lanes: 2, onIndex: (name) => built.push(name) }),
    ]);
    expect(counts[0]! + counts[1]!).toBe(3);
    expect(built.sort()).toEqual([...names].sort());
    expect(await indexes()).toEqual(before);
  });

  it("keeps owing an index whose build fails, builds the others, then reports the failure", async () => {
    const before = await indexes();
    await leaveOwed("entitlements_updated_idx", before.entitlements_updated_idx!, "entitlements");
    await database.execute(
      "insert into deferred_indexes (name, table_name, definition) values ('broken_idx', 'entitlements', 'CREATE INDEX broken_idx ON public.entitlements USING btree (no_such_column)')",
    );
    const error = await finishDeferredIndexes(database).catch((reason: unknown) => reason);
    expect(String(error)).toMatch(/no_such_column/);
    expect(await owed()).toEqual(["broken_idx"]);
    expect(await indexes()).toEqual(before);
    await database.execute("delete from deferred_indexes");
  });
});
