import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { secondHandle } from "../../../test/support/second-handle.ts";
import { type ReceivedMail, startSmtpTestServer } from "../../../test/support/smtp-test-server.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { serverJobs } from "../../app/jobs/job-handlers.ts";
import { JobRunner } from "../../app/jobs/job-runner.ts";
import { getMyWork } from "../../app/my-work/get-my-work.ts";
import { digestScanJob } from "../../app/notifications/digest-jobs.ts";
import { listNotifications } from "../../app/notifications/list-notifications.ts";
import { getMyPreferences, updateMyPreferences } from "../../app/notifications/my-preferences.ts";
import { notify } from "../../app/notifications/notify.ts";
import { createWorkItem } from "../../app/work-items/create-work-item.ts";
import { shipWorkItem } from "../../app/work-items/ship-work-item.ts";
import { buildServer } from "../build-server.ts";

type Deps = AppDeps & { setNow(d: Date): void };

let database: TestDatabase;
let second: Awaited<ReturnType<typeof secondHandle>>;
/** Two servers on one database: each its own deps (and, on PostgreSQL, its own connection pool) and runner. */
let one: Deps;
let two: Deps;
let runners: JobRunner[];
let server: FastifyInstance;
let webRoot: string;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.UNBLOCK_SMTP_URL = smtp.url;
  process.env.UNBLOCK_PUBLIC_URL = "https://unblock.example.test";
  database = await openTestDatabase();
  second = await secondHandle(database);
  one = await makeTestDeps(database);
  two = await makeTestDeps(second);
  runners = [new JobRunner(one, serverJobs()), new JobRunner(two, serverJobs())];
  // The links of a mail open the web app: a stand-in for its built index.html.
  webRoot = mkdtempSync(join(tmpdir(), "unblock-digest-web-"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Unblock</title>");
  server = await buildServer(one, { webRoot });
});
afterAll(async () => {
  for (const name of ["UNBLOCK_SMTP_URL", "UNBLOCK_PUBLIC_URL"]) delete process.env[name];
  await server.close();
  await second.closeIfOwn();
  await database.close();
  await smtp.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** Both servers' clocks at `iso`, then both runners work, side by side, until neither finds a job due. */
async function runAt(iso: string): Promise<void> {
  for (const deps of [one, two]) deps.setNow(new Date(iso));
  for (let round = 0; round < 100; round++) {
    const ran = await Promise.all(runners.map((runner) => runner.tick()));
    if (ran.every((n) => n === 0)) return;
  }
  throw new Error("the runners kept finding jobs");
}

/** A person assigned to a fresh tenant holding one entitlement per next action date given. */
async function personWith(
  nextActionDates: string[],
  fields: { role?: string; name?: string } = {},
): Promise<{ person: Actor; tenantId: string; entitlementIds: string[] }> {
  const person = await createUser(database.db, { role: fields.role ?? "delivery_fm", ...fields });
  const tenant = await createTenant(database.db, { name: `${person.name}'s tenant` });
  await assign(database.db, person.id, { tenantId: tenant.id });
  const services = ["exchange", "teams", "sharepoint", "onedrive"];
  const entitlementIds: string[] = [];
  for (const [n, date] of nextActionDates.entries()) {
    const entitlement = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: services[n],
      segments: [{ seats: 100, l1: "status_unknown", nextActionDate: date, nextAction: "Call the customer" }],
    });
    entitlementIds.push(entitlement.id);
  }
  return { person, tenantId: tenant.id, entitlementIds };
}

const linksIn = (mail: ReceivedMail) => [
  ...new Set(
    [...mail.raw.matchAll(/https:\/\/unblock\.example\.test\/tenants\/[^\s"<>]+/g)].map((m) => m[0]),
  ),
];

const unsubscribeLinkOf = (mail: ReceivedMail) => {
  const match = /^<(https:\/\/unblock\.example\.test\/unsubscribe\?token=[^>]+)>$/.exec(
    mail.headers["list-unsubscribe"] ?? "",
  );
  if (!match?.[1]) throw new Error(`no List-Unsubscribe header in ${mail.raw.slice(0, 400)}`);
  return new URL(match[1]);
};

let ann: Awaited<ReturnType<typeof personWith>>;
let bob: Awaited<ReturnType<typeof personWith>>;

describe("the daily digest", () => {
  it("sends a person with two overdue next actions one digest listing both, however many servers run", async () => {
    ann = await personWith(["2025-03-05", "2025-03-07"], { name: "Ann Overdue" });
    // Nothing to say: her only next action is weeks away.
    bob = await personWith(["2025-04-30"], { name: "Bob Quiet" });
    await runAt("2025-03-11T06:59:00Z"); // 06:59 UTC: too early
    expect(smtp.to(ann.person.email)).toEqual([]);
    // Two servers scanning at the same moment queue one digest for her: its key is person and local date.
    for (const deps of [one, two]) deps.setNow(new Date("2025-03-11T07:00:00Z"));
    await Promise.all(
      [one, two].map((deps) => digestScanJob.run(deps, {} as Parameters<typeof digestScanJob.run>[1])),
    );
    const { rows } = await database.execute(
      `select key from jobs where kind = 'digest.send' and payload->>'userId' = '${ann.person.id}'`,
    );
    expect(rows).toEqual([{ key: `digest:${ann.person.id}:2025-03-11` }]);
    await runAt("2025-03-11T07:00:00Z");
    // Later scans of the same day, on either server, queue nothing new.
    await runAt("2025-03-11T07:15:00Z");
    await runAt("2025-03-11T12:00:00Z");

    const mails = smtp.to(ann.person.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ReceivedMail];
    expect(mail.headers.subject).toBe("Unblock digest 11 Mar 2025: 2 overdue");
    expect(mail.raw).toContain("Content-Type: text/plain");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(mail.raw).toContain("Exchange");
    expect(mail.raw).toContain("Next action was due 5 Mar 2025, 6 days ago.");
    expect(mail.raw).toContain("Next action was due 7 Mar 2025, 4 days ago.");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(smtp.to(bob.person.email)).toEqual([]);

    const links = linksIn(mail);
    expect(links.sort()).toEqual(
      ann.entitlementIds
        .map((id) => `https://unblock.example.test/tenants/${ann.tenantId}?edit=${id}`)
        .sort(),
    );
    const asAnn = await bearerFor(one, ann.person);
    for (const link of links) {
      const url = new URL(link);
      const page = await server.inject({ method: "GET", url: `${url.pathname}${url.search}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      // The entitlement the link opens is there, in that tenant, and hers to read.
      const entitlement = await server.inject({
        method: "GET",
        url: `/api/entitlements/${url.searchParams.get("edit")}`,
        headers: asAnn,
      });
      expect(entitlement.statusCode).toBe(200);
      expect(entitlement.json()).toMatchObject({ tenant: { id: ann.tenantId } });
    }
  });
});

describe("the digest's unsubscribe link", () => {
  it("sends none after the one-click unsubscribe, which a GET only asks about", async () => {
    const link = unsubscribeLinkOf(smtp.to(ann.person.email)[0] as ReceivedMail);
    const path = `${link.pathname}${link.search}`;
    const asked = await server.inject({ method: "GET", url: path, headers: { accept: "text/html" } });
    expect(asked.statusCode).toBe(200);
    const masked = `${ann.person.email.slice(0, 1)}•••@example.test`;
    expect(asked.body).toContain(`Stop the Unblock digest for ${masked}?`);
    expect((await getMyPreferences(one, ann.person)).digest).toBe("daily");

    // Ann's signature on Bob's id, a signature one character off, a token cut short: refused, nothing changed.
    const token = link.searchParams.get("token") ?? "";
    const signature = token.split(".")[2] ?? "";
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
    for (const forged of [
      token.replace(ann.person.id, bob.person.id),
      token.replace(signature, flip(signature, 20)),
      token.replace(signature, flip(signature, signature.length - 1)),
      token.slice(0, -1),
    ]) {
      const refused = await server.inject({
        method: "POST",
        url: `/unsubscribe?token=${encodeURIComponent(forged)}`,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json()).toMatchObject({ errors: [{ field: "token", code: "token_invalid" }] });
    }
    expect((await server.inject({ method: "GET", url: "/unsubscribe" })).statusCode).toBe(400);
    expect((await getMyPreferences(one, bob.person)).digest).toBe("daily");

    const done = await server.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ list: "digest", email: masked, unsubscribed: true });
    expect((await getMyPreferences(one, ann.person)).digest).toBe("off");

    await runAt("2025-03-12T07:30:00Z");
    expect(smtp.to(ann.person.email)).toHaveLength(1);
    expect(smtp.to(bob.person.email)).toEqual([]);
  });
});

describe("the digest's time", () => {
  it("comes at 07:00 on each person's clock and judges their calendar's today", async () => {
    const kenji = await personWith(["2025-03-13"], { name: "Kenji Tokyo" });
    const lucy = await personWith(["2025-03-13"], { name: "Lucy Angeles" });
    await updateMyPreferences(one, kenji.person, { timeZone: "asia/tokyo" });
    await updateMyPreferences(one, lucy.person, { timeZone: "America/Los_Angeles" });
    const subjects = (person: Actor) => smtp.to(person.email).map((mail) => mail.headers.subject);

    await runAt("2025-03-13T13:59:00Z"); // Tokyo 22:59 on the 13th; Los Angeles 06:59 on the 13th
    expect(subjects(kenji.person)).toEqual(["Unblock digest 13 Mar 2025: 1 due this week"]);
    expect(subjects(lucy.person)).toEqual([]);
    await runAt("2025-03-13T14:00:00Z"); // Los Angeles 07:00
    expect(subjects(lucy.person)).toEqual(["Unblock digest 13 Mar 2025: 1 due this week"]);
    await runAt("2025-03-13T21:59:00Z"); // Tokyo 06:59 on the 14th
    expect(subjects(kenji.person)).toHaveLength(1);
    await runAt("2025-03-13T22:00:00Z"); // Tokyo 07:00 on the 14th, still the 13th in UTC and Los Angeles
    expect(subjects(kenji.person)).toEqual([
      "Unblock digest 13 Mar 2025: 1 due this week",
      "Unblock digest 14 Mar 2025: 1 overdue",
    ]);
    expect(smtp.to(kenji.person.email)[1]?.raw).toContain("Next action was due 13 Mar 2025, 1 day ago.");
    expect(subjects(lucy.person)).toHaveLength(1);
    // My work judges the same calendar.
    expect(await getMyWork(one, kenji.person)).toMatchObject({ today: "2025-03-14", timeZone: "Asia/Tokyo" });
    expect(await getMyWork(one, lucy.person)).toMatchObject({ today: "2025-03-13" });
  });
});

describe("the weekly digest", () => {
  it("comes on Mondays only when weekly, and never once switched off", async () => {
    const wes = await personWith(["2025-03-10"], { name: "Wes Weekly" });
    await updateMyPreferences(one, wes.person, { digest: "weekly" });
    await runAt("2025-03-15T07:30:00Z"); // Saturday
    expect(smtp.to(wes.person.email)).toEqual([]);
    await runAt("2025-03-17T07:30:00Z"); // Monday
    expect(smtp.to(wes.person.email).map((mail) => mail.headers.subject)).toEqual([
      "Your week in Unblock from 17 Mar 2025: 1 overdue",
    ]);
    expect(smtp.to(ann.person.email)).toHaveLength(1); // unsubscribed on the 11th
  });
});

describe("immediate notices by mail", () => {
  it("carry an unsubscribe link that stops them by mail; the inbox keeps them", async () => {
    const carl = await createUser(database.db, { role: "account_team", email: "carl.notice@example.test" });
    await notify(one, { userIds: [carl.id], kind: "test", entitlementId: null, text: "First notice" });
    await runAt("2025-03-17T08:00:00Z");
    const [mail] = smtp.to(carl.email);
    expect(mail?.raw).toContain("Stop notices by mail");
    const link = unsubscribeLinkOf(mail as ReceivedMail);
    expect(link.searchParams.get("token")).toMatch(/^notices\./);
    const done = await server.inject({ method: "POST", url: `${link.pathname}${link.search}` });
    expect(done.json()).toMatchObject({ list: "notices", unsubscribed: true });

    await notify(one, { userIds: [carl.id], kind: "test", entitlementId: null, text: "Second notice" });
    await runAt("2025-03-17T08:01:00Z");
    expect(smtp.to(carl.email)).toHaveLength(1);
    expect((await listNotifications(one, carl)).items.map((item) => item.text)).toEqual([
      "Second notice",
      "First notice",
    ]);
    expect(await getMyPreferences(one, carl)).toMatchObject({ noticeMail: false, digest: "daily" });
  });
});

describe("the digest's data-quality section", () => {
  it("lists the person's data-quality items that My work's sections do not", async () => {
    const quinn = await createUser(database.db, { role: "delivery_fm", name: "Quinn Quality" });
    const tenant = await createTenant(database.db, { name: "Quinn's tenant" });
    await assign(database.db, quinn.id, { tenantId: tenant.id });
    const entitlement = await createEntitlement(database.db, {
      tenantId: tenant.id,
      segments: [{ seats: 100, l1: "status_unknown", owner: "Pat Nobody", nextActionDate: "2025-05-01" }],
    });
    await runAt("2025-03-18T07:30:00Z");
    const mails = smtp.to(quinn.email);
    expect(mails.map((mail) => mail.headers.subject)).toEqual(["Unblock digest 18 Mar 2025: 1 to tidy up"]);
    expect(mails[0]?.raw).toContain("Owner resolves to nobody");
    expect(linksIn(mails[0] as ReceivedMail)).toEqual([
      `https://unblock.example.test/tenants/${tenant.id}?edit=${entitlement.id}`,
    ]);
  });
  it("lists the person's re-check items once a fix they wait for shipped", async () => {
    const rita = await createUser(database.db, { role: "delivery_fm", name: "Rita Recheck" });
    const engineer = await createUser(database.db, { role: "engineering" });
    const tenant = await createTenant(database.db, { name: "Rita's tenant" });
    await assign(database.db, rita.id, { tenantId: tenant.id });
    const entitlement = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "teams",
      segments: [
        {
          seats: 100,
          l1: "blocked",
          l2: "product_feature_capability",
          note: "Blocked: Teams has no shared-device mode for the shop floor; waiting on the feature.",
        },
      ],
    });
    // Rita owns it as a person (the factory writes text owners only).
    await database.execute(
      `update status_segments set owner_user_id = '${rita.id}' where entitlement_id = '${entitlement.id}'`,
    );
    const context = { actor: engineer, source: "api" };
    const item = await createWorkItem(one, context, {
      title: "Shared-device mode for Teams",
      l2: "product_feature_capability",
    });
    await shipWorkItem(one, context, item.id, { version: item.version });
    await runAt("2025-03-19T07:30:00Z");
    const mails = smtp.to(rita.email);
    expect(mails.map((mail) => mail.headers.subject)).toEqual([
      expect.stringMatching(/^A fix shipped: re-check/),
      expect.stringMatching(/^Unblock digest 19 Mar 2025: 1 to re-check/),
    ]);
    const digest = mails.find((mail) => mail.headers.subject?.startsWith("Unblock digest"));
    expect(digest?.raw).toContain('"Shared-device mode for Teams" shipped');
    expect(linksIn(digest as ReceivedMail)).toContain(
      `https://unblock.example.test/tenants/${tenant.id}?edit=${entitlement.id}`,
    );
  });
});
