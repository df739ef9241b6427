import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/app-deps.ts";
import { prepareSignIn } from "../src/app/auth/prepare-sign-in.ts";
import { seedDemo } from "../src/app/demo/seed-demo.ts";
import { setStatus } from "../src/app/entitlements/set-status.ts";
import { getMyWork } from "../src/app/my-work/get-my-work.ts";
import { type RunningApp, startApp } from "../src/app/start-app.ts";
import { findUserByEmail } from "../src/app/users/find-user.ts";
import { buildServer } from "../src/http/build-server.ts";
import type { EntitlementView } from "../web/api/api-types.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { daysFromToday } from "./support/test-data.ts";

/**
 * The data-quality page over a server of its own: a poor note can only come
 * from data recorded before the rules refused it, so this test writes one
 * straight into its database, which the shared e2e server keeps to itself.
 * The same server runs from the first look to the last fix.
 */

const deliveryFmEmail = "delivery.fm@unblock.test";
const webRoot = resolve(import.meta.dirname, "../dist/web");

let app: RunningApp;
let server: FastifyInstance;
let dataDir: string;
let baseURL: string;
let browser: Browser;
let overdue: EntitlementView;
let thin: EntitlementView;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "unblock-e2e-quality-"));
  app = await startApp({ dataDir });
  await seedDemo(app.deps, { tenants: 6 });
  await prepareSignIn(app.deps, { demo: true, admin: { email: "admin@unblock.test" } });
  server = await buildServer(app.deps, { webRoot, logger: false });
  await server.listen({ host: "127.0.0.1", port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  baseURL = `http://127.0.0.1:${address.port}`;
  [overdue, thin] = await recordFixtures();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Two of the Delivery FM's entitlements: one with a next action date passed, one with a poor Blocked note. */
async function recordFixtures(): Promise<[EntitlementView, EntitlementView]> {
  const deps = app.deps;
  const user = await findUserByEmail(deps, deliveryFmEmail);
  const fm: Actor = { id: user!.id, email: user!.email, name: user!.name, role: user!.role };
  const work = await getMyWork(deps, fm, { limit: 500 });
  const [a, b] = work.groups.flatMap((group) => group.items.map((item) => item.entitlement));
  const inProgress = deps.playbook.index.playbook.scenarios.find((row) => row.id === "in_progress_delivery")!;
  const first = await setStatus(deps, {
    entitlementId: a!.id,
    version: a!.version,
    stage: "delivery",
    actor: fm,
    source: "api",
    segments: [
      {
        seats: a!.availableSeats,
        l1: "in_progress",
        serviceStatus: inProgress.fields.serviceStatus.allowed[0] ?? "adoption",
        engagementScenario: inProgress.fields.engagementScenario.allowed[0] ?? "customer_led",
        targetDate: daysFromToday(60),
        note: "Pilot with 50 users in progress; the migration of the remaining mailboxes starts next month.",
        nextActionDate: daysFromToday(-3),
        nextAction: "Agree the migration waves with the customer's IT lead",
      },
    ],
  });
  const blocked = await setStatus(deps, {
    entitlementId: b!.id,
    version: b!.version,
    stage: "delivery",
    actor: fm,
    source: "api",
    segments: [
      {
        seats: b!.availableSeats,
        l1: "blocked",
        l2: "app_compatibility",
        targetDate: daysFromToday(90),
        owner: "Account Team",
        note: "Blocked: the claims add-in does not run in the new client; clears when the vendor certifies it.",
        nextAction: "Ask the vendor for the certified release",
      },
    ],
  });
  // A note written before the rules refused poor ones: a legacy row, as an older import left it.
  await deps.database.execute(
    `update status_segments set note = 'Blocked.' where entitlement_id = '${blocked.entitlement.id}'`,
  );
  await deps.database.execute(
    `update entitlements set version = version + 1 where id = '${blocked.entitlement.id}'`,
  );
  return [first.entitlement, { ...blocked.entitlement, version: blocked.entitlement.version + 1 }];
}

async function signedInPage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === "/login");
  await page.getByLabel("Email").fill(deliveryFmEmail);
  await page.getByRole("textbox", { name: "Password" }).fill("unblock-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

const row = (page: Page, rule: string, id: string) =>
  page.locator(`tr[data-rule="${rule}"][data-entitlement="${id}"]`);

/** Opens the row's editor from the queue, runs `fix`, saves, and comes back to the queue. */
async function fixFromQueue(
  page: Page,
  rule: string,
  target: EntitlementView,
  fix: (page: Page) => Promise<void>,
) {
  await row(page, rule, target.id).getByRole("link", { name: target.service.name }).click();
  await page.waitForURL(
    (url) => url.pathname === `/tenants/${target.tenant.id}` && url.search === `?edit=${target.id}`,
  );
  await page.getByRole("dialog").getByLabel("L1 status").waitFor();
  await fix(page).catch(async (error: unknown) => {
    await screenshot(page, `quality-fix-${rule}`);
    throw error;
  });
  await page.getByRole("dialog").getByRole("button", { name: "Save status" }).click();
  await page.getByRole("dialog").getByText("Saved", { exact: true }).waitFor();
  // Back through the navigation, within the app: the list shows what the server computes now.
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Data quality" })
    .click();
  await page.waitForURL((url) => url.pathname === "/quality");
}

describe("the Data quality page", () => {
  it("lists a passed next action date and a poor note, and drops each once fixed in the editor", async () => {
    const page = await signedInPage("/quality");
    await page.getByRole("heading", { name: "Data quality", level: 2 }).waitFor();
    // A person with work starts on theirs.
    expect(await page.getByLabel("Whose").inputValue()).toBe("me");
    await row(page, "next_action_passed", overdue.id).waitFor();
    await row(page, "note_grade", thin.id).waitFor();
    expect(await row(page, "note_grade", thin.id).textContent()).toContain("The note is poor.");
    await screenshot(page, "quality");

    await fixFromQueue(page, "next_action_passed", overdue, async (editor) => {
      await editor.getByRole("dialog").getByLabel("Next action date").fill(daysFromToday(7));
    });
    await row(page, "note_grade", thin.id).waitFor();
    await expect.poll(() => row(page, "next_action_passed", overdue.id).count()).toBe(0);

    await fixFromQueue(page, "note_grade", thin, async (editor) => {
      await editor
        .getByRole("dialog")
        // The note, whatever the scenario row calls it.
        .getByRole("textbox", { name: /Explanation of the blocking issue|^Note/ })
        .fill(
          "Blocked: the claims add-in does not run in the new client because the vendor has not certified it; clears when the vendor ships the certified release.",
        );
    });
    await page.getByRole("heading", { name: "Data quality", level: 2 }).waitFor();
    await expect.poll(() => row(page, "note_grade", thin.id).count()).toBe(0);
    await page.context().close();
  });
});
