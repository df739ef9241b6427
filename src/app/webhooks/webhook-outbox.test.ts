import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { bulkSetStatus } from "../entitlements/bulk-set-status.ts";
import { importStatuses } from "../entitlements/import-statuses.ts";
import { createWebhook } from "./create-webhook.ts";

const fixture = readFileSync(
  new URL("../../../test/fixtures/csv/northwind-statuses.csv", import.meta.url),
  "utf8",
);

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
});
afterAll(() => database.close());

async function outbox(): Promise<string[]> {
  const { rows } = await database.execute(
    `select e.type, s.name from webhook_events e
       join entitlements n on n.id = e.entitlement_id join services s on s.id = n.service_id
      order by e.id`,
  );
  return rows.map((row) => `${row.name} ${row.type}`);
}

describe("the webhook outbox", () => {
  it("stays empty while nobody subscribes, then gets an import's events (a dry run's none)", async () => {
    const tenant = await createTenant(database.db, { domain: "northwind-eu.example" });
    await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "exchange",
      availableSeats: 5000,
      stage: "delivery",
    });
    await createEntitlement(database.db, { tenantId: tenant.id, serviceId: "teams", availableSeats: 5000 });
    const other = await createEntitlement(database.db, { availableSeats: 10 });

    // Before any subscription a change writes no event.
    await bulkSetStatus(deps, {
      items: [
        {
          entitlementId: other.id,
          version: 1,
          segments: [
            {
              seats: 10,
              l1: "status_unknown",
              l2: "customer_unresponsive",
              note: "Three calls and two emails over two weeks, no reply.",
            },
          ],
        },
      ],
      actor: admin,
      source: "api",
    });
    expect(await outbox()).toEqual([]);

    await createWebhook(
      deps,
      { actor: systemActor, source: "api" },
      {
        url: "https://hooks.example.com/x",
        events: ["status.changed", "entitlement.blocked"],
      },
    );
    await importStatuses(deps, { csvText: fixture, actor: admin, dryRun: true });
    expect(await outbox()).toEqual([]);
    const report = await importStatuses(deps, { csvText: fixture, actor: admin });
    expect(report.written).toBe(true);
    expect((await outbox()).sort()).toEqual(
      ["Exchange status.changed", "Exchange entitlement.blocked", "Teams status.changed"].sort(),
    );
    const { rows } = await database.execute(
      "select count(*)::int as n from jobs where kind = 'webhook.deliver'",
    );
    expect(rows[0]?.n).toBe(3);
  });
});
