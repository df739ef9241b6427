import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database, Db } from "../../db/client.ts";
import { AppError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { countEntitlements } from "./count-entitlements.ts";
import { type EntitlementFilter, listEntitlements } from "./list-entitlements.ts";

/**
 * A small portfolio where each filter picks a known subset. Today is
 * 2025-03-10 (testNow).
 */
let database: Database;
let deps: AppDeps;
const e: Record<string, string> = {};
let contosoId = "";
let northwindTenantId = "";

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  const contoso = await createCustomer(db, { name: "Contoso" });
  contosoId = contoso.id;
  const fabrikam = await createCustomer(db, { name: "Fabrikam 50% Off" });
  const obrien = await createCustomer(db, { name: "O'Brien Ltd" });
  const northwind = await createCustomer(db, { name: "Northwind" });
  const contosoMain = await createTenant(db, { customerId: contoso.id, name: "Contoso Main" });
  const fabrikamTenant = await createTenant(db, { customerId: fabrikam.id, name: "Fabrikam EU" });
  const obrienTenant = await createTenant(db, { customerId: obrien.id, name: "OBL" });
  const northwindTenant = await createTenant(db, { customerId: northwind.id, name: "Northwind Site 500" });
  northwindTenantId = northwindTenant.id;
  await createFirstEntitlements(db, contosoMain.id, fabrikamTenant.id);
  await createOtherEntitlements(db, obrienTenant.id, northwindTenant.id);
});
afterAll(() => database.close());

/** e1 and e2 on Contoso's tenant, e3 on Fabrikam's, all last changed at the same instant. */
async function createFirstEntitlements(db: Db, contosoMain: string, fabrikamTenant: string): Promise<void> {
  const sameTime = new Date("2025-02-01T08:00:00.000Z");

  e.e1 = (
    await createEntitlement(db, {
      tenantId: contosoMain,
      serviceId: "exchange",
      updatedAt: sameTime,
      segments: [
        {
          seats: 100,
          l1: "blocked",
          l2: "customer_it_infrastructure_remediation",
          owner: "Delivery FM",
          nextActionDate: "2025-03-01",
          note: "The proxy rejects host_name headers; VPN too slow.",
        },
      ],
    })
  ).id;
  e.e2 = (
    await createEntitlement(db, {
      tenantId: contosoMain,
      serviceId: "teams",
      stage: "delivery",
      updatedAt: sameTime,
      segments: [
        {
          seats: 60,
          l1: "blocked",
          l2: "adoption_readiness",
          owner: "Account Team",
          targetDate: "2025-04-15",
        },
        { seats: 40, l1: "status_unknown", l2: "customer_unresponsive", note: "No reply to three emails." },
      ],
    })
  ).id;
  e.e3 = (
    await createEntitlement(db, {
      tenantId: fabrikamTenant,
      serviceId: "exchange",
      stage: "delivery",
      updatedAt: sameTime,
      segments: [{ seats: 30, l1: "in_progress", targetDate: "2025-05-20", note: "Rollout is 50% done." }],
    })
  ).id;
}

/** e4 on O'Brien's tenant, e5 (no status) and e6 on Northwind's. */
async function createOtherEntitlements(db: Db, obrienTenant: string, northwindTenant: string): Promise<void> {
  e.e4 = (
    await createEntitlement(db, {
      tenantId: obrienTenant,
      serviceId: "sharepoint",
      segments: [
        {
          seats: 10,
          l1: "no_intent",
          l2: "executive_sponsorship",
          l3: "no_bdm_sponsor_identified",
          owner: "Account Team",
          nextActionDate: "2025-03-15",
        },
      ],
    })
  ).id;
  e.e5 = (
    await createEntitlement(db, { tenantId: northwindTenant, serviceId: "teams", availableSeats: 20 })
  ).id;
  e.e6 = (
    await createEntitlement(db, {
      tenantId: northwindTenant,
      serviceId: "exchange",
      stage: "delivery",
      segments: [
        {
          seats: 5,
          l1: "blocked",
          l2: "adoption_readiness",
          targetDate: "2025-04-01",
          nextActionDate: "2025-03-09",
        },
        { seats: 5, l1: "duplicate_invalid" },
      ],
    })
  ).id;
}

const names = (ids: string[]) =>
  ids
    .map((id) => Object.entries(e).find(([, value]) => value === id)?.[0] ?? id)
    .sort()
    .join(",");

async function all(filter: EntitlementFilter): Promise<string[]> {
  const { items, nextCursor } = await listEntitlements(deps, systemActor, { ...filter, limit: 500 });
  expect(nextCursor).toBeNull();
  // The count the list shows beside its rows ("6 entitlements") agrees with them.
  expect(await countEntitlements(deps, systemActor, filter)).toEqual({ count: items.length, exact: true });
  return items.map((item) => item.id);
}

describe(listEntitlements.name, () => {
  it.each<[string, EntitlementFilter, string]>([
    ["no filter", {}, "e1,e2,e3,e4,e5,e6"],
    ["L1", { l1: "blocked" }, "e1,e2,e6"],
    ["several L1s", { l1: ["no_intent", "in_progress"] }, "e3,e4"],
    ["L2", { l2: "adoption_readiness" }, "e2,e6"],
    ["L3", { l3: "no_bdm_sponsor_identified" }, "e4"],
    ["service", { serviceId: "teams" }, "e2,e5"],
    ["owner, any case", { owner: "account team" }, "e2,e4"],
    ["stage", { stage: "delivery" }, "e2,e3,e6"],
    ["target range", { targetFrom: "2025-04-01", targetTo: "2025-04-30" }, "e2,e6"],
    ["target from", { targetFrom: "2025-05-01" }, "e3"],
    ["target to", { targetTo: "2025-04-10" }, "e6"],
    ["overdue next action in one L1", { overdue: true, l1: "no_intent" }, ""],
    ["overdue next action", { overdue: true }, "e1,e6"],
    ["an empty customer id", { customerId: "" }, "e1,e2,e3,e4,e5,e6"],
    ["two filters", { l1: "blocked", serviceId: "exchange" }, "e1,e6"],
    // The owner belongs to the Blocked segment, not the Status Unknown one.
    ["segment filters on one segment", { l1: "status_unknown", owner: "Account Team" }, ""],
    ["text in a customer name", { q: "contoso" }, "e1,e2"],
    ["text in a tenant name", { q: "site 500" }, "e5,e6"],
    ["text in a note", { q: "vpn" }, "e1"],
    ["text with %", { q: "50%" }, "e3"],
    ["text with _", { q: "_" }, "e1"],
    ["text with a quote", { q: "O'Brien" }, "e4"],
    ["text that matches nothing", { q: "zzz" }, ""],
  ])("narrows by %s", async (_name, filter, expected) => {
    expect(names(await all(filter))).toBe(expected);
  });
});

describe(`${listEntitlements.name}: views and sorts`, () => {
  it("narrows by customer and by tenant", async () => {
    expect(names(await all({ customerId: contosoId }))).toBe("e1,e2");
    expect(names(await all({ tenantId: northwindTenantId }))).toBe("e5,e6");
  });

  it("returns views with customer, tenant, service, segments and blocked seats", async () => {
    const [view] = (await listEntitlements(deps, systemActor, { q: "Contoso", serviceId: "teams" })).items;
    expect(view).toMatchObject({
      id: e.e2,
      customer: { name: "Contoso" },
      tenant: { name: "Contoso Main" },
      service: { id: "teams", name: "Teams", code: "TEAMS" },
      stage: "delivery",
      availableSeats: 100,
      blockedSeats: 60,
      updatedAt: "2025-02-01T08:00:00.000Z",
    });
    expect(view?.segments.map((s) => s.l1)).toEqual(["blocked", "status_unknown"]);
  });

  const sorts = ["updated", "target_date", "next_action_date", "customer", "blocked_seats"] as const;

  it.each(sorts.flatMap((sort) => (["asc", "desc"] as const).map((order) => [sort, order] as const)))(
    "pages through every row exactly once sorted by %s %s",
    async (sort, order) => {
      const whole = await all({ sort, order });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await listEntitlements(deps, systemActor, {
          sort,
          order,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((item) => item.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(whole);
      expect(new Set(seen).size).toBe(6);
    },
  );

  it("sorts by blocked seats, then by id on ties", async () => {
    const { items } = await listEntitlements(deps, systemActor, { sort: "blocked_seats", order: "desc" });
    expect(items.map((item) => item.blockedSeats)).toEqual([100, 60, 5, 0, 0, 0]);
    const zeros = items.slice(3).map((item) => item.id);
    expect(zeros).toEqual([...zeros].sort().reverse());
  });

  it("sorts by earliest target date with undated entitlements last in both directions", async () => {
    const asc = (await listEntitlements(deps, systemActor, { sort: "target_date", order: "asc" })).items.map(
      (i) => i.id,
    );
    expect(asc.slice(0, 3)).toEqual([e.e6, e.e2, e.e3]);
    const desc = (
      await listEntitlements(deps, systemActor, { sort: "target_date", order: "desc" })
    ).items.map((i) => i.id);
    expect(desc.slice(0, 3)).toEqual([e.e3, e.e2, e.e6]);
  });
});

describe(`${listEntitlements.name}: more sorts and refusals`, () => {
  it("sorts by customer, then tenant, then service", async () => {
    const { items } = await listEntitlements(deps, systemActor, { sort: "customer" });
    expect(items.map((i) => `${i.customer.name}/${i.service.id}`)).toEqual([
      "Contoso/exchange",
      "Contoso/teams",
      "Fabrikam 50% Off/exchange",
      "Northwind/exchange",
      "Northwind/teams",
      "O'Brien Ltd/sharepoint",
    ]);
  });

  it("sorts by last update, newest first by default", async () => {
    const { items } = await listEntitlements(deps, systemActor, {});
    const times = items.map((i) => i.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  async function failure(filter: EntitlementFilter): Promise<AppError> {
    const error = await listEntitlements(deps, systemActor, filter).then(
      () => null,
      (reason: unknown) => reason,
    );
    if (!(error instanceof AppError)) throw new Error("expected an AppError");
    return error;
  }

  it("refuses a cursor it did not issue, or one from another sort", async () => {
    expect((await failure({ cursor: "not-a-cursor" })).violations[0]).toMatchObject({
      field: "cursor",
      code: "cursor_invalid",
    });
    const { nextCursor } = await listEntitlements(deps, systemActor, { sort: "updated", limit: 1 });
    expect(nextCursor).not.toBeNull();
    const error = await failure({ sort: "customer", cursor: nextCursor! });
    expect(error.code).toBe("validation_failed");
    expect(error.violations[0]?.code).toBe("cursor_invalid");
  });

  it("refuses a page size outside 1..500, a malformed date and a malformed id", async () => {
    const error = await failure({ limit: 501, targetFrom: "2025-02-30", customerId: "x" });
    expect(error.violations.map((v) => v.field).sort()).toEqual(["customerId", "limit", "targetFrom"]);
  });
});
