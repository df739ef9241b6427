import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSignIn } from "../src/app/auth/prepare-sign-in.ts";
import { startApp } from "../src/app/start-app.ts";
import { buildServer } from "../src/http/build-server.ts";
import { createEntitlement } from "../test/factories/portfolio.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const root = resolve(import.meta.dirname, "..");
const admin = { email: "playbook.admin@example.test", password: "a playbook admin password" };

/**
 * A server of its own (an apply changes the taxonomy for everyone), on the
 * default playbook with three statuses Blocked for "Service Reliability".
 * The Admin uploads a copy that renames it, previews, applies.
 */
let folder: string;
let app: Awaited<ReturnType<typeof startApp>>;
let server: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let upload: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "unblock-e2e-playbook-"));
  app = await startApp({ dataDir: join(folder, "data") });
  await prepareSignIn(app.deps, { demo: false, admin });
  for (const serviceId of ["exchange", "teams", "sharepoint"]) {
    await createEntitlement(app.deps.database.db, {
      serviceId,
      segments: [{ seats: 30, l1: "blocked", scenarioId: "blocked_delivery", l2: "service_reliability" }],
    });
  }
  const renamed = (await readFile(join(root, "playbooks/default.yaml"), "utf8"))
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  upload = join(folder, "service-health.yaml");
  await writeFile(
    upload,
    `${renamed}\nchanges:\n  - { kind: rename, version: 1.1.0, from: blocked/service_reliability, to: blocked/service_health }\n`,
  );
  server = await buildServer(app.deps, { webRoot: join(root, "dist/web"), logger: false });
  await server.listen({ host: "127.0.0.1", port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  baseUrl = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the Playbook versions page", () => {
  it("previews an uploaded playbook's rename with its counts, applies it, and the refresh summary lists it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/admin/playbook");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Playbook versions" }).waitFor();

    await page.locator('input[type="file"]').setInputFiles(upload);
    await page.getByText("Uploaded: service-health.yaml").waitFor();
    await page.getByRole("button", { name: "Preview" }).click();
    const changes = page.getByRole("table", { name: "Declared changes" });
    await changes
      .getByRole("row", { name: /rename blocked\/service_reliability -> blocked\/service_health 3 90 0/ })
      .waitFor();
    await page.getByText("remaps 3 statuses and 0 work items").waitFor();
    await screenshot(page, "playbook-versions-preview");

    await page.getByRole("button", { name: "Apply" }).click();
    await page
      .getByRole("dialog", { name: "Apply this playbook?" })
      .getByRole("button", { name: "Apply" })
      .click();
    await page.getByText("onboarding_default 1.1.0 is in use").waitFor();
    const versions = page.getByRole("table", { name: "Playbook versions" });
    await expect.poll(() => versions.getByRole("row").count()).toBe(3);

    await page.goto("/playbook");
    const summary = page.getByRole("table", { name: "Refresh summary" });
    await summary.getByRole("row", { name: /Version 1\.1\.0 applied/ }).waitFor();
    await page.goto("/playbook/blocked/service_health");
    await page.getByRole("heading", { name: "Service Health" }).first().waitFor();
    await context.close();
  });
});
