import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Db } from "../../db/client.ts";
import { loadNotificationMail } from "../../db/repositories/notification-repository.ts";
import { insertSubscription } from "../../db/repositories/webhook-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { listNotifications } from "../notifications/list-notifications.ts";
import { notificationMail } from "../notifications/notification-jobs.ts";
import { addResolverMember } from "./add-resolver-member.ts";
import { changeEscalationState } from "./change-escalation-state.ts";
import { commentOnEscalation } from "./comment-on-escalation.ts";
import { getEscalationHistory } from "./get-escalation-history.ts";
import { getEscalationReport } from "./get-escalation-report.ts";
import { listEscalations } from "./list-escalations.ts";
import { listResolverGroups } from "./list-resolver-groups.ts";
import { openEscalation } from "./open-escalation.ts";
import { raiseEscalation } from "./raise-escalation.ts";
import { removeResolverMember } from "./remove-resolver-member.ts";

const group = "App compatibility team";
const as = (actor: Actor) => ({ actor, source: "api" });

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };
let fm: Actor;
let resolver: Actor;
let outsider: Actor;

/** A Delivery-stage entitlement Blocked by App Compatibility, with the FM assigned to its tenant. */
async function blockedEntitlement(tenantName = "Contoso Europe") {
  const tenant = await createTenant(database.db, { name: tenantName });
  await assign(database.db, fm.id, { tenantId: tenant.id });
  return createEntitlement(database.db, {
    tenantId: tenant.id,
    serviceId: "teams",
    stage: "delivery",
    segments: [
      {
        seats: 60,
        l1: "blocked",
        scenarioId: "blocked_delivery",
        l2: "app_compatibility",
        targetDate: "2025-05-01",
      },
      { seats: 40, l1: "in_progress", scenarioId: "in_progress_delivery", l2: "migration" },
    ],
  });
}

const count = async (sqlText: string) => Number((await database.execute(sqlText)).rows[0]?.n);

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  fm = await createUser(database.db, { role: "delivery_fm", name: "Dana Field" });
  resolver = await createUser(database.db, { role: "fasttrack_engineer", name: "Remy Resolver" });
  outsider = await createUser(database.db, { role: "team_lead", name: "Tom Lead" });
  await addResolverMember(deps, as(systemActor), { group, user: resolver.email });
  await insertSubscription(database.db, {
    url: "http://127.0.0.1:1/hook",
    events: ["escalation.opened", "escalation.resolved"],
    secret: "whsec_test",
    description: "",
    createdBy: null,
    at: deps.now(),
  });
});
afterAll(() => database.close());

describe("escalating to the resolver group", () => {
  it("reaches the group's queue and its members' inboxes, with the SLA and a webhook event", async () => {
    const entitlement = await blockedEntitlement();
    const opened = await openEscalation(deps, as(fm), {
      entitlementId: entitlement.id,
      message: "The vendor's fix slipped twice; we need App Assure on the rostering app.",
    });
    expect(opened).toMatchObject({
      group,
      l2: "app_compatibility",
      l2Name: "App Compatibility",
      state: "open",
      rule: null,
      // Opened Monday 2025-03-10: ten business days later.
      dueOn: "2025-03-24",
      openedBy: { name: "Dana Field" },
      canHandle: false,
    });

    const queue = await listEscalations(deps, resolver, { mine: true, state: "active" });
    expect(queue.items.map((item) => item.id)).toContain(opened.id);
    expect(queue.items.find((item) => item.id === opened.id)?.canHandle).toBe(true);
    // The resolver is not assigned to the tenant: its group's escalation shows all the same.
    expect(queue.items[0]?.tenant.name).toBe("Contoso Europe");

    const inbox = await listNotifications(deps, resolver);
    expect(inbox.items[0]).toMatchObject({ kind: "escalation_opened", entitlementId: entitlement.id });
    expect(inbox.items[0]?.text).toContain(
      "escalated to App compatibility team (App Compatibility) by Dana Field",
    );
    expect((await listNotifications(deps, fm)).items).toEqual([]);
    const mail = notificationMail((await loadNotificationMail(database.db, inbox.items[0]!.id))!);
    expect(mail.subject).toBe("Escalated to your resolver group - Teams at Contoso Europe");
    expect(mail.text).toContain(`?edit=${entitlement.id}`);

    const { rows } = await database.execute(
      "select type, payload from webhook_events where type like 'escalation.%' order by id",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: "escalation.opened",
      payload: { data: { escalationId: opened.id, group } },
    });
  });
});

describe("an escalation's history", () => {
  it("records acknowledgement, comments and resolution in the entitlement's history, with names", async () => {
    const entitlement = await blockedEntitlement("Fabrikam");
    const opened = await openEscalation(deps, as(fm), {
      entitlementId: entitlement.id,
      message: "Please look.",
    });
    const acknowledged = await changeEscalationState(deps, as(resolver), {
      id: opened.id,
      action: "acknowledge",
      version: opened.version,
    });
    await commentOnEscalation(deps, as(fm), { id: opened.id, text: "The vendor answered; see the note." });
    deps.setNow(new Date("2025-03-12T15:00:00Z"));
    const resolved = await changeEscalationState(deps, as(resolver), {
      id: opened.id,
      action: "resolve",
      version: acknowledged.version,
      note: "App Assure fixed the manifest.",
    });
    deps.setNow(new Date("2025-03-10T09:00:00Z"));
    expect(resolved).toMatchObject({ state: "resolved", closedBy: { name: "Remy Resolver" }, comments: 1 });
    expect(resolved.events.map((event) => event.kind)).toEqual([
      "opened",
      "acknowledged",
      "commented",
      "resolved",
    ]);

    const history = await getEscalationHistory(deps, fm, entitlement.id);
    expect(history.map((entry) => [entry.kind, entry.actor?.name])).toEqual([
      ["resolved", "Remy Resolver"],
      ["commented", "Dana Field"],
      ["acknowledged", "Remy Resolver"],
      ["opened", "Dana Field"],
    ]);
    expect(history[0]).toMatchObject({
      group,
      l2Name: "App Compatibility",
      text: "App Assure fixed the manifest.",
    });
    // The opener hears of the resolution.
    expect((await listNotifications(deps, fm)).items[0]).toMatchObject({ kind: "escalation_resolved" });
    expect(
      await count("select count(*)::int as n from webhook_events where type = 'escalation.resolved'"),
    ).toBe(1);

    const report = await getEscalationReport(deps, systemActor, { group });
    expect(report.states.resolved).toBe(1);
    expect(report.timeToAcknowledge.count).toBe(1);
    expect(report.timeToResolve).toEqual({ medianHours: 54, count: 1 });
  });
});

describe("who may answer an escalation", () => {
  it("refuses a non-member's acknowledgement (403), a stale version (409) and a decline without reason (422)", async () => {
    const entitlement = await blockedEntitlement("Northwind");
    const opened = await openEscalation(deps, as(fm), { entitlementId: entitlement.id, message: "Stuck." });

    await expect(
      changeEscalationState(deps, as(outsider), {
        id: opened.id,
        action: "acknowledge",
        version: opened.version,
      }),
    ).rejects.toMatchObject({ code: "forbidden", detail: { rule: "not_group_member" } });
    await expect(
      changeEscalationState(deps, as(resolver), {
        id: opened.id,
        action: "decline",
        version: opened.version,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [{ field: "reason", code: "required" }],
    });
    await changeEscalationState(deps, as(resolver), {
      id: opened.id,
      action: "acknowledge",
      version: opened.version,
    });
    await expect(
      changeEscalationState(deps, as(resolver), {
        id: opened.id,
        action: "acknowledge",
        version: opened.version,
      }),
    ).rejects.toMatchObject({
      code: "version_conflict",
      detail: { current: { state: "acknowledged", version: 2 } },
    });
    const declined = await changeEscalationState(deps, as(systemActor), {
      id: opened.id,
      action: "decline",
      version: 2,
      reason: "Not an app problem: the proxy blocks the client.",
    });
    expect(declined).toMatchObject({
      state: "declined",
      declineReason: "Not an app problem: the proxy blocks the client.",
    });
    await expect(
      changeEscalationState(deps, as(resolver), { id: opened.id, action: "resolve", version: 3 }),
    ).rejects.toMatchObject({ code: "conflict", detail: { current: { state: "declined" } } });
  });
});

describe("who sees an escalation", () => {
  it("hides an escalation from someone who neither reads its tenant nor belongs to its group", async () => {
    const entitlement = await blockedEntitlement("Tailspin");
    const opened = await openEscalation(deps, as(fm), { entitlementId: entitlement.id, message: "Help." });
    const stranger = await createUser(database.db, { role: "delivery_fm" });
    await expect(
      changeEscalationState(deps, as(stranger), { id: opened.id, action: "acknowledge", version: 1 }),
    ).rejects.toMatchObject({ code: "not_found" });
    // The entitlement answers as it always does: not assigned (a partner would get not_found).
    await expect(
      openEscalation(deps, as(stranger), { entitlementId: entitlement.id, message: "Me too." }),
    ).rejects.toMatchObject({ code: "forbidden", detail: { rule: "not_assigned" } });
    const viewer = await createUser(database.db, { role: "viewer" });
    await assign(database.db, viewer.id, { tenantId: opened.tenant.id });
    await expect(
      openEscalation(deps, as(viewer), { entitlementId: entitlement.id, message: "Me too." }),
    ).rejects.toMatchObject({ code: "forbidden", detail: { rule: "read_only_role" } });
    expect((await listEscalations(deps, stranger, {})).items.map((item) => item.id)).not.toContain(opened.id);
  });
});

describe("which group an escalation goes to", () => {
  it("keeps one waiting escalation per entitlement and group, and needs an L2 with a group", async () => {
    const entitlement = await blockedEntitlement("Litware");
    const first = await openEscalation(deps, as(fm), { entitlementId: entitlement.id, message: "One." });
    await expect(
      openEscalation(deps, as(fm), { entitlementId: entitlement.id, message: "Two." }),
    ).rejects.toMatchObject({ code: "conflict", detail: { escalationId: first.id } });
    // Another segment's L2 goes to its own group.
    const delivery = await openEscalation(deps, as(fm), {
      entitlementId: entitlement.id,
      l2: "migration",
      message: "The migration waves stalled.",
    });
    expect(delivery.group).toBe("Delivery team");
    await expect(
      openEscalation(deps, as(fm), { entitlementId: entitlement.id, l2: "legal_regulatory", message: "x" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [{ field: "l2", code: "not_on_entitlement" }],
    });
  });
});

describe("an escalation rolled back", () => {
  it("writes no escalation, event or notice when the change that raises it rolls back", async () => {
    const entitlement = await blockedEntitlement("Adventure Works");
    const before = await count("select count(*)::int as n from webhook_events");
    const notices = (await listNotifications(deps, resolver)).items.length;
    await expect(
      database.db.transaction(async (transaction) => {
        await raiseEscalation(transaction as unknown as Db, deps.now(), {
          entitlementId: entitlement.id,
          serviceId: "teams",
          about: { service: "Teams", tenant: "Adventure Works" },
          resolver: {
            l1: "blocked",
            l2: "app_compatibility",
            l2Name: "App Compatibility",
            group,
            slaBusinessDays: 10,
          },
          message: "Rolled back.",
          rule: null,
          ruleValues: null,
          spellStart: null,
          opener: fm,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await count("select count(*)::int as n from webhook_events")).toBe(before);
    expect(await count(`select count(*)::int as n from escalations where message = 'Rolled back.'`)).toBe(0);
    expect((await listNotifications(deps, resolver)).items).toHaveLength(notices);
  });
});

describe("resolver groups", () => {
  it("lists the playbook's groups; Admins see and change their people, others only whether they belong", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const groups = await listResolverGroups(deps, admin);
    expect(groups.find((item) => item.name === group)).toMatchObject({
      inPlaybook: true,
      memberCount: 1,
      members: [{ name: "Remy Resolver" }],
    });
    const mine = await listResolverGroups(deps, resolver);
    expect(mine.find((item) => item.name === group)).toMatchObject({ member: true, members: [] });

    await expect(addResolverMember(deps, as(fm), { group, user: fm.email })).rejects.toMatchObject({
      code: "forbidden",
      detail: { rule: "admin_only" },
    });
    await expect(
      addResolverMember(deps, as(admin), { group: "Nobody's group", user: fm.email }),
    ).rejects.toMatchObject({ violations: [{ field: "group", code: "group_unknown" }] });
    const added = await addResolverMember(deps, as(admin), { group: "Account Team", user: fm.email });
    expect(added.members.map((member) => member.email)).toEqual([fm.email]);
    const removed = await removeResolverMember(deps, as(admin), { group: "Account Team", user: fm.id });
    expect(removed.memberCount).toBe(0);
    expect(await count("select count(*)::int as n from audit_log where action like 'resolver_group.%'")).toBe(
      3,
    );
  });
});
