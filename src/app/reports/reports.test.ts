import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database, Db } from "../../db/client.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getBlockedAging } from "./blocked-aging.ts";
import { getBlockedByL2Service } from "./blocked-by-l2-service.ts";
import { getBlockedByL3 } from "./blocked-by-l3.ts";
import { getOverdueNextActions } from "./overdue-next-actions.ts";
import { getProjectedUnblocks } from "./projected-unblocks.ts";

/**
 * A hand-built portfolio (today = Monday 2025-03-10) where every report
 * number can be worked out by hand:
 *
 * | tenant | service    | segments                                                                    |
 * | A1     | exchange   | Blocked CIT 70 (30 days, target 03-12, next action 03-05), Blocked CIT 30 (30 days) |
 * | A1     | teams      | Blocked Adoption/Other 40 (31 days, target 03-16), In Progress 60 (target 03-12, next action today) |
 * | A2     | exchange   | Blocked CIT 30 (90 days, target 03-17)                                       |
 * | A2     | teams      | Blocked Adoption/Other 10 (120 days, target 2025-12-29)                      |
 * | B1     | exchange   | Blocked Adoption 20 (181 days, target 02-20, next action 03-09)              |
 * | B1     | teams      | Duplicate/Invalid 50 (next action 01-01: excluded everywhere)                |
 * | B1     | sharepoint | No Intent 15 (next action 02-01)                                             |
 */
let database: Database;
let deps: AppDeps;
let customerB = "";

const cit = "customer_it_infrastructure_remediation";
const adoption = "adoption_readiness";

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  const a = await createCustomer(db, { name: "Alpha" });
  const b = await createCustomer(db, { name: "Beta" });
  customerB = b.id;
  const a1 = (await createTenant(db, { customerId: a.id, name: "A1" })).id;
  const a2 = (await createTenant(db, { customerId: a.id, name: "A2" })).id;
  const b1 = (await createTenant(db, { customerId: b.id, name: "B1" })).id;

  await createAlphaEntitlements(db, a1, a2);
  await createBetaEntitlements(db, b1);
});
afterAll(() => database.close());

/** Tenants A1 and A2 of the table above. */
async function createAlphaEntitlements(db: Db, a1: string, a2: string): Promise<void> {
  await createEntitlement(db, {
    tenantId: a1,
    serviceId: "exchange",
    segments: [
      {
        seats: 70,
        l1: "blocked",
        l2: cit,
        l1Since: "2025-02-08T23:30:00.000Z",
        targetDate: "2025-03-12",
        nextActionDate: "2025-03-05",
        owner: "Delivery FM",
        nextAction: "Kickoff Meeting",
      },
      { seats: 30, l1: "blocked", l2: cit, l1Since: "2025-02-08T00:10:00.000Z" },
    ],
  });
  await createEntitlement(db, {
    tenantId: a1,
    serviceId: "teams",
    segments: [
      {
        seats: 40,
        l1: "blocked",
        l2: adoption,
        l3: "other",
        l1Since: "2025-02-07T12:00:00.000Z",
        targetDate: "2025-03-16",
      },
      { seats: 60, l1: "in_progress", targetDate: "2025-03-12", nextActionDate: "2025-03-10" },
    ],
  });
  await createEntitlement(db, {
    tenantId: a2,
    serviceId: "exchange",
    segments: [
      { seats: 30, l1: "blocked", l2: cit, l1Since: "2024-12-10T08:00:00.000Z", targetDate: "2025-03-17" },
    ],
  });
  await createEntitlement(db, {
    tenantId: a2,
    serviceId: "teams",
    segments: [
      {
        seats: 10,
        l1: "blocked",
        l2: adoption,
        l3: "other",
        l1Since: "2024-11-10T08:00:00.000Z",
        targetDate: "2025-12-29",
      },
    ],
  });
}

/** Tenant B1 of the table above. */
async function createBetaEntitlements(db: Db, b1: string): Promise<void> {
  await createEntitlement(db, {
    tenantId: b1,
    serviceId: "exchange",
    segments: [
      {
        seats: 20,
        l1: "blocked",
        l2: adoption,
        l1Since: "2024-09-10T08:00:00.000Z",
        targetDate: "2025-02-20",
        nextActionDate: "2025-03-09",
      },
    ],
  });
  await createEntitlement(db, {
    tenantId: b1,
    serviceId: "teams",
    segments: [
      {
        seats: 50,
        l1: "duplicate_invalid",
        l1Since: "2024-01-01T00:00:00.000Z",
        nextActionDate: "2025-01-01",
      },
    ],
  });
  await createEntitlement(db, {
    tenantId: b1,
    serviceId: "sharepoint",
    segments: [{ seats: 15, l1: "no_intent", l2: "executive_sponsorship", nextActionDate: "2025-02-01" }],
  });
}

describe("blocked-seat totals", () => {
  describe(getBlockedByL2Service.name, () => {
    it("sums Blocked seats per L2 and service and counts distinct tenants", async () => {
      const { items: rows } = await getBlockedByL2Service(deps, systemActor);
      expect(rows.map((r) => [r.l2, r.serviceId, r.seats, r.tenants, r.segments])).toEqual([
        [cit, "exchange", 130, 2, 3],
        [adoption, "teams", 50, 2, 2],
        [adoption, "exchange", 20, 1, 1],
      ]);
      expect(rows[0]).toMatchObject({
        l2Name: "Customer IT Infrastructure and Remediation",
        serviceName: "Exchange",
      });
    });

    it("narrows to one service or one customer", async () => {
      const { items: exchange } = await getBlockedByL2Service(deps, systemActor, { serviceId: "exchange" });
      expect(exchange.map((r) => [r.l2, r.seats])).toEqual([
        [cit, 130],
        [adoption, 20],
      ]);
      const { items: beta } = await getBlockedByL2Service(deps, systemActor, { customerId: customerB });
      expect(beta.map((r) => [r.l2, r.serviceId, r.seats])).toEqual([[adoption, "exchange", 20]]);
    });
  });

  describe(getBlockedByL3.name, () => {
    it("weights each L3 by its seats, L2s without an L3 in their own row", async () => {
      const { items: rows } = await getBlockedByL3(deps, systemActor);
      expect(rows.map((r) => [r.l2, r.l3, r.seats, r.tenants, r.share])).toEqual([
        [cit, null, 130, 2, 130 / 200],
        [adoption, "other", 50, 2, 50 / 200],
        [adoption, null, 20, 1, 20 / 200],
      ]);
      expect(rows[1]?.l3Name).toBe("Other");
    });
  });

  describe(getBlockedAging.name, () => {
    it("puts Blocked seats in day buckets counted from when they became Blocked", async () => {
      const { items: buckets } = await getBlockedAging(deps, systemActor);
      expect(buckets.map((b) => [b.bucket, b.seats, b.tenants, b.segments])).toEqual([
        ["0-30", 100, 1, 2],
        ["31-60", 40, 1, 1],
        ["61-90", 30, 1, 1],
        ["91-180", 10, 1, 1],
        ["180+", 20, 1, 1],
      ]);
    });

    it("ages as of the day asked, and keeps empty buckets", async () => {
      // One day later the 30-day and 90-day seats cross into the next buckets.
      const { items: buckets } = await getBlockedAging(deps, systemActor, { today: "2025-03-11" });
      expect(buckets.map((b) => b.seats)).toEqual([0, 140, 0, 40, 20]);
      const { items: none } = await getBlockedAging(deps, systemActor, { serviceId: "sharepoint" });
      expect(none.map((b) => b.seats)).toEqual([0, 0, 0, 0, 0]);
    });
  });
});

describe("overdue actions and projected unblocks", () => {
  describe(getOverdueNextActions.name, () => {
    it("lists segments whose next action date has passed, oldest first, without Duplicate/Invalid", async () => {
      const { items: rows, nextCursor } = await getOverdueNextActions(deps, systemActor);
      expect(nextCursor).toBeNull();
      expect(
        rows.map((r) => [r.tenantName, r.serviceId, r.l1, r.nextActionDate, r.daysOverdue, r.seats]),
      ).toEqual([
        ["B1", "sharepoint", "no_intent", "2025-02-01", 37, 15],
        ["A1", "exchange", "blocked", "2025-03-05", 5, 70],
        ["B1", "exchange", "blocked", "2025-03-09", 1, 20],
      ]);
      expect(rows[1]).toMatchObject({ customerName: "Alpha", owner: "Delivery FM", position: 0 });
    });

    it("narrows to a customer", async () => {
      const { items } = await getOverdueNextActions(deps, systemActor, { customerId: customerB });
      expect(items.map((r) => r.serviceId)).toEqual(["sharepoint", "exchange"]);
    });
  });

  describe(getProjectedUnblocks.name, () => {
    it("sums Blocked seats per ISO week of the projected unblock date", async () => {
      const { items: weeks } = await getProjectedUnblocks(deps, systemActor);
      expect(weeks.map((w) => [w.week, w.weekStart, w.past, w.seats, w.tenants])).toEqual([
        ["2025-W08", "2025-02-17", true, 20, 1],
        // Wednesday 03-12 and Sunday 03-16 share a week; the In Progress target is not an unblock.
        ["2025-W11", "2025-03-10", false, 110, 1],
        ["2025-W12", "2025-03-17", false, 30, 1],
        // Monday 2025-12-29 belongs to ISO year 2026.
        ["2026-W01", "2025-12-29", false, 10, 1],
      ]);
    });
  });

  it("refuses a malformed customer id or date", async () => {
    await expect(
      getBlockedAging(deps, systemActor, { customerId: "x", today: "2025-13-01" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
