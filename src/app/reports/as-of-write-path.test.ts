import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listEntitlements } from "../entitlements/list-entitlements.ts";
import { listEntitlementsAsOf } from "../entitlements/list-entitlements-as-of.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { getBlockedByL2Service } from "./blocked-by-l2-service.ts";
import { comparePortfolio } from "./compare-portfolio.ts";

/**
 * Through the real write path: what the list showed on a day is what the
 * list as of that day shows later, after the status changed again.
 */
let database: Database;
let deps: AppDeps & { setNow(d: Date): void };
let fm: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-02-01T10:00:00.000Z"));
  fm = await createUser(database.db, { role: "assignment_fm" });
});
afterAll(() => database.close());

const what = (view: EntitlementView) => ({
  id: view.id,
  version: view.version,
  stage: view.stage,
  availableSeats: view.availableSeats,
  blockedSeats: view.blockedSeats,
  updatedAt: view.updatedAt,
  segments: view.segments.map(({ ownerResolved: _, ...segment }) => segment),
});

describe("as of a day, through status writes", () => {
  it("lists what the list showed that day, and compare names the change", async () => {
    const entitlement = await createEntitlement(database.db, { availableSeats: 100 });
    await assign(database.db, fm.id, { tenantId: entitlement.tenantId });
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [
        {
          seats: 100,
          l1: "blocked",
          l2: "customer_it_infrastructure_remediation",
          engagementScenario: "customer_led",
          note: "The proxy blocks the sign-in.",
          nextActionDate: "2025-02-20",
        },
      ],
      actor: fm,
      source: "web",
    });
    const thatDay = (await listEntitlements(deps, fm)).items.map(what);

    deps.setNow(new Date("2025-02-15T09:00:00.000Z"));
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 2,
      segments: [
        {
          seats: 100,
          l1: "status_unknown",
          l2: "customer_unresponsive",
          note: "Three calls and two emails over two weeks, no reply.",
        },
      ],
      actor: fm,
      source: "web",
    });
    const page = await listEntitlementsAsOf(deps, fm, { asOf: "2025-02-01" });
    expect(page.items.map((text) => what(JSON.parse(text) as EntitlementView))).toEqual(thatDay);
    const { items } = await getBlockedByL2Service(deps, fm, { asOf: "2025-02-01" });
    expect(items.map((row) => row.seats)).toEqual([100]);

    const changes = await comparePortfolio(deps, fm, { from: "2025-02-01", to: "2025-02-15" });
    expect(changes.groups.flatMap((group) => group.changes)).toEqual([
      expect.objectContaining({ kind: "unblocked", seats: 100, fromL1: "blocked", toL1: "status_unknown" }),
    ]);
  });
});
