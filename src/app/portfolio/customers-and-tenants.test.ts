import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getCustomer } from "./get-customer.ts";
import { getTenant } from "./get-tenant.ts";
import { listCustomers } from "./list-customers.ts";
import { listTenants } from "./list-tenants.ts";

let database: Database;
let deps: AppDeps;
let contoso: { id: string };
let contosoEu: { id: string };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  contoso = await createCustomer(db, { name: "Contoso", externalId: "TP-100" });
  const fabrikam = await createCustomer(db, { name: "Fabrikam" });
  await createCustomer(db, { name: "Adatum 100%" });
  contosoEu = await createTenant(db, {
    customerId: contoso.id,
    name: "Contoso EU",
    domain: "eu.contoso.example",
  });
  await createTenant(db, { customerId: contoso.id, name: "Contoso US", domain: "us.contoso.example" });
  await createTenant(db, { customerId: fabrikam.id, name: "Fabrikam HQ", domain: "fabrikam.example" });
  await createEntitlement(db, {
    tenantId: contosoEu.id,
    serviceId: "teams",
    segments: [
      { seats: 70, l1: "blocked", l2: "adoption_readiness" },
      { seats: 30, l1: "in_progress" },
    ],
  });
  await createEntitlement(db, { tenantId: contosoEu.id, serviceId: "exchange", availableSeats: 40 });
});
afterAll(() => database.close());

describe("customer and tenant lists", () => {
  it("lists customers by name with their tenant counts", async () => {
    const { items, nextCursor } = await listCustomers(deps, systemActor);
    expect(items.map((c) => [c.name, c.tenantCount])).toEqual([
      ["Adatum 100%", 0],
      ["Contoso", 2],
      ["Fabrikam", 1],
    ]);
    expect(nextCursor).toBeNull();
  });

  it("finds customers by name or external id, taking % literally", async () => {
    expect((await listCustomers(deps, systemActor, { q: "tp-100" })).items.map((c) => c.name)).toEqual([
      "Contoso",
    ]);
    expect((await listCustomers(deps, systemActor, { q: "0%" })).items.map((c) => c.name)).toEqual([
      "Adatum 100%",
    ]);
  });

  it("pages customers without repeating or skipping one", async () => {
    const first = await listCustomers(deps, systemActor, { limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listCustomers(deps, systemActor, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((c) => c.name)).toEqual([
      "Adatum 100%",
      "Contoso",
      "Fabrikam",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists a customer's tenants with seat totals", async () => {
    const { items } = await listTenants(deps, systemActor, { customerId: contoso.id });
    expect(items.map((t) => [t.name, t.entitlementCount, t.availableSeats, t.blockedSeats])).toEqual([
      ["Contoso EU", 2, 140, 70],
      ["Contoso US", 0, 0, 0],
    ]);
    expect(items[0]?.customer).toMatchObject({ id: contoso.id, name: "Contoso", externalId: "TP-100" });
  });

  it("finds tenants by domain or customer name", async () => {
    expect((await listTenants(deps, systemActor, { q: "us.contoso" })).items.map((t) => t.name)).toEqual([
      "Contoso US",
    ]);
    expect((await listTenants(deps, systemActor, { q: "fabrikam" })).items.map((t) => t.name)).toEqual([
      "Fabrikam HQ",
    ]);
  });

  it("pages tenants one at a time", async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTenants(deps, systemActor, { limit: 1, ...(cursor ? { cursor } : {}) });
      names.push(...page.items.map((t) => t.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(["Contoso EU", "Contoso US", "Fabrikam HQ"]);
  });
});

describe("one customer or tenant", () => {
  it("shows a tenant with its customer and every entitlement with segments", async () => {
    const { tenant, entitlements } = await getTenant(deps, systemActor, contosoEu.id);
    expect(tenant).toMatchObject({ name: "Contoso EU", customer: { name: "Contoso" } });
    expect(entitlements.map((e) => [e.service.name, e.segments.length, e.blockedSeats])).toEqual([
      ["Exchange", 0, 0],
      ["Teams", 2, 70],
    ]);
  });

  it("shows a customer with its tenants", async () => {
    const { customer, tenants } = await getCustomer(deps, systemActor, contoso.id);
    expect(customer.tenantCount).toBe(2);
    expect(tenants.map((t) => t.name)).toEqual(["Contoso EU", "Contoso US"]);
  });

  it("answers not_found for unknown or malformed ids", async () => {
    await expect(getTenant(deps, systemActor, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getTenant(deps, systemActor, "nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(getCustomer(deps, systemActor, "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
