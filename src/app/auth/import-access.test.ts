import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { importStatuses } from "../entitlements/import-statuses.ts";
import { importAccessOf } from "./import-access.ts";

const header =
  "tenant_domain,service,stage,available_seats,seats,l1,l2,l3,scenario,service_status,engagement_scenario,target_date,owner,note,next_action_date,next_action,split_reason";
const blockedRow = (domain: string) =>
  `${domain},Teams,delivery,200,200,Blocked,App Compatibility,,,,,2025-05-15,Account Team,"Blocked: the line-of-business app fails under Teams; clears with the vendor fix.",,,`;

/** A status import writes only where its actor may write, like the API. */
describe(importAccessOf.name, () => {
  let database: Database;
  let deps: AppDeps;
  let deliveryFm: Actor;
  let partner: Actor;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    deliveryFm = await createUser(database.db, { role: "delivery_fm" });
    partner = await createUser(database.db, { role: "partner" });
    for (const domain of ["mine.example", "theirs.example"]) {
      const tenant = await createTenant(database.db, { domain });
      await createEntitlement(database.db, {
        tenantId: tenant.id,
        serviceId: "teams",
        availableSeats: 200,
        stage: "delivery",
        segments: [
          {
            seats: 200,
            l1: "in_progress",
            scenarioId: "in_progress_delivery",
            serviceStatus: "assess",
            engagementScenario: "customer_led",
            targetDate: "2025-06-30",
            note: "Deploying; assessing the network.",
          },
        ],
      });
      if (domain === "mine.example") {
        await assign(database.db, deliveryFm.id, { tenantId: tenant.id });
        await assign(database.db, partner.id, { tenantId: tenant.id });
      }
    }
  });
  afterAll(() => database.close());

  it("refuses the rows of a tenant the Delivery FM is not assigned to, saying why", async () => {
    const csvText = [header, blockedRow("mine.example"), blockedRow("theirs.example")].join("\n");
    const report = await importStatuses(deps, { csvText, actor: deliveryFm, dryRun: true });
    expect(report.changed).toBe(1);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, code: "forbidden", message: expect.stringMatching(/not assigned/) }),
    ]);
  });

  it("reads another's tenant as unknown to a partner, not as forbidden", async () => {
    const csvText = [header, blockedRow("theirs.example")].join("\n");
    const report = await importStatuses(deps, { csvText, actor: partner, dryRun: true });
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, code: "tenant_unknown" })]);
  });
});
