import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { notificationMail } from "../../app/notifications/notification-jobs.ts";
import { buildServer } from "../build-server.ts";

/**
 * The roadmap loop end to end over HTTP (docs/ROADMAP.md). Contoso has six
 * tenants whose Teams seats are Blocked for "Product Feature/Capability"
 * (100 each): four owned by Dana (a Delivery FM), one by the Account Team
 * team (Ana and Bo), one by text that names nobody. Exchange seats Blocked
 * for the same L2 and Teams seats Blocked for App Compatibility are not
 * linked to a Teams-only work item; one tenant is Blocked for Legal.
 */
describe("work items", () => {
  let database: TestDatabase;
  let deps: AppDeps & { setNow(d: Date): void };
  let server: FastifyInstance;
  const as = new Map<string, { authorization: string }>();
  let dana: Actor;
  const teams: string[] = [];

  const blocked = (l2: string, seats = 100) => ({
    seats,
    l1: "blocked",
    scenarioId: "blocked_delivery",
    l2,
    targetDate: "2025-06-30",
    note: "Blocked: the customer needs the feature; clears when it ships.",
  });

  async function ownSegments(entitlementId: string, owner: { userId?: string; team?: string; text: string }) {
    await database.db.execute(
      sql`update status_segments set owner = ${owner.text}, owner_user_id = ${owner.userId ?? null}::uuid,
          owner_team = ${owner.team ?? null} where entitlement_id = ${entitlementId}::uuid`,
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const customer = await createCustomer(database.db, { name: "Contoso" });
    const people: Record<string, string> = {
      admin: "admin",
      engineering: "engineering",
      dana: "delivery_fm",
      ana: "account_team",
      bo: "account_team",
      viewer: "viewer",
    };
    for (const [name, role] of Object.entries(people)) {
      const user = await createUser(database.db, { role, name: name[0]!.toUpperCase() + name.slice(1) });
      as.set(name, await bearerFor(deps, user));
      if (name === "dana") dana = user;
      if (role !== "admin" && role !== "engineering")
        await assign(database.db, user.id, { customerId: customer.id });
    }
    for (let n = 1; n <= 7; n += 1) {
      const tenant = await createTenant(database.db, { customerId: customer.id, name: `Contoso ${n}` });
      const l2 = n === 7 ? "legal_regulatory" : "product_feature_capability";
      const entitlement = await createEntitlement(database.db, {
        tenantId: tenant.id,
        serviceId: "teams",
        stage: "delivery",
        segments: [blocked(l2)],
      });
      if (n <= 6) teams.push(entitlement.id);
      if (n === 2) await ownSegments(entitlement.id, { team: "account_team", text: "Account Team" });
      else if (n === 3) await ownSegments(entitlement.id, { text: "Somebody in IT" });
      else await ownSegments(entitlement.id, { userId: dana.id, text: dana.name });
      if (n === 1) {
        const exchange = await createEntitlement(database.db, {
          tenantId: tenant.id,
          serviceId: "exchange",
          stage: "delivery",
          segments: [blocked("product_feature_capability", 40)],
        });
        await ownSegments(exchange.id, { userId: dana.id, text: dana.name });
        await createEntitlement(database.db, {
          tenantId: tenant.id,
          serviceId: "sharepoint",
          stage: "delivery",
          segments: [blocked("app_compatibility", 70)],
        });
      }
    }
    // A subscriber, so the ship's work_item.shipped event is kept in the outbox.
    const hook = await call("POST", "/webhooks", "admin", {
      url: "https://hooks.example.com/roadmap",
      events: ["work_item.shipped"],
    });
    expect(hook.statusCode).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  function call(method: "GET" | "POST" | "PATCH" | "PUT", url: string, who: string, payload?: unknown) {
    return server.inject({
      method,
      url: `/api${url}`,
      headers: as.get(who)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }

  const count = async (query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

  let featureId: string;
  let legalId: string;

  it("creates work items linked to a Blocked L2, by id or name, with services", async () => {
    const created = await call("POST", "/work-items", "engineering", {
      title: "Teams: bring-your-own recording storage",
      externalUrl: "https://tracker.example.com/items/4711",
      state: "planned",
      l2: "Product Feature/Capability",
      serviceIds: ["TEAMS"],
      expectedDate: "2025-05-01",
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      l2: "product_feature_capability",
      l2Name: "Product Feature/Capability",
      serviceIds: ["teams"],
      state: "planned",
      version: 1,
      blocked: { seats: 600, tenants: 6 },
      suppressed: false,
    });
    featureId = item.id;
    const legal = await call("POST", "/work-items", "admin", {
      title: "Data residency",
      l2: "legal_regulatory",
    });
    expect(legal.statusCode).toBe(201);
    legalId = legal.json().id;
  });

  it("refuses an unknown L2 with 422 naming the field, and other bad fields with it", async () => {
    const response = await call("POST", "/work-items", "admin", {
      title: " ",
      l2: "product_feature",
      externalUrl: "ftp://tracker.example.com/1",
      serviceIds: ["teams", "nope"],
    });
    expect(response.statusCode).toBe(422);
    const fields = response
      .json()
      .errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        "l2:l2_unknown",
        "title:title_required",
        "externalUrl:url_invalid",
        "serviceIds.1:service_unknown",
      ]),
    );
    const l3 = await call("POST", "/work-items", "admin", {
      title: "x",
      l2: "legal_regulatory",
      l3: "multi_geo",
    });
    expect(l3.json().errors).toEqual([expect.objectContaining({ field: "l3", code: "l3_unknown" })]);
  });

  it("lets only the product group and Admins write, and every report reader read", async () => {
    const refused = await call("POST", "/work-items", "dana", { title: "Mine", l2: "legal_regulatory" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toBe("product_group_only");
    expect((await call("POST", `/work-items/${featureId}/ship`, "viewer", {})).statusCode).toBe(403);
    const viewer = await call("GET", "/work-items", "viewer");
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json().items.map((item: { id: string }) => item.id)).toContain(featureId);
  });

  it("edits compare-and-set: a stale version is 409 carrying the current item", async () => {
    const edited = await call("PATCH", `/work-items/${featureId}`, "engineering", {
      version: 1,
      state: "in_development",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ state: "in_development", version: 2, title: expect.any(String) });
    const stale = await call("PATCH", `/work-items/${featureId}`, "admin", { version: 1, title: "Renamed" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      current: { version: 2, state: "in_development" },
    });
    const shipByEdit = await call("PATCH", `/work-items/${featureId}`, "admin", {
      version: 2,
      state: "shipped",
    });
    expect(shipByEdit.statusCode).toBe(422);
    expect(shipByEdit.json().errors[0]).toMatchObject({ field: "state", code: "state_shipped_by_ship" });
  });

  it("shows Engineering seat counts without tenant names, withholding counts under five tenants", async () => {
    const response = await call("GET", "/work-items", "engineering");
    const body = response.json();
    const byId = new Map(body.items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(featureId)).toMatchObject({ blocked: { seats: 600, tenants: 6 }, suppressed: false });
    expect(byId.get(legalId)).toMatchObject({ blocked: null, suppressed: true });
    expect(body.suppressedCells).toBe(1);
    expect(response.body).not.toMatch(/Contoso/);
    const admin = (await call("GET", "/work-items", "admin")).json();
    expect(admin.items.find((item: { id: string }) => item.id === legalId).blocked).toEqual({
      seats: 100,
      tenants: 1,
    });
  });

  it("ships once: re-check items and notices for the owners, one webhook event", async () => {
    const shipped = await call("POST", `/work-items/${featureId}/ship`, "engineering", {});
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({
      shipped: true,
      entitlements: 6,
      rechecks: 6,
      people: 3,
      unowned: 1,
      workItem: { state: "shipped", shippedDate: "2025-03-10", version: 3 },
    });
    expect(shipped.body).not.toMatch(/Contoso/);

    const danas = (await call("GET", "/my-work/rechecks", "dana")).json();
    expect(danas).toMatchObject({ label: "Re-check: the fix shipped", count: 4 });
    expect(danas.items.map((item: { entitlement: { id: string } }) => item.entitlement.id).sort()).toEqual(
      [teams[0], teams[3], teams[4], teams[5]].sort(),
    );
    expect((await call("GET", "/my-work/rechecks", "ana")).json().items).toEqual([
      expect.objectContaining({ seats: 100, entitlement: expect.objectContaining({ id: teams[1] }) }),
    ]);
    expect((await call("GET", "/my-work/rechecks", "bo")).json().count).toBe(1);

    const inbox = (await call("GET", "/notifications", "dana")).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: "fix_shipped",
        entitlementId: null,
        text: expect.stringMatching(/re-check 4 Blocked statuses/),
      }),
    ]);
    expect((await call("GET", "/notifications", "ana")).json().items).toEqual([
      expect.objectContaining({ kind: "fix_shipped", entitlementId: teams[1] }),
    ]);
    const mail = notificationMail({
      ...inbox.items[0],
      email: "dana@example.test",
      name: "Dana",
      tenantName: null,
      serviceName: null,
      emailedAt: null,
    });
    expect(mail.subject).toBe("A fix shipped: re-check your Blocked statuses");
    expect(mail.text).toMatch(/Open it: http:\/\/localhost:3000\/my-work\n/);
    const events = sql`select count(*)::int as n from webhook_events where type = 'work_item.shipped'`;
    expect(await count(events)).toBe(1);
    expect(await count(sql`select count(*)::int as n from webhook_deliveries`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from jobs where kind = 'mail.send'`)).toBe(3);

    const again = await call("POST", `/work-items/${featureId}/ship`, "admin", {});
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ shipped: false, rechecks: 0, people: 0, workItem: { version: 3 } });
    expect(await count(events)).toBe(1);
    expect(await count(sql`select count(*)::int as n from recheck_items`)).toBe(6);
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'fix_shipped'`)).toBe(3);
  });

  it("closes a re-check item when the status changes or its owner dismisses it", async () => {
    const before = (await call("GET", "/my-work/rechecks", "dana")).json();
    const first = before.items.find(
      (item: { entitlement: { id: string } }) => item.entitlement.id === teams[0],
    );
    deps.setNow(new Date(testNow.getTime() + 3 * 86_400_000));
    const unblocked = await call("PUT", `/entitlements/${teams[0]}/status`, "dana", {
      version: first.entitlement.version,
      segments: [
        {
          seats: 100,
          l1: "in_progress",
          serviceStatus: "assess",
          engagementScenario: "customer_led_with_ftp_assist",
          targetDate: "2025-06-30",
          note: "Deploying; the feature shipped and the pilot is on.",
        },
      ],
    });
    expect(unblocked.statusCode).toBe(200);
    const after = (await call("GET", "/my-work/rechecks", "dana")).json();
    expect(after.count).toBe(3);
    const other = after.items[0].id;
    expect((await call("POST", `/my-work/rechecks/${other}/dismiss`, "ana")).statusCode).toBe(404);
    expect((await call("POST", `/my-work/rechecks/${other}/dismiss`, "dana")).statusCode).toBe(204);
    expect((await call("GET", "/my-work/rechecks", "dana")).json().count).toBe(2);
    expect((await call("POST", `/my-work/rechecks/${other}/dismiss`, "dana")).statusCode).toBe(404);
  });

  it("counts the seats unblocked within 90 days of the ship, withheld from Engineering at one tenant", async () => {
    const report = (await call("GET", "/work-items/shipped-report", "admin")).json();
    expect(report.items).toEqual([
      expect.objectContaining({
        workItemId: featureId,
        shippedDate: "2025-03-10",
        windowEnds: "2025-06-08",
        complete: false,
        unblocked: { seats: 100, tenants: 1 },
      }),
    ]);
    const engineering = (await call("GET", "/work-items/shipped-report", "engineering")).json();
    expect(engineering).toMatchObject({ suppressedCells: 1, items: [{ unblocked: null, suppressed: true }] });
    const list = (await call("GET", "/work-items?state=shipped", "admin")).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: featureId, blocked: { seats: 500, tenants: 5 } }),
    ]);
  });

  it("finds a work item by its tracker URL and refuses a bad filter", async () => {
    const found = await call(
      "GET",
      `/work-items?externalUrl=${encodeURIComponent("https://tracker.example.com/items/4711")}`,
      "engineering",
    );
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([featureId]);
    const bad = await call("GET", "/work-items?state=done", "engineering");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("state");
  });

  it("refuses a ship date in the future, a stale version and an unknown work item", async () => {
    const future = await call("POST", `/work-items/${legalId}/ship`, "admin", { shippedDate: "2030-01-01" });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ field: "shippedDate", code: "date_in_future" });
    expect(future.json().detail).toBe("The work item cannot be shipped.");
    const stale = await call("POST", `/work-items/${legalId}/ship`, "admin", { version: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      current: { state: "proposed", version: 1 },
    });
    const missing = await call("POST", "/work-items/00000000-0000-4000-8000-000000000000/ship", "admin", {});
    expect(missing.statusCode).toBe(404);
  });

  it("ships in one transaction: a failure at the last step leaves nothing of it", async () => {
    // The outbox refuses the event, as a crash or a lost connection at that point would.
    await database.db.execute(
      sql`create function refuse_event() returns trigger language plpgsql as $$
          begin raise exception 'outbox down'; end $$`,
    );
    await database.db.execute(
      sql`create trigger refuse_event before insert on webhook_events for each row execute function refuse_event()`,
    );
    const notices = sql`select count(*)::int as n from notifications where kind = 'fix_shipped'`;
    const before = await count(notices);
    const failed = await call("POST", `/work-items/${legalId}/ship`, "admin", {});
    expect(failed.statusCode).toBe(500);
    expect(await count(notices)).toBe(before);
    expect(
      await count(sql`select count(*)::int as n from recheck_items where work_item_id = ${legalId}::uuid`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from jobs where kind = 'mail.send'`)).toBe(3);
    const list = (await call("GET", "/work-items", "admin")).json();
    expect(list.items.find((item: { id: string }) => item.id === legalId)).toMatchObject({
      state: "proposed",
      version: 1,
    });

    await database.db.execute(sql`drop trigger refuse_event on webhook_events`);
    const shipped = await call("POST", `/work-items/${legalId}/ship`, "admin", {});
    expect(shipped.json()).toMatchObject({ shipped: true, entitlements: 1, rechecks: 1, people: 1 });
    expect(await count(notices)).toBe(before + 1);
  });
});
