import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { type ReceivedMail, startSmtpTestServer } from "../../../test/support/smtp-test-server.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { savePreferences } from "../../db/repositories/preference-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { addResolverMember } from "../escalations/add-resolver-member.ts";
import { changeEscalationState } from "../escalations/change-escalation-state.ts";
import { openEscalation } from "../escalations/open-escalation.ts";
import { serverJobs } from "../jobs/job-handlers.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { listNotifications } from "./list-notifications.ts";

const group = "App compatibility team";
const as = (actor: Actor) => ({ actor, source: "api" });

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let fm: Actor;
let germanResolver: Actor;
let englishResolver: Actor;
let germanTeam: Actor;
let englishTeam: Actor;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.UNBLOCK_SMTP_URL = smtp.url;
  process.env.UNBLOCK_PUBLIC_URL = "https://unblock.example.test";
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  fm = await createUser(database.db, { role: "delivery_fm", name: "Dana Field" });
  germanResolver = await createUser(database.db, { role: "fasttrack_engineer", email: "gerd@example.test" });
  englishResolver = await createUser(database.db, { role: "fasttrack_engineer", email: "erin@example.test" });
  germanTeam = await createUser(database.db, { role: "account_team", email: "greta@example.test" });
  englishTeam = await createUser(database.db, { role: "account_team", email: "emma@example.test" });
  for (const person of [fm, germanResolver, germanTeam]) {
    await savePreferences(database.db, person.id, { language: "de" }, deps.now());
  }
  for (const person of [germanResolver, englishResolver]) {
    await addResolverMember(deps, as(systemActor), { group, user: person.email });
  }
});
afterAll(async () => {
  for (const name of ["UNBLOCK_SMTP_URL", "UNBLOCK_PUBLIC_URL"]) delete process.env[name];
  await smtp.close();
  await database.close();
});

/**
 * A mail as its reader sees it: UTF-8 undone and the subject's encoded words
 * decoded. The test server undoes quoted-printable byte by byte (and with it
 * the "=" ending an encoded word before a fold), so each word is read up to its "?".
 */
function readable(mail: ReceivedMail): { subject: string; body: string } {
  const utf8 = (latin1: string) => Buffer.from(latin1, "latin1").toString("utf8");
  const header = mail.headers.subject ?? "";
  const words = [...header.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?/gi)].map(([, how, text = ""]) =>
    how?.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : utf8(text.replace(/_/g, " ")),
  );
  return { subject: words.length > 0 ? words.join("") : header, body: utf8(mail.raw) };
}

async function runAllJobs(until: () => boolean): Promise<void> {
  const runner = new JobRunner(deps, serverJobs());
  const deadline = Date.now() + 60_000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error("the jobs did not send the expected mails within 60 s");
    if ((await runner.tick()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  while ((await runner.tick()) > 0) {}
}

/** A Delivery-stage Teams entitlement at a new tenant, with these people assigned to the tenant. */
async function deliveryEntitlement(tenantName: string, people: Actor[], segments?: object[]) {
  const tenant = await createTenant(database.db, { name: tenantName });
  for (const person of people) await assign(database.db, person.id, { tenantId: tenant.id });
  const entitlement = await createEntitlement(database.db, {
    tenantId: tenant.id,
    serviceId: "teams",
    stage: "delivery",
    availableSeats: 100,
    ...(segments ? { segments } : {}),
  } as Parameters<typeof createEntitlement>[1]);
  return { tenant, entitlement };
}

describe("notices in each person's language", () => {
  it("hands No Intent to a German and an English account team member, each in their language", async () => {
    const { tenant, entitlement } = await deliveryEntitlement("Contoso Europe", [
      fm,
      germanTeam,
      englishTeam,
    ]);
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [
        {
          seats: 100,
          l1: "no_intent",
          scenarioId: "no_intent_withdrawn",
          l2: "executive_sponsorship",
          note: "The new CIO decided against Teams after the merger; no sponsor is left for it.",
        },
      ],
      actor: fm,
      source: "api",
    });
    await runAllJobs(() => smtp.received.length >= 2);

    const german = (await listNotifications(deps, germanTeam)).items[0]?.text;
    expect(german).toBe(
      "„Keine Nutzungsabsicht“ für Teams bei Contoso Europe in der Phase „Umsetzung“ erfasst: Ab jetzt übernimmt das Account-Team und überzeugt die Entscheidungsträger vom Nutzen.",
    );
    const english = (await listNotifications(deps, englishTeam)).items[0]?.text;
    expect(english).toMatch(/^No Intent recorded for Teams at Contoso Europe in the Delivery stage/);

    const [toGreta] = smtp.to("greta@example.test").map(readable);
    expect(toGreta?.subject).toBe(
      "„Keine Nutzungsabsicht“ an das Account-Team übergeben – Teams bei Contoso Europe",
    );
    expect(toGreta?.body).toContain(german);
    expect(toGreta?.body).toContain(
      `Öffnen: https://unblock.example.test/tenants/${tenant.id}?edit=${entitlement.id}`,
    );
    expect(toGreta?.body).toContain(">In Unblock öffnen</a>");
    expect(toGreta?.body).not.toContain("Open it");
    const [toEmma] = smtp.to("emma@example.test").map(readable);
    expect(toEmma?.subject).toBe("No Intent handed to the account team - Teams at Contoso Europe");
    expect(toEmma?.body).toContain("Open it: https://unblock.example.test/tenants/");
  });
});

describe("escalation notices in each person's language", () => {
  it("tells a resolver group and the opener of an escalation in their languages, dates as they write them", async () => {
    const { entitlement } = await deliveryEntitlement(
      "Fabrikam Retail",
      [fm],
      [
        {
          seats: 100,
          l1: "blocked",
          scenarioId: "blocked_delivery",
          l2: "app_compatibility",
          targetDate: "2025-05-01",
        },
      ],
    );
    const opened = await openEscalation(deps, as(fm), {
      entitlementId: entitlement.id,
      message: "Der Hersteller hat den Fix zweimal verschoben.",
    });
    expect(opened.dueOn).toBe("2025-03-24");
    expect((await listNotifications(deps, germanResolver)).items[0]?.text).toBe(
      "Teams bei Fabrikam Retail wurde von Dana Field an App compatibility team (App-Kompatibilität) eskaliert, fällig am 24. März 2025: Der Hersteller hat den Fix zweimal verschoben.",
    );
    expect((await listNotifications(deps, englishResolver)).items[0]?.text).toBe(
      "Teams at Fabrikam Retail was escalated to App compatibility team (App Compatibility) by Dana Field, due by 24 Mar 2025: Der Hersteller hat den Fix zweimal verschoben.",
    );

    await changeEscalationState(deps, as(englishResolver), {
      id: opened.id,
      action: "resolve",
      version: opened.version,
      reason: "App Assure fixed the add-in.",
    });
    expect((await listNotifications(deps, fm)).items[0]?.text).toBe(
      "App compatibility team hat Ihre Eskalation zu Teams bei Fabrikam Retail gelöst: App Assure fixed the add-in.",
    );
  });
});
