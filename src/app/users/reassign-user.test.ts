import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { assignments, auditLog, statusHistory } from "../../db/schema.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getEntitlement } from "../entitlements/get-entitlement.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { reassignUser } from "./reassign-user.ts";

let database: Database;
let deps: AppDeps;
let admin: Actor;
let lead: Actor;
let leaving: Actor;
let taking: Actor;
let other: Actor;
const customers: { id: string; tenantId: string; entitlementId: string }[] = [];

const blocked = {
  seats: 100,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  targetDate: "2025-06-30",
  engagementScenario: "customer_led",
  note: "Blocked because the VPN devices cannot carry Exchange traffic.",
};

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  admin = await createUser(db, { role: "admin", name: "Ada Admin" });
  lead = await createUser(db, { role: "team_lead", name: "Tia Lead" });
  leaving = await createUser(db, { role: "delivery_fm", name: "Lee Leaving", email: "lee@x.test" });
  taking = await createUser(db, { role: "delivery_fm", name: "Tom Taking", email: "tom@x.test" });
  other = await createUser(db, { role: "account_team", name: "Ann Account" });
  for (let n = 0; n < 3; n += 1) {
    const customer = await createCustomer(db, { name: `Customer ${n}` });
    const tenantId = (await createTenant(db, { customerId: customer.id })).id;
    await assign(db, leaving.id, { customerId: customer.id }, { primary: n === 0 });
    const entitlement = await createEntitlement(db, { tenantId, stage: "delivery", availableSeats: 100 });
    const owned = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [{ ...blocked, ownerRef: { kind: "person", userId: leaving.id } }],
      actor: leaving,
      source: "api",
    });
    expect(owned.entitlement.segments[0]!.ownerRef).toEqual({ kind: "person", userId: leaving.id });
    customers.push({ id: customer.id, tenantId, entitlementId: entitlement.id });
  }
  // Tom already covers customer 2: Lee's assignment there merges into his.
  await assign(db, taking.id, { customerId: customers[2]!.id });
});
afterAll(() => database.close());

const context = (actor: Actor) => ({ actor, source: "api" });

describe(reassignUser.name, () => {
  it("refuses anyone but Admins and Team Leads, and people of another role", async () => {
    await expect(
      reassignUser(deps, context(leaving), { from: leaving.id, to: taking.id }),
    ).rejects.toMatchObject({
      code: "forbidden",
      detail: { rule: "assign_not_allowed" },
    });
    await expect(
      reassignUser(deps, context(admin), { from: leaving.id, to: other.id }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [expect.objectContaining({ field: "to", code: "role_mismatch" })],
    });
  });

  it("previews a selection without writing anything", async () => {
    const before = await database.db.select().from(auditLog);
    const plan = await reassignUser(deps, context(lead), {
      from: "lee@x.test",
      to: "tom@x.test",
      customerIds: [customers[0]!.id],
      dryRun: true,
    });
    expect(plan.applied).toBe(false);
    expect(plan.assignments.map((a) => a.customer?.id)).toEqual([customers[0]!.id]);
    expect(plan.segments.map((s) => s.entitlementId)).toEqual([customers[0]!.entitlementId]);
    expect(await database.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it("applies what the preview showed, one audit entry per assignment moved and per owner changed", async () => {
    const preview = await reassignUser(deps, context(admin), {
      from: leaving.id,
      to: taking.id,
      dryRun: true,
    });
    expect(preview.assignments).toHaveLength(3);
    expect(preview.assignments.map((a) => a.merged)).toEqual([false, false, true]);
    expect(preview.segments).toHaveLength(3);
    const versions = await Promise.all(
      customers.map((c) => getEntitlement(deps, systemActor, c.entitlementId)),
    );

    const applied = await reassignUser(deps, context(admin), { from: leaving.id, to: taking.id });
    expect({ ...applied, applied: false }).toEqual(preview);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ["assignment.reassign", "segment.owner"]));
    expect(audit.filter((row) => row.action === "assignment.reassign")).toHaveLength(3);
    expect(audit.filter((row) => row.action === "segment.owner")).toHaveLength(3);
    expect(await database.db.select().from(assignments).where(eq(assignments.userId, leaving.id))).toEqual(
      [],
    );
    const tom = await database.db.select().from(assignments).where(eq(assignments.userId, taking.id));
    expect(tom.map((a) => a.customerId).sort()).toEqual(customers.map((c) => c.id).sort());

    for (const [n, customer] of customers.entries()) {
      const view = await getEntitlement(deps, systemActor, customer.entitlementId);
      expect(view.version).toBe(versions[n]!.version + 1);
      expect(view.segments[0]!.ownerResolved).toMatchObject({ kind: "person", name: "Tom Taking" });
    }
    const history = await database.db
      .select()
      .from(statusHistory)
      .where(eq(statusHistory.entitlementId, customers[0]!.entitlementId));
    expect(history).toHaveLength(2);
  });
});
