import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedSegment as blocked, recordStatus } from "../../../test/factories/history-factory.ts";
import { createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";

/**
 * A history row that keeps its entitlement's Blocked segments and playbook
 * version (a note or next action edited) changes none of the history facts,
 * and the trigger skips it (drizzle/0034); every other row still goes through
 * unblock_record_history_facts. Either way the facts stay what a rebuild from
 * the whole history gives.
 */
let database: TestDatabase;
let e1: string;
let e2: string;
let e3: string;

const v1 = { playbookVersion: "1.0.0" };

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const made = async () => (await createEntitlement(db, { tenantId: (await createTenant(db)).id })).id;
  [e1, e2, e3] = [await made(), await made(), await made()];
  await recordStatus(db, e1, "2025-01-10T09:00:00.000Z", [blocked(40, "service_reliability")], v1);
  await recordStatus(
    db,
    e2,
    "2025-01-12T09:00:00.000Z",
    [blocked(20, "legal_regulatory", { l3: "other" }), { seats: 10, l1: "in_progress" }],
    v1,
  );
  await recordStatus(db, e3, "2025-01-15T09:00:00.000Z", [{ seats: 30, l1: "status_unknown" }], v1);
});
afterAll(async () => {
  await database.close();
});

async function rows(query: SQL): Promise<unknown[]> {
  return ((await database.db.execute(query)) as unknown as { rows: unknown[] }).rows;
}

/** The facts as their readers sum them: appended deltas folded, zero sums left out. */
async function facts() {
  return {
    cells: await rows(sql`select day::text, service_id, version, l2, l3, sum(seats)::int as seats,
        sum(segments)::int as segments from blocked_day_cells group by 1, 2, 3, 4, 5
        having sum(seats) <> 0 or sum(segments) <> 0 order by 1, 2, 3, 4, 5`),
    holders: await rows(sql`select day::text, service_id, version, pairs::text, sum(holders)::int as holders
        from blocked_day_holders group by 1, 2, 3, 4 having sum(holders) <> 0 order by 1, 2, 3, 4`),
    pieces:
      await rows(sql`select entitlement_id::text, service_id, l2, l3, since::text, ended_on::text, seats, version
        from blocked_spell_pieces order by 1, 5, 6, 3, 4, 7, 8`),
    seats: await rows(sql`select version, l2, l3, since::text, ended_on::text, sum(seats)::int as seats
        from blocked_dwell_seats group by 1, 2, 3, 4, 5 having sum(seats) <> 0 order by 1, 2, 3, 4, 5`),
    serviceSeats: await rows(sql`select service_id, since::text, ended_on::text, sum(seats)::int as seats
        from blocked_dwell_service_seats group by 1, 2, 3 having sum(seats) <> 0 order by 1, 2, 3`),
  };
}

/** Rows in the tables the trigger appends to: unchanged when it wrote nothing. */
async function appended() {
  return rows(sql`select (select count(*)::int from blocked_day_cells) as cells,
      (select count(*)::int from blocked_day_holders) as holders,
      (select count(*)::int from blocked_dwell_seats) as seats,
      (select count(*)::int from blocked_dwell_dirty) as dirty`);
}

async function expectAsRebuilt() {
  const kept = await facts();
  await database.db.execute(sql`select unblock_rebuild_history_facts()`);
  expect(kept).toEqual(await facts());
}

const snapshot = (segments: Record<string, unknown>[], l1Since: string) =>
  JSON.stringify({
    stage: "assignment",
    availableSeats: 40,
    segments: segments.map((segment) => ({ ...segment, l1Since })),
  });

describe("history facts of rows that keep the Blocked segments", () => {
  it("are not written again for a note edit, and equal the rebuild", async () => {
    const db = database.db;
    const before = await appended();
    const note = { note: "Asked the customer again." };
    await recordStatus(db, e1, "2025-02-01T09:00:00.000Z", [blocked(40, "service_reliability", note)], v1);
    await recordStatus(
      db,
      e2,
      "2025-02-01T10:00:00.000Z",
      [blocked(20, "legal_regulatory", { l3: "other", ...note }), { seats: 10, l1: "in_progress", ...note }],
      v1,
    );
    // No Blocked seats before or after: nothing to record, whatever the version.
    await recordStatus(db, e3, "2025-02-01T11:00:00.000Z", [{ seats: 30, l1: "status_unknown", ...note }], {
      playbookVersion: "1.1.0",
    });
    expect(await appended()).toEqual(before);
    await expectAsRebuilt();
  });

  it("follow a new version, fewer seats, a row written into the past and two rows in one statement", async () => {
    const db = database.db;
    const before = await appended();
    // The same segments under another playbook version: the cells move to that version.
    await recordStatus(db, e1, "2025-02-10T09:00:00.000Z", [blocked(40, "service_reliability")], {
      playbookVersion: "1.1.0",
    });
    expect(await appended()).not.toEqual(before);
    await expectAsRebuilt();
    await recordStatus(
      db,
      e2,
      "2025-02-11T09:00:00.000Z",
      [blocked(15, "legal_regulatory", { l3: "other" }), { seats: 15, l1: "in_progress" }],
      v1,
    );
    await expectAsRebuilt();
    // Between e1's rows, equal to the row before it: the rows after it are counted again.
    const l1Since = "2025-01-10T09:00:00.000Z";
    await db.execute(sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version,
        version_after, before, after)
      values (${e1}::uuid, '2025-01-20T09:00:00Z', 'admin', 'cli', '1.0.0', 9, '{}'::jsonb,
        ${snapshot([blocked(40, "service_reliability")], l1Since)}::jsonb)`);
    await expectAsRebuilt();
    // Two rows of one entitlement in one statement, both keeping e1's latest Blocked segments.
    await db.execute(sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version,
        version_after, before, after)
      values (${e1}::uuid, '2025-02-20T09:00:00Z', 'admin', 'cli', '1.1.0', 10, '{}'::jsonb,
          ${snapshot([blocked(40, "service_reliability")], l1Since)}::jsonb),
        (${e1}::uuid, '2025-02-21T09:00:00Z', 'admin', 'cli', '1.1.0', 11, '{}'::jsonb,
          ${snapshot([blocked(25, "service_reliability")], l1Since)}::jsonb)`);
    await expectAsRebuilt();
    expect((await facts()).pieces.length).toBeGreaterThan(2);
  });
});
