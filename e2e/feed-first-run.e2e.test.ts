import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSignIn } from "../src/app/auth/prepare-sign-in.ts";
import { startApp } from "../src/app/start-app.ts";
import { buildServer } from "../src/http/build-server.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const root = resolve(import.meta.dirname, "..");
const admin = { email: "first.admin@example.test", password: "a first-run password" };
const exampleFiles = ["customers", "tenants", "entitlements", "people", "usage"].map((name) =>
  join(root, "examples/feed", `${name}.csv`),
);

/** A server of its own over an empty database: no demo, only the Admin UNBLOCK_ADMIN_PASSWORD makes. */
let dataDir: string;
let app: Awaited<ReturnType<typeof startApp>>;
let server: FastifyInstance;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "unblock-e2e-empty-"));
  app = await startApp({ dataDir });
  await prepareSignIn(app.deps, { demo: false, admin });
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
  await rm(dataDir, { recursive: true, force: true });
});

describe("an empty start", () => {
  it("shows the first Admin the first-run page; uploading the example feed fills the portfolio", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByRole("heading", { name: "Welcome: the portfolio is empty" }).waitFor();
    const example = await page.request.get("/api/portfolio/feed-examples/tenants.csv");
    expect(example.status()).toBe(200);
    expect(await page.getByRole("link", { name: "tenants.csv" }).getAttribute("href")).toBe(
      "/api/portfolio/feed-examples/tenants.csv",
    );

    await page.locator('input[type="file"]').setInputFiles(exampleFiles);
    await expect
      .poll(() => page.getByRole("list", { name: "Chosen files" }).getByRole("listitem").count())
      .toBe(5);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("heading", { name: /^Preview: what the sync will do/ }).waitFor();
    const preview = page.getByRole("table", { name: "Counts per file" });
    await expect.poll(() => preview.getByRole("row", { name: /^tenants 5 0 0 0$/ }).count()).toBe(1);
    await page.getByText("No row was refused.").waitFor();
    await screenshot(page, "feed-first-run-preview");

    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("heading", { name: "What the sync did" }).waitFor();
    const done = page.getByRole("table", { name: "Counts per file" });
    await expect.poll(() => done.getByRole("row", { name: /^tenants 5 0 0 0$/ }).count()).toBe(1);
    await page.getByRole("button", { name: "Open the portfolio" }).click();

    await page.getByRole("heading", { name: "Portfolio" }).waitFor();
    // examples/feed: five tenants, twelve entitlements.
    await expect.poll(() => page.getByTestId("portfolio-total").textContent()).toBe("12 entitlements");
    await page.getByText("12 loaded", { exact: true }).waitFor();
    for (const tenant of ["Contoso Europe", "Fabrikam", "Northwind Traders", "Tailspin Toys"]) {
      await page.getByText(tenant).first().waitFor();
    }
    await screenshot(page, "feed-first-run-portfolio");

    // The Portfolio feed page lists both syncs: the preview and the applied one.
    await page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Portfolio feed" })
      .click();
    const history = page.getByRole("table", { name: "Recent syncs" });
    await expect.poll(() => history.getByRole("row").count()).toBe(3);
    await history.getByText("dry run").waitFor();
    await context.close();
  });
});
