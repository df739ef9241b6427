import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { recordStatus } from "../../../test/factories/history-factory.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { countEntitlementsAsOf, listEntitlementsAsOf } from "../entitlements/list-entitlements-as-of.ts";
import { getBlockedOverTimeByL2 } from "./blocked-by-l2-over-time.ts";
import { getBlockedByL2Service } from "./blocked-by-l2-service.ts";
import { comparePortfolio } from "./compare-portfolio.ts";
import { getDwellTimes } from "./dwell-times.ts";
import { getL1Flow } from "./l1-flow.ts";

/**
 * A hand-built history (today = 2025-03-10) whose answers are worked out by
 * hand. Tenants A1, A2 (customer Alpha) and B1 (Beta):
 *
 * | E1 A1 exchange | 01-05 In Progress 100; 01-20 Blocked CIT 100 (Ana); 02-14 In Progress 100 |
 * | E2 A1 teams    | 01-10 Status Unknown 50; 02-20 Blocked Adoption 50 (Bo, target 03-31); 03-05 target 04-30 |
 * | E3 A2 exchange | 01-02 Blocked CIT 80 (Ana); 02-25 Blocked Adoption 80 (same spell, new reason) |
 * | E4 B1 exchange | 02-01 Blocked CIT 20 + In Progress 10 |
 * | E5 B1 teams    | 02-03 Blocked CIT 100; 02-08 No Intent 100 |
 */
let database: Database;
let deps: AppDeps;
let partner: Actor;
let engineer: Actor;
const ids: Record<string, string> = {};

const cit = "customer_it_infrastructure_remediation";
const adoption = "adoption_readiness";

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  const alpha = await createCustomer(db, { name: "Alpha" });
  const beta = await createCustomer(db, { name: "Beta" });
  const a1 = (await createTenant(db, { customerId: alpha.id, name: "A1" })).id;
  const a2 = (await createTenant(db, { customerId: alpha.id, name: "A2" })).id;
  const b1 = (await createTenant(db, { customerId: beta.id, name: "B1" })).id;
  const entitlement = async (name: string, tenantId: string, serviceId: string) => {
    ids[name] = (await createEntitlement(db, { tenantId, serviceId })).id;
    return ids[name]!;
  };
  const e1 = await entitlement("E1", a1, "exchange");
  const e2 = await entitlement("E2", a1, "teams");
  const e3 = await entitlement("E3", a2, "exchange");
  const e4 = await entitlement("E4", b1, "exchange");
  const e5 = await entitlement("E5", b1, "teams");
  await recordStatus(db, e3, "2025-01-02T09:00:00.000Z", [
    { seats: 80, l1: "blocked", l2: cit, owner: "Ana" },
  ]);
  await recordStatus(db, e1, "2025-01-05T10:00:00.000Z", [{ seats: 100, l1: "in_progress" }]);
  await recordStatus(db, e2, "2025-01-10T08:00:00.000Z", [{ seats: 50, l1: "status_unknown" }]);
  await recordStatus(db, e1, "2025-01-20T09:00:00.000Z", [
    { seats: 100, l1: "blocked", l2: cit, owner: "Ana", targetDate: "2025-02-28" },
  ]);
  await recordStatus(db, e4, "2025-02-01T12:00:00.000Z", [
    { seats: 20, l1: "blocked", l2: cit, splitReason: "geography" },
    { seats: 10, l1: "in_progress", splitReason: "geography" },
  ]);
  await recordStatus(db, e5, "2025-02-03T12:00:00.000Z", [{ seats: 100, l1: "blocked", l2: cit }]);
  await recordStatus(db, e5, "2025-02-08T12:00:00.000Z", [{ seats: 100, l1: "no_intent" }]);
  await recordStatus(db, e1, "2025-02-14T12:00:00.000Z", [{ seats: 100, l1: "in_progress" }]);
  const e2Blocked = { seats: 50, l1: "blocked", l2: adoption, owner: "Bo" };
  await recordStatus(db, e2, "2025-02-20T15:00:00.000Z", [{ ...e2Blocked, targetDate: "2025-03-31" }]);
  await recordStatus(db, e3, "2025-02-25T10:00:00.000Z", [
    { seats: 80, l1: "blocked", l2: adoption, owner: "Ana" },
  ]);
  await recordStatus(db, e2, "2025-03-05T11:00:00.000Z", [{ ...e2Blocked, targetDate: "2025-04-30" }]);

  partner = await createUser(db, { role: "partner" });
  await assign(db, partner.id, { customerId: beta.id });
  engineer = await createUser(db, { role: "engineering" });
});
afterAll(() => database.close());

const nameOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0];

async function listAsOf(actor: Actor, filter: Record<string, string>) {
  const page = await listEntitlementsAsOf(deps, actor, { sort: "customer", limit: 50, ...filter });
  return page.items.map((text) => JSON.parse(text) as EntitlementView);
}

describe("the portfolio as of a day", () => {
  it("shows the earlier state on a day between two changes", async () => {
    // 02-10 falls between E1's change to Blocked (01-20) and back to In Progress (02-14).
    const views = await listAsOf(systemActor, { asOf: "2025-02-10" });
    expect(
      views.map((view) => [nameOf(view.id), view.segments.map((s) => `${s.l1} ${s.seats}`).join(", ")]),
    ).toEqual([
      ["E1", "blocked 100"],
      ["E2", "status_unknown 50"],
      ["E3", "blocked 80"],
      ["E4", "blocked 20, in_progress 10"],
      ["E5", "no_intent 100"],
    ]);
    const e1 = views[0]!;
    expect(e1).toMatchObject({ blockedSeats: 100, version: 3, updatedAt: "2025-01-20T09:00:00.000Z" });
    // Today's list has E1 In Progress again.
    const today = await listAsOf(systemActor, { asOf: "2025-03-10" });
    expect(today.find((view) => view.id === ids.E1)?.segments[0]?.l1).toBe("in_progress");
  });

  it("filters on the status of then and counts the same rows", async () => {
    const blocked = await listAsOf(systemActor, { asOf: "2025-02-10", l1: "blocked" });
    expect(blocked.map((view) => nameOf(view.id))).toEqual(["E1", "E3", "E4"]);
    await expect(
      countEntitlementsAsOf(deps, systemActor, { asOf: "2025-02-10", l1: "blocked" }),
    ).resolves.toEqual({
      count: 3,
      exact: true,
    });
    // Before any recorded status there is nothing to show.
    expect(await listAsOf(systemActor, { asOf: "2024-12-31" })).toEqual([]);
  });

  it("keeps a partner to its tenants, and refuses what history does not keep", async () => {
    const views = await listAsOf(partner, { asOf: "2025-02-05" });
    expect(views.map((view) => nameOf(view.id))).toEqual(["E4", "E5"]);
    expect(views[1]?.segments[0]?.l1).toBe("blocked");
    await expect(
      listEntitlementsAsOf(deps, systemActor, { asOf: "2025-02-10", usageShareMin: 10 }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [{ field: "usageShareMin", code: "not_kept_in_history" }],
    });
    await expect(listEntitlementsAsOf(deps, systemActor, { asOf: "2025-03-11" })).rejects.toMatchObject({
      violations: [{ field: "asOf", code: "date_in_future" }],
    });
    await expect(listEntitlementsAsOf(deps, engineer, { asOf: "2025-02-10" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("reports Blocked seats as they stood, from the history", async () => {
    const { items } = await getBlockedByL2Service(deps, systemActor, { asOf: "2025-02-10" });
    expect(items.map((row) => [row.l2, row.serviceId, row.seats, row.tenants])).toEqual([
      [cit, "exchange", 200, 3],
    ]);
    const { items: now } = await getBlockedByL2Service(deps, systemActor);
    expect(now.map((row) => [row.l2, row.serviceId, row.seats])).toEqual([
      [adoption, "exchange", 80],
      [adoption, "teams", 50],
      [cit, "exchange", 20],
    ]);
    const { items: beta } = await getBlockedByL2Service(deps, partner, { asOf: "2025-02-05" });
    expect(beta.map((row) => [row.l2, row.serviceId, row.seats])).toEqual([
      [cit, "teams", 100],
      [cit, "exchange", 20],
    ]);
  });
});

describe(comparePortfolio.name, () => {
  it("lists seats newly Blocked, unblocked, moved between L2s, by owner and service", async () => {
    const answer = await comparePortfolio(deps, systemActor, { from: "2025-02-10", to: "2025-03-10" });
    expect(answer.totals).toEqual({
      newlyBlockedSeats: 50,
      unblockedSeats: 100,
      movedSeats: 80,
      targetsMoved: 0,
      entitlements: 3,
    });
    const lines = answer.groups.flatMap((group) =>
      group.changes.map((change) => [
        group.owner,
        group.serviceId,
        change.kind,
        nameOf(change.entitlementId),
        change.seats,
        change.fromL1,
        change.toL1,
      ]),
    );
    expect(lines).toEqual([
      ["Ana", "exchange", "unblocked", "E1", 100, "blocked", "in_progress"],
      ["Ana", "exchange", "moved_l2", "E3", 80, "blocked", "blocked"],
      ["Bo", "teams", "newly_blocked", "E2", 50, "status_unknown", "blocked"],
    ]);
    expect(answer.groups[0]?.changes[1]).toMatchObject({
      fromL2: cit,
      toL2: adoption,
      toL2Name: "Adoption Readiness",
    });
  });

  it("lists a moved target date, keeps a partner to its tenants and refuses Engineering", async () => {
    const moved = await comparePortfolio(deps, systemActor, { from: "2025-03-01", to: "2025-03-10" });
    expect(moved.groups.flatMap((group) => group.changes)).toEqual([
      expect.objectContaining({
        kind: "target_moved",
        seats: 50,
        fromTargetDate: "2025-03-31",
        toTargetDate: "2025-04-30",
      }),
    ]);
    // Beta's two entitlements had no status at the end of 01-31: both became Blocked by 02-05.
    const beta = await comparePortfolio(deps, partner, { from: "2025-01-31", to: "2025-02-05" });
    expect(
      beta.groups.flatMap((group) =>
        group.changes.map((change) => [
          nameOf(change.entitlementId),
          change.kind,
          change.fromL1,
          change.seats,
        ]),
      ),
    ).toEqual([
      ["E4", "newly_blocked", null, 20],
      ["E5", "newly_blocked", null, 100],
    ]);
    const unblocked = await comparePortfolio(deps, partner, { from: "2025-02-05", to: "2025-02-10" });
    expect(unblocked.groups.flatMap((group) => group.changes)).toEqual([
      expect.objectContaining({ kind: "unblocked", seats: 100, toL1: "no_intent", toL1Name: "No Intent" }),
    ]);
    await expect(
      comparePortfolio(deps, engineer, { from: "2025-02-01", to: "2025-02-10" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      comparePortfolio(deps, systemActor, { from: "2025-03-10", to: "2025-02-01" }),
    ).rejects.toMatchObject({
      violations: [{ field: "from", code: "from_not_before_to" }],
    });
  });
});

describe(getDwellTimes.name, () => {
  const window = { from: "2025-01-01", to: "2025-03-10" };

  it("gives median and 90th percentile days per L2 on known spells", async () => {
    const answer = await getDwellTimes(deps, systemActor, window);
    const byL2 = new Map(answer.items.map((row) => [row.l2, row]));
    // CIT: E1 100 seats unblocked after 25 days, E5 100 after 5; E4 20 still Blocked, 37 days.
    expect(byL2.get(cit)).toMatchObject({
      blockedSeats: 20,
      daysBlockedMedian: 37,
      daysBlockedP90: 37,
      unblockedSeats: 200,
      daysToUnblockMedian: 5,
      daysToUnblockP90: 25,
      startedSeats: 220,
      tenants: 2,
    });
    // Survival: day 5, 100 of 220 leave; day 25, 100 of the 120 left: 20/220 still Blocked after 30 days.
    expect(byL2.get(cit)?.stillBlockedAfter30).toBeCloseTo(20 / 220);
    expect(byL2.get(cit)?.stillBlockedAfter90).toBeNull();
    // Adoption: E2 50 seats 18 days, E3 80 seats 67 days (its spell began under CIT on 01-02).
    expect(byL2.get(adoption)).toMatchObject({
      blockedSeats: 130,
      daysBlockedMedian: 67,
      unblockedSeats: 0,
      daysToUnblockMedian: null,
      stillBlockedAfter30: 1,
    });
  });

  it("withholds every cell of fewer than 5 tenants from Engineering", async () => {
    const answer = await getDwellTimes(deps, engineer, window);
    expect(answer.items).toEqual([]);
    expect(answer.curve).toEqual([]);
    expect(answer.suppressedCells).toBe(3);
  });
});

describe("flow and Blocked per L2 over time", () => {
  it("moves each seat once from its L1 before the window to its L1 at the end", async () => {
    const { items } = await getL1Flow(deps, systemActor, { from: "2025-02-10", to: "2025-03-10" });
    expect(items.map((row) => [row.fromL1, row.toL1, row.seats, row.tenants])).toEqual([
      ["status_unknown", "blocked", 50, 1],
      ["in_progress", "in_progress", 10, 1],
      ["no_intent", "no_intent", 100, 1],
      ["blocked", "in_progress", 100, 1],
      ["blocked", "blocked", 100, 2],
    ]);
    const hidden = await getL1Flow(deps, engineer, { from: "2025-02-10", to: "2025-03-10" });
    expect(hidden).toMatchObject({ items: [], suppressedCells: 5 });
  });

  it("stacks Blocked seats per L2 week by week", async () => {
    const { items } = await getBlockedOverTimeByL2(deps, systemActor, { weeks: 4 });
    expect(items.map((row) => [row.weekStart, row.l2, row.seats, row.tenants])).toEqual([
      ["2025-02-17", adoption, 50, 1],
      ["2025-02-17", cit, 100, 2],
      ["2025-02-24", adoption, 130, 2],
      ["2025-02-24", cit, 20, 1],
      ["2025-03-03", adoption, 130, 2],
      ["2025-03-03", cit, 20, 1],
      ["2025-03-10", adoption, 130, 2],
      ["2025-03-10", cit, 20, 1],
    ]);
  });
});
