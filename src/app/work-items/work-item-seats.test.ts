import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { smallCellTenants } from "../../domain/policy/small-cells.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { getBlockedByL2Service } from "../reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../reports/blocked-by-l3.ts";
import { createWorkItem } from "./create-work-item.ts";
import { listWorkItems } from "./list-work-items.ts";
import { shipWorkItem } from "./ship-work-item.ts";

/**
 * "Shipping this unblocks N seats at M tenants" over a generated portfolio
 * of 150 tenants: each work item's count is the blocked-seats report's cell
 * for its L2 and service (or L2 and L3), for an Admin (every tenant), a
 * Delivery FM (their own) and Engineering (cells under five tenants withheld).
 */
let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;
let fm: Actor;
let engineering: Actor;
type Link = { l2: string; serviceId: string | null; l3: string | null };
const expected = new Map<string, Link>();

/** Work items for the biggest and the smallest report cells (both sides of the five-tenant line) and one L3. */
async function createItems(): Promise<void> {
  const context = { actor: admin, source: "api" };
  const cells = (await getBlockedByL2Service(deps, admin)).items.filter((row) => row.l2 !== null);
  for (const cell of [...cells.slice(0, 4), ...cells.slice(-4)]) {
    const item = await createWorkItem(deps, context, {
      title: `${cell.l2Name} on ${cell.serviceName}`,
      l2: cell.l2!,
      serviceIds: [cell.serviceId],
    });
    expected.set(item.id, { l2: cell.l2!, serviceId: cell.serviceId, l3: null });
  }
  const withL3 = (await getBlockedByL3(deps, admin)).items.find((row) => row.l2 && row.l3)!;
  const item = await createWorkItem(deps, context, { title: withL3.l3Name, l2: withL3.l2!, l3: withL3.l3! });
  expected.set(item.id, { l2: withL3.l2!, serviceId: null, l3: withL3.l3! });
}

/** The report's cell for a work item's link, as `actor` reads the report. */
async function reportCell(actor: Actor, link: Link) {
  if (link.l3 === null) {
    const rows = (await getBlockedByL2Service(deps, actor)).items;
    return rows.find((row) => row.l2 === link.l2 && row.serviceId === link.serviceId);
  }
  const rows = (await getBlockedByL3(deps, actor)).items;
  return rows.find((row) => row.l2 === link.l2 && row.l3 === link.l3);
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  fm = await createUser(database.db, { role: "delivery_fm" });
  engineering = await createUser(database.db, { role: "engineering" });
  await loadGeneratedPortfolio(database, {
    tenants: 150,
    seed: 7,
    today: "2025-03-10",
    assignedUsers: [fm.id],
  });
  await createItems();
});
afterAll(() => database.close());

describe("work item seat counts", () => {
  it("counts what the blocked-seats reports count, per reader", async () => {
    for (const actor of [admin, fm]) {
      const items = (await listWorkItems(deps, actor)).items;
      expect(items).toHaveLength(expected.size);
      for (const item of items) {
        const cell = await reportCell(actor, expected.get(item.id)!);
        expect(item.blocked, `${actor.role} ${item.title}`).toEqual({
          seats: cell?.seats ?? 0,
          tenants: cell?.tenants ?? 0,
        });
      }
    }
  });

  it("withholds from Engineering exactly the counts under five tenants", async () => {
    const listed = await listWorkItems(deps, engineering);
    let withheld = 0;
    for (const item of listed.items) {
      const cell = await reportCell(admin, expected.get(item.id)!);
      const small = (cell?.tenants ?? 0) < smallCellTenants;
      if (small) withheld += 1;
      expect(item.blocked, item.title).toEqual(small ? null : { seats: cell!.seats, tenants: cell!.tenants });
      expect(item.suppressed).toBe(small);
    }
    expect(withheld).toBeGreaterThan(0);
    expect(withheld).toBeLessThan(listed.items.length);
    expect(listed.suppressedCells).toBe(withheld);
  });

  it("ships once when two ships race", async () => {
    const [first] = [...expected.keys()];
    const context = { actor: engineering, source: "api" };
    const results = await Promise.all([
      shipWorkItem(deps, context, first!),
      shipWorkItem(deps, context, first!),
    ]);
    expect(results.map((result) => result.shipped).sort()).toEqual([false, true]);
    const winner = results.find((result) => result.shipped)!;
    const stored = await database.db.execute(
      sql`select count(*)::int as n from recheck_items where work_item_id = ${first}::uuid`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(winner.rechecks);
    expect(winner.entitlements).toBeGreaterThan(0);
  });
});
