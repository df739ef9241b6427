import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { recordStatus } from "../../../test/factories/history-factory.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import {
  chooseLanguage,
  type LanguageServer,
  openLanguageServer,
} from "../../../test/support/language-server.ts";
import type { Actor } from "../../app/app-deps.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { setStatus } from "../../app/entitlements/set-status.ts";
import { addResolverMember } from "../../app/escalations/add-resolver-member.ts";
import { raiseRuleEscalations } from "../../app/escalations/escalation-rules-job.ts";
import { listNotifications } from "../../app/notifications/list-notifications.ts";
import type { ProposedSegment } from "../../domain/status-segment.ts";

/**
 * A rule-raised escalation, its report, an entitlement's history and the
 * history reports in the reader's language: a German and an English Admin in
 * one database (docs/I18N.md). Today is 2025-03-20.
 */
let context: LanguageServer;
let database: LanguageServer["database"];
let deps: LanguageServer["deps"];
let server: LanguageServer["server"];
let german: { authorization: string };
let english: { authorization: string };
let member: Actor;
/** Blocked, its target slipped: the rule raised an escalation. */
let slipped: string;
/** First recorded Blocked on 03-12: a change from no status. */
let fresh: string;
/** An escalation a rule raised before its values were kept: English text only. */
let old: string;

const blocked = (targetDate: string): ProposedSegment => ({
  seats: 100,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2: "app_compatibility",
  targetDate,
  nextAction: "Test the rostering app against the new client",
  note: "The shop-floor rostering app breaks under the Teams client; the vendor ships a fix next quarter.",
});

const chooses = (headers: { authorization: string }, language: string) =>
  chooseLanguage(server, headers, language);

/** A Delivery-stage Teams entitlement Blocked on 03-10 with a target of 04-01, moved to 04-21 on 03-20. */
async function slippedEntitlement(): Promise<string> {
  const fm = await createUser(database.db, { role: "delivery_fm" });
  const tenant = await createTenant(database.db, { name: "Fabrikam Retail" });
  await assign(database.db, fm.id, { tenantId: tenant.id });
  const { id } = await createEntitlement(database.db, {
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
  const save = async (version: number, segment: ProposedSegment, at: string) => {
    deps.setNow(new Date(at));
    return (
      await setStatus(deps, { entitlementId: id, version, segments: [segment], actor: fm, source: "api" })
    ).entitlement;
  };
  const first = await save(1, blocked("2025-04-01"), "2025-03-10T09:00:00Z");
  await save(first.version, blocked("2025-04-21"), "2025-03-20T09:00:00Z");
  return id;
}

/** An escalation as a rule wrote it before migration 0029: its English message, no values. */
async function oldRuleEscalation(): Promise<string> {
  const { id: entitlementId } = await createEntitlement(database.db, { serviceId: "teams" });
  const message = "Blocked for more than 90 days without a break.";
  const rows = await database.db.execute(
    sql`insert into escalations (entitlement_id, group_name, l1, l2, message, rule, spell_start, due_on,
          opened_at, updated_at)
        values (${entitlementId}::uuid, 'App compatibility team', 'blocked', 'app_compatibility', ${message},
          'blocked_too_long', '2024-11-01T00:00:00Z', '2025-03-14', '2025-02-28T09:00:00Z', '2025-02-28T09:00:00Z')
        returning id::text as id`,
  );
  const id = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
  await database.db.execute(
    sql`insert into escalation_events (escalation_id, entitlement_id, at, kind, text)
        values (${id}::uuid, ${entitlementId}::uuid, '2025-02-28T09:00:00Z', 'opened', ${message})`,
  );
  return id;
}

beforeAll(async () => {
  context = await openLanguageServer({ now: new Date("2025-03-10T09:00:00Z") });
  ({ database, deps, server } = context);
  german = context.headers.de;
  english = context.headers.en;
  member = await createUser(database.db, { role: "fasttrack_engineer" });
  await chooses(await bearerFor(deps, member), "de");
  await addResolverMember(
    deps,
    { actor: systemActor, source: "cli" },
    { group: "App compatibility team", user: member.id },
  );
  slipped = await slippedEntitlement();
  fresh = (await createEntitlement(database.db, { serviceId: "teams" })).id;
  await recordStatus(database.db, fresh, "2025-03-12T10:00:00.000Z", [
    { seats: 40, l1: "blocked", l2: "app_compatibility" },
  ]);
  expect((await raiseRuleEscalations(deps)).raised).toBe(1);
  old = await oldRuleEscalation();
});
afterAll(async () => {
  await context.close();
});

const get = async (url: string, headers: { authorization: string }) => {
  const response = await server.inject({ method: "GET", url, headers });
  expect(response.statusCode).toBe(200);
  return response.json();
};

const germanSlip =
  "Das Zieldatum der Blockade wurde vom 1. Apr. 2025 auf den 21. Apr. 2025 verschoben: 14 Tage oder mehr nach dem ersten Zieldatum dieser Blockadephase.";
const englishSlip =
  "The Blocked target date slipped from 1 Apr 2025 to 21 Apr 2025, 14 days or more past the first one of this Blocked spell.";

describe("a rule-raised escalation in the reader's language", () => {
  it("says the message, its opening event and the L2 in German to a German Admin, in English to an English one", async () => {
    const [deItem] = (await get(`/api/escalations?entitlementId=${slipped}`, german)).items;
    expect(deItem).toMatchObject({
      rule: "target_slipped",
      message: germanSlip,
      l2Name: "App-Kompatibilität",
    });
    expect(deItem).not.toHaveProperty("ruleValues");
    const [enItem] = (await get(`/api/escalations?entitlementId=${slipped}`, english)).items;
    expect(enItem).toMatchObject({ message: englishSlip, l2Name: "App Compatibility" });

    const deDetail = await get(`/api/escalations/${deItem.id}`, german);
    expect(deDetail.message).toBe(germanSlip);
    expect(deDetail.events[0]).toMatchObject({ kind: "opened", text: germanSlip, actor: null });
    expect((await get(`/api/escalations/${deItem.id}`, english)).events[0].text).toBe(englishSlip);
  });

  it("tells a German group member in German", async () => {
    const inbox = await listNotifications(deps, member);
    const notice = inbox.items.find((item) => item.entitlementId === slipped);
    expect(notice?.text).toContain("App-Kompatibilität");
    expect(notice?.text).toContain(germanSlip);
  });

  it("shows it in the entitlement's history in the reader's language", async () => {
    const deHistory = await get(`/api/entitlements/${slipped}/history`, german);
    expect(deHistory.escalations[0]).toMatchObject({
      kind: "opened",
      l2Name: "App-Kompatibilität",
      text: germanSlip,
    });
    const enHistory = await get(`/api/entitlements/${slipped}/history`, english);
    expect(enHistory.escalations[0]).toMatchObject({ l2Name: "App Compatibility", text: englishSlip });
  });

  it("names the L2s of the escalation report in the reader's language", async () => {
    expect((await get("/api/escalations/report", german)).open[0]).toMatchObject({
      l2: "app_compatibility",
      l2Name: "App-Kompatibilität",
    });
    expect((await get("/api/escalations/report", english)).open[0].l2Name).toBe("App Compatibility");
  });

  it("keeps the stored English text of an escalation raised before its values were kept", async () => {
    const stored = "Blocked for more than 90 days without a break.";
    const detail = await get(`/api/escalations/${old}`, german);
    expect(detail).toMatchObject({ rule: "blocked_too_long", message: stored, l2Name: "App-Kompatibilität" });
    expect(detail.events[0].text).toBe(stored);
  });
});

describe("the history reports in the reader's language", () => {
  it("names L1s, L2s and no status in German for a German Admin, in English for an English one", async () => {
    const changeOf = async (headers: { authorization: string }) =>
      (await get("/api/compare?from=2025-03-11&to=2025-03-19", headers)).groups
        .flatMap((group: { changes: { entitlementId: string }[] }) => group.changes)
        .find((change: { entitlementId: string }) => change.entitlementId === fresh);
    expect(await changeOf(german)).toMatchObject({
      fromL1Name: "(kein Status)",
      toL1Name: "Blockiert",
      toL2Name: "App-Kompatibilität",
    });
    expect(await changeOf(english)).toMatchObject({
      fromL1Name: "(no status)",
      toL1Name: "Blocked",
      toL2Name: "App Compatibility",
    });
    const flow = await get("/api/reports/l1-flow?from=2025-03-11&to=2025-03-19", german);
    expect(flow.items).toContainEqual(
      expect.objectContaining({ fromL1: null, fromL1Name: "(kein Status)", toL1Name: "Blockiert" }),
    );
    const dwell = await get("/api/reports/dwell-times?from=2025-03-01&to=2025-03-20", german);
    expect(dwell.items[0]).toMatchObject({ l2: "app_compatibility", l2Name: "App-Kompatibilität" });
    const weeks = await get("/api/reports/blocked-over-time-by-l2?weeks=2", german);
    expect(weeks.items).toContainEqual(expect.objectContaining({ l2Name: "App-Kompatibilität" }));
  });
});

describe("escalation refusals in the asker's language", () => {
  it("says a waiting escalation, a non-member's answer, a missing reason and a closed one in the asker's language", async () => {
    const tenant = await createTenant(database.db, { name: "Tailspin Toys" });
    const { id } = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "teams",
      stage: "delivery",
      segments: [{ seats: 50, l1: "blocked", scenarioId: "blocked_delivery", l2: "app_compatibility" }],
    });
    const fms: { authorization: string }[] = [];
    for (const language of ["de", "en"]) {
      const fm = await createUser(database.db, { role: "delivery_fm" });
      await assign(database.db, fm.id, { tenantId: tenant.id });
      fms.push(await bearerFor(deps, fm));
      await chooses(fms.at(-1)!, language);
    }
    const [deFm, enFm] = fms as [{ authorization: string }, { authorization: string }];
    const post = (url: string, headers: { authorization: string }, payload: object) =>
      server.inject({ method: "POST", url, headers, payload });
    const opened = await post(`/api/entitlements/${id}/escalations`, deFm, { message: "Bitte prüfen." });
    expect(opened.statusCode).toBe(201);
    const escalation = opened.json();

    const again = await post(`/api/entitlements/${id}/escalations`, deFm, { message: "Noch einmal." });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      "Eine Eskalation dieser Lizenzberechtigung an App compatibility team wartet noch; kommentieren Sie sie, statt eine weitere zu eröffnen.",
    );
    expect(
      (await post(`/api/entitlements/${id}/escalations`, enFm, { message: "Again." })).json().detail,
    ).toBe(
      "An escalation of this entitlement to App compatibility team is still waiting; comment on it rather than opening another.",
    );

    const answered = await post(`/api/escalations/${escalation.id}/acknowledge`, deFm, { version: 1 });
    expect(answered.statusCode).toBe(403);
    expect(answered.json()).toMatchObject({ rule: "not_group_member" });
    expect(answered.json().detail).toMatch(
      /^Nur die Mitglieder der Resolver-Gruppe „App compatibility team“/,
    );

    const noReason = await post(`/api/escalations/${escalation.id}/decline`, german, {
      version: 1,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().detail).toBe("Sagen Sie, warum die Gruppe ablehnt: Der Grund ist erforderlich.");
    expect(noReason.json().errors).toEqual([
      {
        field: "reason",
        code: "required",
        message: "Sagen Sie, warum die Gruppe ablehnt: Der Grund ist erforderlich.",
      },
    ]);
    expect((await post(`/api/escalations/${escalation.id}/resolve`, german, { version: 1 })).statusCode).toBe(
      200,
    );
    const closed = await post(`/api/escalations/${escalation.id}/acknowledge`, german, { version: 2 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toBe("Eine Eskalation im Stand „gelöst“ kann nicht angenommen werden.");
    const enClosed = await post(`/api/escalations/${escalation.id}/acknowledge`, english, { version: 2 });
    expect(enClosed.json().detail).toBe("A resolved escalation cannot be acknowledged.");
  });

  it("says an unknown group or person in the Admin's language", async () => {
    const add = (group: string, user: string, headers: { authorization: string }) =>
      server.inject({
        method: "POST",
        url: `/api/resolver-groups/${group}/members`,
        headers,
        payload: { user },
      });
    const noUser = await add(encodeURIComponent("App compatibility team"), "nobody@contoso.test", german);
    expect(noUser.statusCode).toBe(422);
    expect(noUser.json().detail).toBe("Es gibt keinen Benutzer „nobody@contoso.test“.");
    expect(noUser.json().errors).toEqual([
      { field: "user", code: "user_unknown", message: "Es gibt keinen Benutzer „nobody@contoso.test“." },
    ]);
    const noGroup = await add("Nobody", member.email, english);
    expect(noGroup.json().detail).toBe(
      'There is no resolver group "Nobody": the playbook\'s L2s name the groups.',
    );
  });
});
