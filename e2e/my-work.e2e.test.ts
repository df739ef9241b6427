import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyWork } from "../web/api/api-types.ts";
import { api, baseUrl, launchBrowser, openPage, screenshot } from "./support/browser.ts";

const deliveryFm = "delivery.fm@unblock.test";
const admin = { email: "admin@unblock.test", password: "unblock-demo" };

/** The Admin's session headers (cookie and CSRF token), for the multipart upload `api` does not send. */
async function adminSession(): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  const me = (await response.json()) as { csrfToken: string };
  return {
    cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    "x-csrf-token": me.csrfToken,
  };
}

/** Uploads feed files as POST /api/portfolio/sync does from the feed page, and waits for the sync. */
async function syncFeed(files: Record<string, string>): Promise<void> {
  const form = new FormData();
  for (const [name, text] of Object.entries(files)) form.append(name, new Blob([text]), `${name}.csv`);
  const headers = await adminSession();
  const started = await fetch(`${baseUrl()}/api/portfolio/sync`, { method: "POST", headers, body: form });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: number };
  await expect
    .poll(async () => (await api<{ state: string }>(`/portfolio/syncs/${id}`)).state, { timeout: 20_000 })
    .toBe("done");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("My work", () => {
  it("is where an assigned person lands, with each group's count and the navigation badge", async () => {
    const work = await api<MyWork>("/my-work?limit=1", { as: deliveryFm });
    expect(work.assignments).toBeGreaterThan(0);
    expect(work.counts.total).toBeGreaterThan(0);

    const { context, page } = await openPage(browser, "/", { userEmail: deliveryFm });
    await page.waitForURL((url) => url.pathname === "/my-work");
    await page.getByRole("heading", { name: "My work", level: 2 }).waitFor();
    for (const group of work.groups) {
      const section = page.getByRole("region", { name: group.label });
      await expect.poll(() => section.getByLabel(`${group.count} items`).count()).toBe(1);
    }
    const actions = work.counts.overdue + work.counts.due_this_week;
    const nav = page.getByRole("navigation", { name: "Sections" });
    if (actions > 0) {
      await nav.getByLabel(`${actions} overdue or due this week`).waitFor();
    }
    await screenshot(page, "my-work");

    // A row opens the status editor, as a portfolio row does.
    const first = work.groups.find((group) => group.items.length > 0)!.items[0]!.entitlement;
    const row = page.locator(`tr[data-entitlement="${first.id}"]`);
    await row.getByRole("link", { name: first.service.name }).click();
    await page.waitForURL(
      (url) => url.pathname === `/tenants/${first.tenant.id}` && url.search === `?edit=${first.id}`,
    );
    await page.getByRole("dialog").getByLabel("L1 status").waitFor();
    await context.close();
  });

  it("shows a Delivery FM named in people.csv the customer's entitlements, and only them", async () => {
    const person = { email: "mira.feed@example.test", name: "Mira Feed", password: "my work e2e password" };
    await api("/users", { method: "POST", body: { ...person, role: "delivery_fm" } });
    await syncFeed({
      customers: "customer_key,name\nMW-1,Mywork Feed Co\nMW-2,Someone Else Co\n",
      tenants:
        "tenant_id,customer_key,name,domain\nmw-t1,MW-1,Mywork Feed HQ,mywork-feed.example\nmw-t2,MW-2,Else,else.example\n",
      entitlements:
        "tenant_id,service,available_seats\nmw-t1,Exchange,300\nmw-t1,Teams,250\nmw-t2,Exchange,90\n",
      people: `email,name,role,customer_key,tenant_id\n${person.email},${person.name},Delivery FM,MW-1,\n`,
    });

    const { context, page } = await openPage(browser, "/", {
      userEmail: person.email,
      password: person.password,
    });
    await page.waitForURL((url) => url.pathname === "/my-work");
    const rest = page.getByRole("region", { name: "Everything else" });
    await expect.poll(() => rest.getByLabel("2 items").count()).toBe(1);
    await expect.poll(() => rest.getByRole("row").count()).toBe(3);
    expect(await rest.getByText("Mywork Feed Co").count()).toBe(2);
    expect(await page.getByText("Someone Else Co").count()).toBe(0);
    await screenshot(page, "my-work-from-feed");
    await context.close();
  });

  it("leaves an Admin with nothing assigned on the portfolio", async () => {
    const work = await api<MyWork>("/my-work?limit=1");
    expect([work.assignments, work.counts.total]).toEqual([0, 0]);
    const { context, page } = await openPage(browser, "/");
    await page.getByRole("heading", { name: "Portfolio" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });
});
