import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { openDatabase } from "../../db/client.ts";
import type { ProposedSegment } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { listNotifications } from "../notifications/list-notifications.ts";
import { addResolverMember } from "./add-resolver-member.ts";
import { escalationRulesJob, raiseRuleEscalations } from "./escalation-rules-job.ts";
import { getEscalationHistory } from "./get-escalation-history.ts";
import { listEscalations } from "./list-escalations.ts";

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };
let fm: Actor;
let member: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-03-10T09:00:00Z"));
  fm = await createUser(database.db, { role: "delivery_fm" });
  member = await createUser(database.db, { role: "fasttrack_engineer" });
  await addResolverMember(
    deps,
    { actor: systemActor, source: "cli" },
    { group: "App compatibility team", user: member.id },
  );
});
afterAll(() => database.close());

const blocked = (targetDate: string): ProposedSegment => ({
  seats: 100,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2: "app_compatibility",
  targetDate,
  nextAction: "Test the rostering app against the new client",
  note: "The shop-floor rostering app breaks under the Teams client; the vendor ships a fix next quarter.",
});

/** A Delivery-stage Teams entitlement In Progress, its FM assigned. */
async function inProgress() {
  const tenant = await createTenant(database.db, { name: "Fabrikam Retail" });
  await assign(database.db, fm.id, { tenantId: tenant.id });
  return createEntitlement(database.db, {
    tenantId: tenant.id,
    serviceId: "teams",
    stage: "delivery",
    segments: [
      {
        seats: 100,
        l1: "in_progress",
        scenarioId: "in_progress_delivery",
        serviceStatus: "assess",
        engagementScenario: "customer_led_with_ftp_assist",
        targetDate: "2025-06-01",
        note: "Deploying; assessing the network.",
      },
    ],
  });
}

async function save(entitlementId: string, version: number, segment: ProposedSegment, at: string) {
  deps.setNow(new Date(at));
  return (await setStatus(deps, { entitlementId, version, segments: [segment], actor: fm, source: "api" }))
    .entitlement;
}

const escalationsOf = async (entitlementId: string) =>
  (await listEscalations(deps, systemActor, { entitlementId })).items;

describe("the playbook's escalation rules", () => {
  it("raises one escalation when the Blocked target slipped 14 days past the spell's first, however often they run", async () => {
    const entitlement = await inProgress();
    let view = await save(entitlement.id, 1, blocked("2025-04-01"), "2025-03-10T09:00:00Z");
    view = await save(entitlement.id, view.version, blocked("2025-04-10"), "2025-03-14T09:00:00Z");
    // Nine days past the first target: not yet.
    expect((await raiseRuleEscalations(deps)).raised).toBe(0);
    await save(entitlement.id, view.version, blocked("2025-04-21"), "2025-03-20T09:00:00Z");

    // Two servers, each with its runner, on one database; then the rules run again directly.
    const second = database.url ? await openDatabase({ url: database.url, poolSize: 2 }) : database;
    try {
      const schedules = [{ kind: "escalation.rules", every: 3_600_000 }];
      const runners = [deps, { ...deps, database: second }].map(
        (each) => new JobRunner(each, { handlers: [escalationRulesJob], schedules }),
      );
      await Promise.all(runners.map((runner) => runner.tick()));
      await Promise.all([raiseRuleEscalations(deps), raiseRuleEscalations({ ...deps, database: second })]);
    } finally {
      if (second !== database) await second.close();
    }
    expect(await raiseRuleEscalations(deps)).toEqual({ raised: 0, more: false });

    const found = await escalationsOf(entitlement.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "target_slipped",
      group: "App compatibility team",
      state: "open",
      openedBy: null,
      dueOn: "2025-04-03",
    });
    expect(found[0]?.message).toContain("from 1 Apr 2025 to 21 Apr 2025");
    const inbox = await listNotifications(deps, member);
    expect(inbox.items.filter((item) => item.entitlementId === entitlement.id)).toHaveLength(1);
    const [opened] = await getEscalationHistory(deps, fm, entitlement.id);
    expect(opened).toMatchObject({ kind: "opened", rule: "target_slipped", actor: null });
  });
});

describe("the rules in a new Blocked spell", () => {
  it("raises again in a new Blocked spell, not in the same one", async () => {
    const entitlement = await inProgress();
    let view = await save(entitlement.id, 1, blocked("2025-04-01"), "2025-03-10T09:00:00Z");
    view = await save(entitlement.id, view.version, blocked("2025-05-01"), "2025-03-11T09:00:00Z");
    await raiseRuleEscalations(deps);
    expect(await escalationsOf(entitlement.id)).toHaveLength(1);
    // Unblocked, then Blocked again: a new spell, whose first target is the new one.
    view = await save(
      entitlement.id,
      view.version,
      {
        seats: 100,
        l1: "in_progress",
        scenarioId: "in_progress_delivery",
        serviceStatus: "assess",
        engagementScenario: "customer_led_with_ftp_assist",
        targetDate: "2025-06-01",
        note: "Deploying again.",
      },
      "2025-03-12T09:00:00Z",
    );
    view = await save(entitlement.id, view.version, blocked("2025-04-15"), "2025-03-13T09:00:00Z");
    await raiseRuleEscalations(deps);
    expect(await escalationsOf(entitlement.id)).toHaveLength(1);
    await save(entitlement.id, view.version, blocked("2025-05-15"), "2025-03-14T09:00:00Z");
    await raiseRuleEscalations(deps);
    expect((await escalationsOf(entitlement.id)).map((item) => item.rule)).toEqual([
      "target_slipped",
      "target_slipped",
    ]);
  });
});

describe("the Blocked-too-long rule", () => {
  it("raises one when an entitlement stays Blocked more than 90 days", async () => {
    deps.setNow(new Date("2025-03-10T09:00:00Z"));
    const long = await createEntitlement(database.db, {
      segments: [{ seats: 10, l1: "blocked", l2: "legal_regulatory", l1Since: "2024-12-01T00:00:00.000Z" }],
    });
    const recent = await createEntitlement(database.db, {
      segments: [{ seats: 10, l1: "blocked", l2: "legal_regulatory", l1Since: "2024-12-20T00:00:00.000Z" }],
    });
    await raiseRuleEscalations(deps);
    await raiseRuleEscalations(deps);
    expect(await escalationsOf(long.id)).toMatchObject([
      { rule: "blocked_too_long", group: "Customer legal and compliance" },
    ]);
    expect(await escalationsOf(recent.id)).toEqual([]);
  });
});
