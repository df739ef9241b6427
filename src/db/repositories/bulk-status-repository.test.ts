import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { Database, Db } from "../client.ts";
import { entitlements, statusHistory, statusSegments } from "../schema.ts";
import { applyStatuses } from "./bulk-status-repository.ts";
import { applyStatus, findEntitlementView, lockedOf, type StatusWrite } from "./entitlement-repository.ts";

const blocked: StatusSegment = {
  seats: 300,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2: "partner_engagement",
  l3: null,
  serviceStatus: null,
  engagementScenario: "customer_led",
  targetDate: "2025-06-30",
  owner: "Account Team",
  note: "Blocked: the partner has no engineer free; clears when one is assigned.",
  nextActionDate: null,
  nextAction: "Escalate to the partner manager",
  splitReason: "geography",
};
const inProgress: StatusSegment = {
  ...blocked,
  seats: 700,
  l1: "in_progress",
  scenarioId: "in_progress_delivery",
  l2: null,
  serviceStatus: "migrate",
  owner: null,
  note: "Deploying; at wave two of four.",
  nextAction: null,
};

describe(applyStatuses.name, () => {
  let database: Database;
  let actorId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    actorId = (await createUser(database.db, { role: "delivery_fm" })).id;
  });
  afterAll(() => database.close());

  /** The stored outcome of a write, without row ids. */
  async function outcome(id: string) {
    const db = database.db;
    const [entitlement] = await db.select().from(entitlements).where(eq(entitlements.id, id));
    const segments = await db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, id))
      .orderBy(statusSegments.position);
    const history = await db.select().from(statusHistory).where(eq(statusHistory.entitlementId, id));
    return {
      entitlement: { ...entitlement, id: undefined, tenantId: undefined },
      segments: segments.map((segment) => ({ ...segment, id: undefined, entitlementId: undefined })),
      history: history.map((row) => ({ ...row, id: undefined, entitlementId: undefined })),
    };
  }

  it("stores exactly what applyStatus stores, for several entitlements at once", async () => {
    const now = new Date("2025-03-10T10:00:00.000Z");
    const made = await Promise.all(
      [0, 1, 2].map(() =>
        createEntitlement(database.db, {
          stage: "delivery",
          availableSeats: 1000,
          segments: [{ ...inProgress, seats: 1000, splitReason: null, l1Since: "2024-11-02T09:00:00.000Z" }],
        }),
      ),
    );
    const write = (locked: StatusWrite["locked"]): StatusWrite => ({
      locked,
      stage: "delivery",
      availableSeats: 1000,
      segments: [inProgress, blocked],
      actor: { id: actorId, role: "delivery_fm" },
      source: "import",
      requestId: null,
      playbookVersion: "1.0.0",
      now,
    });
    await database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const [one, two, three] = await Promise.all(
        made.map(async (row) => lockedOf((await findEntitlementView(tx, row.id))!)),
      );
      await applyStatus(tx, write(one!));
      await applyStatuses(tx, [write(two!), write(three!)]);
    });
    const single = await outcome(made[0]!.id);
    expect(single.history).toHaveLength(1);
    expect(single.segments.map((s) => [s.l1, s.l1Since.toISOString()])).toEqual([
      ["in_progress", "2024-11-02T09:00:00.000Z"],
      ["blocked", now.toISOString()],
    ]);
    expect(await outcome(made[1]!.id)).toEqual(single);
    expect(await outcome(made[2]!.id)).toEqual(single);
  });

  it("writes nothing for a state read before someone else's change, and says so", async () => {
    const made = await createEntitlement(database.db, {
      stage: "delivery",
      availableSeats: 1000,
      segments: [{ ...inProgress, seats: 1000, splitReason: null, l1Since: "2024-11-02T09:00:00.000Z" }],
    });
    const read = lockedOf((await findEntitlementView(database.db, made.id))!);
    const write = (note: string): StatusWrite => ({
      locked: read,
      stage: "delivery",
      segments: [{ ...inProgress, seats: 1000, splitReason: null, note }],
      actor: { id: actorId, role: "delivery_fm" },
      source: "api",
      requestId: null,
      playbookVersion: "1.0.0",
      now: new Date("2025-03-11T10:00:00.000Z"),
    });
    expect(await applyStatus(database.db, write("Deploying; at wave three of four."))).toBe(read.version + 1);
    const landed = await outcome(made.id);

    // Judged against the same, now stale, version: refused whole.
    expect(await applyStatus(database.db, write("Deploying; wave four started."))).toBeNull();
    expect(await outcome(made.id)).toEqual(landed);
    expect(landed.history).toHaveLength(1);
    expect(landed.segments.map((segment) => segment.note)).toEqual(["Deploying; at wave three of four."]);
  });
});
