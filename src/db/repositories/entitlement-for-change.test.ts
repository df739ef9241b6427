import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { findEntitlementForChange } from "./entitlement-for-change.ts";
import { findEntitlementView } from "./entitlement-repository.ts";

describe(findEntitlementForChange.name, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("gives each of many reads arriving together its own entitlement and its own user's access", async () => {
    const [one, two] = await Promise.all([
      createEntitlement(database.db, { serviceId: "teams" }),
      createEntitlement(database.db, { serviceId: "exchange" }),
    ]);
    const [primaryOfOne, customerOfTwo, stranger] = await Promise.all([
      createUser(database.db, { role: "delivery_fm" }),
      createUser(database.db, { role: "assignment_fm" }),
      createUser(database.db, { role: "partner" }),
    ]);
    await assign(database.db, primaryOfOne.id, { tenantId: one!.tenantId }, { primary: true });
    const {
      rows: [tenantOfTwo],
    } = await database.execute("select customer_id::text as id from tenants where id = $1", [two!.tenantId]);
    await assign(database.db, customerOfTwo.id, { customerId: String(tenantOfTwo?.id) });

    // Started in one turn of the event loop, so they are read with one statement.
    const reads = await Promise.all([
      findEntitlementForChange(database.db, primaryOfOne.id, one!.id),
      findEntitlementForChange(database.db, customerOfTwo.id, two!.id),
      findEntitlementForChange(database.db, stranger.id, one!.id),
      findEntitlementForChange(database.db, primaryOfOne.id, two!.id),
      findEntitlementForChange(database.db, stranger.id, "00000000-0000-4000-8000-000000000000"),
      findEntitlementForChange(database.db, "system", one!.id),
    ]);

    expect(reads.map((read) => read?.view.id ?? null)).toEqual([
      one!.id,
      two!.id,
      one!.id,
      two!.id,
      null,
      one!.id,
    ]);
    expect(reads.map((read) => read?.access.access ?? null)).toEqual([
      { via: "tenant", primary: true },
      { via: "customer", primary: false },
      { via: "none", primary: false },
      { via: "none", primary: false },
      null,
      { via: "none", primary: false },
    ]);
    expect(reads[0]?.access.tenantId).toBe(one!.tenantId);
    expect(reads[1]?.access.tenantId).toBe(two!.tenantId);
    expect(reads[0]?.view).toEqual(await findEntitlementView(database.db, one!.id));
    expect(reads[1]?.view).toEqual(await findEntitlementView(database.db, two!.id));
  });
});
