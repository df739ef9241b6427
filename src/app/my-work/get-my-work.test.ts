import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, putSegments, type SegmentSeed } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { MyWork } from "../../http/schemas/my-work.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { syncPortfolio } from "../feed/sync-portfolio.ts";
import { findUserByEmail } from "../users/find-user.ts";
import { getMyWork } from "./get-my-work.ts";

/** Wednesday: this ISO week runs Monday 2025-03-10 to Sunday 2025-03-16. */
const wednesday = new Date("2025-03-12T15:30:00.000Z");
const examples = join(import.meta.dirname, "../../../examples/feed");

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, wednesday);
  admin = await createUser(database.db, { role: "admin" });
  const synced = await syncPortfolio(deps, {
    folder: examples,
    actor: admin,
    dryRun: false,
    full: false,
    partial: false,
    allowMassEnd: false,
  });
  expect(synced.applied).toBe(true);
});
afterAll(() => database.close());

async function person(email: string): Promise<Actor> {
  const user = await findUserByEmail(deps, email);
  if (!user) throw new Error(`no user ${email}`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The entitlement ids of one tenant (by the feed's tenant_id) and service. */
async function entitlementOf(feedTenantId: string, serviceId: string): Promise<string> {
  const { rows } = await database.execute(
    `select e.id::text as id from entitlements e join tenants t on t.id = e.tenant_id
      where t.external_id = '${feedTenantId}' and e.service_id = '${serviceId}'`,
  );
  if (!rows[0]) throw new Error(`no ${serviceId} at ${feedTenantId}`);
  return String(rows[0].id);
}

/** Replaces an entitlement's segments (no rules run: the dates are what the test is about). */
async function setSegments(id: string, segments: SegmentSeed[]): Promise<void> {
  await database.execute(`delete from status_segments where entitlement_id = '${id}'`);
  await putSegments(database.db, id, segments);
}

/**
 * Makes `user` the owner of every segment of an entitlement (one Status Unknown
 * segment is added where there is none), by name and, where the column exists,
 * as the owning user.
 */
async function own(id: string, user: Actor): Promise<void> {
  const { rows: existing } = await database.execute(
    `select 1 from status_segments where entitlement_id = '${id}'`,
  );
  if (existing.length === 0) await putSegments(database.db, id, [{ seats: 1, l1: "status_unknown" }]);
  const { rows } = await database.execute(
    "select 1 from information_schema.columns where table_name = 'status_segments' and column_name = 'owner_user_id'",
  );
  const byId = rows.length > 0 ? `, owner_user_id = '${user.id}'` : "";
  await database.execute(
    `update status_segments set owner = '${user.name.replaceAll("'", "''")}'${byId} where entitlement_id = '${id}'`,
  );
}

const tenant = (n: number) => `6f1c2a9e-3b7d-4e21-9c55-0a1b2c3d4e0${n}`;
const customersIn = (work: MyWork) =>
  [...new Set(work.groups.flatMap((g) => g.items.map((item) => item.entitlement.customer.name)))].sort();
const idsIn = (work: MyWork, group: string) =>
  work.groups.find((g) => g.id === group)?.items.map((item) => item.entitlement.id);

describe("My work from people.csv", () => {
  it("shows a Delivery FM from people.csv the entitlements of the customers assigned, and no others", async () => {
    const marco = await person("marco.bianchi@example.com");
    const work = await getMyWork(deps, marco, {});
    // people.csv: Marco is the Delivery FM of TP-100234 (Contoso, two tenants) and TP-100871 (Fabrikam).
    expect(customersIn(work)).toEqual(["Contoso Ltd", "Fabrikam Inc"]);
    expect(work.counts.total).toBe(9);
    expect(work.assignments).toBe(2);
    expect(work.groups.flatMap((g) => g.items).every((item) => item.assigned)).toBe(true);
    expect({ today: work.today, weekEnds: work.weekEnds, timeZone: work.timeZone }).toEqual({
      today: "2025-03-12",
      weekEnds: "2025-03-16",
      timeZone: "UTC",
    });

    const ines = await getMyWork(deps, await person("ines.duarte@example.com"), {});
    expect(customersIn(ines)).toEqual(["Northwind Traders", "Tailspin Toys"]);
    expect(ines.counts.total).toBe(3);
  });
});

describe("My work's dates", () => {
  it("groups by the dates of the person's segments on the clock's day, first group first", async () => {
    const marco = await person("marco.bianchi@example.com");
    const [overdue, today, sunday, monday, blocked, both, blockedToday] = await Promise.all([
      entitlementOf(tenant(1), "exchange"),
      entitlementOf(tenant(1), "teams"),
      entitlementOf(tenant(1), "sharepoint"),
      entitlementOf(tenant(1), "intune"),
      entitlementOf(tenant(2), "exchange"),
      entitlementOf(tenant(2), "teams"),
      entitlementOf(tenant(3), "exchange"),
    ]);
    await setSegments(overdue, [{ seats: 12000, l1: "in_progress", nextActionDate: "2025-03-11" }]);
    await setSegments(today, [{ seats: 12000, l1: "in_progress", nextActionDate: "2025-03-12" }]);
    await setSegments(sunday, [{ seats: 12000, l1: "in_progress", nextActionDate: "2025-03-16" }]);
    await setSegments(monday, [{ seats: 8000, l1: "in_progress", nextActionDate: "2025-03-17" }]);
    await setSegments(blocked, [{ seats: 2500, l1: "blocked", targetDate: "2025-03-01" }]);
    await setSegments(both, [
      { seats: 1500, l1: "blocked", targetDate: "2025-03-01" },
      { seats: 1000, l1: "in_progress", nextActionDate: "2025-03-05" },
    ]);
    await setSegments(blockedToday, [{ seats: 4800, l1: "blocked", targetDate: "2025-03-12" }]);

    const work = await getMyWork(deps, marco, {});
    expect(idsIn(work, "overdue")).toEqual([both, overdue]);
    expect(idsIn(work, "due_this_week")).toEqual([today, sunday]);
    expect(idsIn(work, "blocked_past_target")).toEqual([blocked]);
    expect(idsIn(work, "rest")).toContain(monday);
    expect(idsIn(work, "rest")).toContain(blockedToday);
    expect(work.counts).toEqual({
      overdue: 2,
      due_this_week: 2,
      blocked_past_target: 1,
      rest: 4,
      total: 9,
    });
    const reasons = work.groups
      .flatMap((g) => g.items)
      .map((item) => [item.entitlement.id, item.date, item.reason]);
    expect(reasons).toContainEqual([both, "2025-03-05", "Next action was due 5 Mar 2025, 7 days ago."]);
    expect(reasons).toContainEqual([today, "2025-03-12", "Next action is due 12 Mar 2025, today."]);
    expect(reasons).toContainEqual([sunday, "2025-03-16", "Next action is due 16 Mar 2025, in 4 days."]);
    expect(reasons).toContainEqual([
      blocked,
      "2025-03-01",
      "Blocked; the target date 1 Mar 2025 passed 11 days ago.",
    ]);
    expect(reasons).toContainEqual([monday, "2025-03-17", "Next action due 17 Mar 2025, after this week."]);
    const first = work.groups[0]!.items[0]!.entitlement;
    expect(first).toMatchObject({ tenant: { name: "Contoso Europe" }, customer: { name: "Contoso Ltd" } });
    expect(first.service.id).toBe("teams");
    expect(first.segments.map((s) => [s.l1, s.seats, s.nextActionDate])).toEqual([
      ["blocked", 1500, null],
      ["in_progress", 1000, "2025-03-05"],
    ]);

    // On Monday the 17th the week moves on: Monday's next action is due today, the others overdue.
    const later = await getMyWork({ ...deps, now: () => new Date("2025-03-17T00:00:00Z") }, marco, {});
    expect(later.weekEnds).toBe("2025-03-23");
    expect(idsIn(later, "due_this_week")).toEqual([monday]);
    expect(later.counts.overdue).toBe(4);
  });
});

describe("My work's groups", () => {
  it("caps each group at the limit and keeps the counts complete", async () => {
    const work = await getMyWork(deps, await person("marco.bianchi@example.com"), { limit: 1 });
    expect(work.groups.map((g) => [g.id, g.count, g.items.length])).toEqual([
      ["overdue", 2, 1],
      ["due_this_week", 2, 1],
      ["blocked_past_target", 1, 1],
      ["rest", 4, 1],
    ]);
    await expect(getMyWork(deps, admin, { limit: 0 })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("leaves out ended entitlements", async () => {
    const marco = await person("marco.bianchi@example.com");
    const ended = await entitlementOf(tenant(3), "onedrive");
    expect(idsIn(await getMyWork(deps, marco, {}), "rest")).toContain(ended);
    await database.execute(`update entitlements set ended_at = now() where id = '${ended}'`);
    const work = await getMyWork(deps, marco, {});
    expect(work.groups.flatMap((g) => g.items.map((item) => item.entitlement.id))).not.toContain(ended);
    expect(work.counts.total).toBe(8);
    await database.execute(`update entitlements set ended_at = null where id = '${ended}'`);
  });
});

describe("My work's reach", () => {
  it("adds what a person owns outside their assignments, within what they may read", async () => {
    const lena = await person("lena.vogel@example.com");
    const northwind = await entitlementOf(tenant(4), "teams");
    await own(northwind, lena);
    // Lena (Account Team of Fabrikam) may read only her assigned tenants: owning a segment elsewhere adds nothing.
    expect(customersIn(await getMyWork(deps, lena, {}))).toEqual(["Fabrikam Inc"]);

    const reader = await createUser(database.db, { role: "admin", name: "Rita Reader" });
    expect((await getMyWork(deps, reader, {})).counts.total).toBe(0);
    await own(northwind, reader);
    const work = await getMyWork(deps, reader, {});
    expect(work.assignments).toBe(0);
    expect(
      work.groups.flatMap((g) => g.items).map((item) => [item.entitlement.id, item.assigned, item.owner]),
    ).toEqual([[northwind, false, true]]);
  });

  it("shows a partner only the tenant it is assigned to, whatever it owns", async () => {
    const oliver = await person("oliver.grant@partner.example");
    await own(await entitlementOf(tenant(1), "exchange"), oliver);
    const work = await getMyWork(deps, oliver, {});
    expect(work.groups.flatMap((g) => g.items.map((item) => item.entitlement.tenant.name))).toEqual([
      "Tailspin Toys",
    ]);
    expect(work.counts.total).toBe(1);
  });
});
