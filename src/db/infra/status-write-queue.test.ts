import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { storedSegment } from "../../../test/factories/status-factory.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { findEntitlementView, lockedOf, type StatusWrite } from "../repositories/entitlement-repository.ts";
import { entitlements, statusHistory, statusSegments } from "../schema.ts";
import { rowsOf } from "./raw-rows.ts";
import { StatusWriteQueue } from "./status-write-queue.ts";

const deploying = storedSegment({
  l1: "in_progress",
  scenarioId: "in_progress_delivery",
  serviceStatus: "migrate",
  engagementScenario: "customer_led",
  targetDate: "2025-06-30",
  note: "Deploying; at wave two of four.",
});

describe(StatusWriteQueue.name, () => {
  let database: Database;
  let actorId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    actorId = (await createUser(database.db, { role: "delivery_fm" })).id;
  });
  afterAll(() => database.close());

  async function entitlementsInProgress(count: number): Promise<string[]> {
    const made = await Promise.all(
      Array.from({ length: count }, () =>
        createEntitlement(database.db, {
          stage: "delivery",
          availableSeats: 1000,
          segments: [{ ...deploying, l1Since: "2024-11-02T09:00:00.000Z" }],
        }),
      ),
    );
    return made.map((row) => row.id);
  }

  async function noteChange(id: string, note: string, actor = actorId): Promise<StatusWrite> {
    const view = await findEntitlementView(database.db, id);
    return {
      locked: lockedOf(view!),
      stage: "delivery",
      segments: [{ ...deploying, note }],
      actor: { id: actor, role: "delivery_fm" },
      source: "api",
      requestId: null,
      playbookVersion: "1.0.0",
      now: new Date("2025-03-11T10:00:00.000Z"),
    };
  }

  async function notesOf(ids: string[]): Promise<string[]> {
    const rows = await database.db
      .select({ id: statusSegments.entitlementId, note: statusSegments.note })
      .from(statusSegments)
      .where(inArray(statusSegments.entitlementId, ids));
    return ids.map((id) => rows.find((row) => row.id === id)?.note ?? "");
  }

  async function historyCount(ids: string[]): Promise<number> {
    const rows = await database.db
      .select({ id: statusHistory.id })
      .from(statusHistory)
      .where(inArray(statusHistory.entitlementId, ids));
    return rows.length;
  }

  it("writes changes that arrive together in one transaction, each with its own history row", async () => {
    const ids = await entitlementsInProgress(5);
    const writes = await Promise.all(ids.map((id, n) => noteChange(id, `Deploying; wave ${n} done.`)));
    const queue = new StatusWriteQueue(database.db);

    const written = await Promise.all(writes.map((write) => queue.write(write)));

    expect(written).toEqual([true, true, true, true, true]);
    expect(await notesOf(ids)).toEqual(ids.map((_, n) => `Deploying; wave ${n} done.`));
    expect(await historyCount(ids)).toBe(5);
    // xmin is the transaction that wrote a row version: one for all five means one statement, one commit.
    const versions = await rowsOf<{ xmin: string; version: number }>(
      database.db,
      sql`select xmin::text as xmin, version from ${entitlements} where id in ${ids}`,
    );
    expect(new Set(versions.map((row) => row.xmin)).size).toBe(1);
    expect(versions.map((row) => row.version)).toEqual([2, 2, 2, 2, 2]);
  });

  it("lands a batch's current writes and refuses only the one judged against an old version", async () => {
    const ids = await entitlementsInProgress(3);
    const stale = await noteChange(ids[1]!, "Judged against version 1.");
    const queue = new StatusWriteQueue(database.db);
    expect(await queue.write(await noteChange(ids[1]!, "Someone else's change."))).toBe(true);

    const writes = [await noteChange(ids[0]!, "First."), stale, await noteChange(ids[2]!, "Third.")];

    // Queued in one turn of the event loop: one batch.
    const written = await Promise.all(writes.map((write) => queue.write(write)));

    expect(written).toEqual([true, false, true]);
    expect(await notesOf(ids)).toEqual(["First.", "Someone else's change.", "Third."]);
    expect(await historyCount([ids[1]!])).toBe(1);
  });

  it("writes two changes of one entitlement in turn, so the second is seen to be stale", async () => {
    const [id] = await entitlementsInProgress(1);
    const first = await noteChange(id!, "First.");
    const second = await noteChange(id!, "Second, judged against the same version.");
    const queue = new StatusWriteQueue(database.db);

    const written = await Promise.all([queue.write(first), queue.write(second)]);

    expect(written).toEqual([true, false]);
    expect(await notesOf([id!])).toEqual(["First."]);
    expect(await historyCount([id!])).toBe(1);
  });

  it("fails only the write that breaks a constraint, and lands the rest of its batch", async () => {
    const ids = await entitlementsInProgress(3);
    const queue = new StatusWriteQueue(database.db);
    // No such user: the history row's actor breaks its foreign key, which fails the whole statement.
    const unknownActor = "00000000-0000-4000-8000-000000000000";

    const writes = [
      await noteChange(ids[0]!, "First."),
      await noteChange(ids[1]!, "By nobody.", unknownActor),
      await noteChange(ids[2]!, "Third."),
    ];

    const outcomes = await Promise.allSettled(writes.map((write) => queue.write(write)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await notesOf(ids)).toEqual(["First.", deploying.note, "Third."]);
    expect(await historyCount(ids)).toBe(2);
  });
});
