import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { startSmtpTestServer } from "../../../test/support/smtp-test-server.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { ProposedSegment } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { serverJobs } from "../jobs/job-handlers.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { listNotifications } from "./list-notifications.ts";
import { markNotificationsRead } from "./mark-notifications-read.ts";

const noIntent: ProposedSegment = {
  seats: 100,
  l1: "no_intent",
  scenarioId: "no_intent_withdrawn",
  l2: "executive_sponsorship",
  note: "The new CIO decided against Teams after the merger; no sponsor is left for it.",
};

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let fm: Actor;
let onTenant: Actor;
let onCustomer: Actor;
let elsewhere: Actor;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.UNBLOCK_SMTP_URL = smtp.url;
  process.env.UNBLOCK_MAIL_FROM = "Unblock <unblock@example.test>";
  process.env.UNBLOCK_PUBLIC_URL = "https://unblock.example.test";
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  fm = await createUser(database.db, { role: "delivery_fm" });
  onTenant = await createUser(database.db, { role: "account_team", email: "tess@example.test" });
  onCustomer = await createUser(database.db, { role: "account_team", email: "carl@example.test" });
  elsewhere = await createUser(database.db, { role: "account_team", email: "else@example.test" });
});
afterAll(async () => {
  for (const name of ["UNBLOCK_SMTP_URL", "UNBLOCK_MAIL_FROM", "UNBLOCK_PUBLIC_URL"])
    delete process.env[name];
  await smtp.close();
  await database.close();
});

/** Runs due jobs until `until` holds; the deadline only catches a runner that never gets there. */
async function runJobs(runner: JobRunner, until: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error("the jobs did not send the expected mail within 60 s");
    if ((await runner.tick()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Notify account team of No Intent", () => {
  it("tells the account team assigned to the tenant or its customer, in the inbox and by mail, once", async () => {
    const customer = await createCustomer(database.db);
    const tenant = await createTenant(database.db, { customerId: customer.id, name: "Contoso Europe" });
    const entitlement = await createEntitlement(database.db, {
      tenantId: tenant.id,
      stage: "delivery",
      availableSeats: 100,
    });
    await assign(database.db, fm.id, { tenantId: tenant.id });
    await assign(database.db, onTenant.id, { tenantId: tenant.id });
    await assign(database.db, onCustomer.id, { customerId: customer.id });
    await assign(database.db, elsewhere.id, { tenantId: (await createTenant(database.db)).id });

    const saved = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [noIntent],
      actor: fm,
      source: "api",
    });
    // Saved again with a longer note: no second notice.
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: saved.entitlement.version,
      segments: [{ ...noIntent, note: `${noIntent.note} Confirmed in writing.` }],
      actor: fm,
      source: "api",
    });

    const runner = new JobRunner(deps, serverJobs());
    await runJobs(runner, () => smtp.received.length >= 2);
    // Whatever else is due runs too: no third mail may come of the two saves.
    while ((await runner.tick()) > 0) {}

    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([
      "carl@example.test",
      "tess@example.test",
    ]);
    for (const mail of smtp.received) {
      expect(mail.raw).toContain("From: Unblock <unblock@example.test>");
      expect(mail.raw).toMatch(
        /Subject: No Intent handed to the account team - Exchange[^\n]* at Contoso Europe/,
      );
      expect(mail.raw).toContain("Content-Type: text/plain");
      expect(mail.raw).toContain("Content-Type: text/html");
      expect(mail.raw).toContain(`https://unblock.example.test/tenants/${tenant.id}?edit=${entitlement.id}`);
    }

    const inbox = await listNotifications(deps, onTenant);
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: "no_intent_handover",
        entitlementId: entitlement.id,
        tenantId: tenant.id,
        readAt: null,
      }),
    ]);
    expect(inbox.items[0]?.text).toContain("No Intent recorded for Exchange");
    expect((await listNotifications(deps, elsewhere)).items).toEqual([]);
    expect((await listNotifications(deps, fm)).items).toEqual([]);

    // Another user's ids change nothing; one's own are read.
    expect(await markNotificationsRead(deps, onCustomer, { ids: [inbox.items[0]!.id] })).toEqual({
      unread: 1,
    });
    expect(await markNotificationsRead(deps, onTenant, { ids: [inbox.items[0]!.id] })).toEqual({ unread: 0 });
    expect((await listNotifications(deps, onTenant)).items[0]?.readAt).not.toBeNull();
    expect(await markNotificationsRead(deps, onCustomer, {})).toEqual({ unread: 0 });
  });
});

describe("Notify account team of a Delivery-stage Blocked status", () => {
  it("tells the assigned account team once, and nothing when the same Blocked status is saved again", async () => {
    const tenant = await createTenant(database.db, { name: "Fabrikam Retail" });
    const entitlement = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "teams",
      stage: "delivery",
      availableSeats: 80,
      segments: [
        {
          seats: 80,
          l1: "in_progress",
          scenarioId: "in_progress_delivery",
          serviceStatus: "assess",
          engagementScenario: "customer_led_with_ftp_assist",
          targetDate: new Date(deps.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
          note: "Deploying; assessing the network.",
        },
      ],
    });
    await assign(database.db, fm.id, { tenantId: tenant.id });
    const teamMember = await createUser(database.db, { role: "account_team", email: "bea@example.test" });
    await assign(database.db, teamMember.id, { tenantId: tenant.id });
    const blocked: ProposedSegment = {
      seats: 80,
      l1: "blocked",
      scenarioId: "blocked_delivery",
      l2: "app_compatibility",
      targetDate: new Date(deps.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      nextAction: "Test the line-of-business app against the new client",
      note: "The shop-floor rostering app breaks under the Teams client; the vendor ships a fix next quarter.",
    };
    const before = smtp.received.length;
    const saved = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked],
      actor: fm,
      source: "api",
    });
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: saved.entitlement.version,
      segments: [{ ...blocked, note: `${blocked.note} Vendor confirmed the date.` }],
      actor: fm,
      source: "api",
    });
    const runner = new JobRunner(deps, serverJobs());
    await runJobs(runner, () => smtp.received.length > before);
    while ((await runner.tick()) > 0) {}

    const mails = smtp.received.slice(before);
    expect(mails.map((mail) => mail.to[0])).toEqual(["bea@example.test"]);
    expect(mails[0]?.raw).toMatch(/Subject: Blocked handed to the account team - Teams at Fabrikam Retail/);
    const inbox = await listNotifications(deps, teamMember);
    expect(inbox.items.map((item) => item.kind)).toEqual(["blocked_handover"]);
    expect(inbox.items[0]?.text).toContain("Blocked recorded for Teams at Fabrikam Retail");
  });
});
