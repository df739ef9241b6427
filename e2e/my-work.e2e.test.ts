import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyWork } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";

const deliveryFm = "delivery.fm@unblock.test";

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

  it("leaves an Admin with nothing assigned on the portfolio", async () => {
    const work = await api<MyWork>("/my-work?limit=1");
    expect([work.assignments, work.counts.total]).toEqual([0, 0]);
    const { context, page } = await openPage(browser, "/");
    await page.getByRole("heading", { name: "Portfolio" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });
});
