import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getOverdueNextActions } from "./overdue-next-actions.ts";

/**
 * Paging where the order's keys tie: four segments share one next action
 * date, two of them split segments of one entitlement, so the pages must be
 * told apart by customer, tenant, service and position in turn.
 */
let database: Database;
let deps: AppDeps;

const waiting = (nextActionDate: string, seats = 50) => ({
  seats,
  l1: "in_progress",
  targetDate: "2025-06-30",
  nextActionDate,
  nextAction: "Call the customer",
});

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-03-10T09:00:00Z"));
  const db = database.db;
  const alpha = await createCustomer(db, { name: "Alpha" });
  const beta = await createCustomer(db, { name: "Beta" });
  const alphaTenant = (await createTenant(db, { customerId: alpha.id, name: "Alpha HQ" })).id;
  const betaTenant = (await createTenant(db, { customerId: beta.id, name: "Beta HQ" })).id;
  await createEntitlement(db, {
    tenantId: alphaTenant,
    serviceId: "exchange",
    segments: [waiting("2025-03-01"), waiting("2025-03-01")],
  });
  await createEntitlement(db, {
    tenantId: alphaTenant,
    serviceId: "teams",
    segments: [waiting("2025-03-01")],
  });
  await createEntitlement(db, {
    tenantId: alphaTenant,
    serviceId: "intune",
    segments: [waiting("2025-03-20")],
  });
  await createEntitlement(db, {
    tenantId: betaTenant,
    serviceId: "exchange",
    segments: [waiting("2025-03-01")],
  });
  await createEntitlement(db, {
    tenantId: betaTenant,
    serviceId: "teams",
    segments: [waiting("2025-02-20")],
  });
});
afterAll(() => database.close());

const keyOf = (row: { tenantName: string; serviceId: string; position: number; nextActionDate: string }) =>
  `${row.nextActionDate} ${row.tenantName} ${row.serviceId} ${row.position}`;

describe(getOverdueNextActions.name, () => {
  it("orders by date, then customer, tenant, service and segment", async () => {
    const { items, nextCursor } = await getOverdueNextActions(deps, systemActor);
    expect(items.map(keyOf)).toEqual([
      "2025-02-20 Beta HQ teams 0",
      "2025-03-01 Alpha HQ exchange 0",
      "2025-03-01 Alpha HQ exchange 1",
      "2025-03-01 Alpha HQ teams 0",
      "2025-03-01 Beta HQ exchange 0",
    ]);
    expect(nextCursor).toBeNull();
  });

  it.each([1, 2, 3])("gives every row once over pages of %i", async (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await getOverdueNextActions(deps, systemActor, { limit, cursor });
      seen.push(...result.items.map(keyOf));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual((await getOverdueNextActions(deps, systemActor)).items.map(keyOf));
  });

  it("keeps the filter on later pages", async () => {
    const first = await getOverdueNextActions(deps, systemActor, { limit: 1, serviceId: "exchange" });
    expect(first.items.map(keyOf)).toEqual(["2025-03-01 Alpha HQ exchange 0"]);
    const second = await getOverdueNextActions(deps, systemActor, {
      limit: 5,
      serviceId: "exchange",
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map(keyOf)).toEqual([
      "2025-03-01 Alpha HQ exchange 1",
      "2025-03-01 Beta HQ exchange 0",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not give out, naming the field", async () => {
    const foreign = Buffer.from(
      JSON.stringify({ s: "customers:name:asc", k: ["Alpha"], i: "019adc5b-ea38-7e00-a311-08ca004db17d" }),
    ).toString("base64url");
    for (const cursor of [foreign, "not-a-cursor"]) {
      await expect(getOverdueNextActions(deps, systemActor, { cursor })).rejects.toMatchObject({
        code: "validation_failed",
        violations: [{ field: "cursor", code: "cursor_invalid" }],
      });
    }
  });

  it("refuses a page size past 1,000", async () => {
    await expect(getOverdueNextActions(deps, systemActor, { limit: 1001 })).rejects.toMatchObject({
      violations: [{ field: "limit", code: "limit_out_of_range" }],
    });
  });
});
