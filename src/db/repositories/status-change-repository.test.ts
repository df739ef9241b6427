import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { openDatabase } from "../client.ts";
import { findEntitlementView } from "./entitlement-repository.ts";
import { findEntitlementForChange } from "./status-change-repository.ts";

describe(findEntitlementForChange.name, () => {
  let database: TestDatabase;
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

  // Planning this statement took about five times as long as running it (docs/PERFORMANCE.md). A
  // custom plan for every batch is what PostgreSQL keeps choosing when the first batches were
  // small and it can count the ids in each, so it must not be able to count them.
  it.skipIf(!process.env.DATABASE_URL)(
    "is planned once per connection, whatever the size of the first batches",
    async () => {
      const entitlement = await createEntitlement(database.db, { serviceId: "teams" });
      const user = await createUser(database.db, { role: "delivery_fm" });
      const oneConnection = await openDatabase({ url: database.url!, poolSize: 1 });
      try {
        for (let read = 0; read < 6; read += 1) {
          await findEntitlementForChange(oneConnection.db, user.id, entitlement!.id);
        }
        await Promise.all(
          Array.from({ length: 8 }, () =>
            findEntitlementForChange(oneConnection.db, user.id, entitlement!.id),
          ),
        );
        const { rows } = await oneConnection.execute(
          "select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name like 'entitlements_for_change%'",
        );
        // Five custom plans to learn from, then the one generic plan for every later execution.
        expect(rows).toHaveLength(1);
        expect(rows[0]!.custom).toBe(5);
        expect(rows[0]!.generic).toBeGreaterThan(0);
      } finally {
        await oneConnection.close();
      }
    },
  );
});
