import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementPage } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { daysFromToday, freshEntitlement } from "./support/test-data.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the portfolio as of a day", () => {
  it("shows yesterday's status after today's change, and What changed names it", async () => {
    const target = await freshEntitlement({ l1: "in_progress", stage: "assignment" });
    const yesterday = daysFromToday(-1);
    // Yesterday's state, as the API rebuilds it, is the one the row shows now.
    const before = await api<EntitlementPage>(
      `/entitlements?asOf=${yesterday}&tenantId=${target.tenant.id}&serviceId=${target.service.id}`,
    );
    expect(before.items[0]?.segments.map((segment) => segment.l1)).toEqual(["in_progress"]);
    await api(`/entitlements/${target.id}/status`, {
      method: "PUT",
      body: {
        version: target.version,
        segments: [
          {
            seats: target.availableSeats,
            l1: "blocked",
            l2: "customer_it_infrastructure_remediation",
            engagementScenario: "customer_led",
            note: "The proxy drops the sign-in traffic; the customer's network team owns the fix.",
            nextActionDate: daysFromToday(7),
          },
        ],
      },
    });

    const { context, page } = await openPage(
      browser,
      `/?tenantId=${target.tenant.id}&serviceId=${target.service.id}`,
    );
    try {
      const row = page.locator("tbody tr").first();
      await row.locator(".segment-chip", { hasText: "Blocked" }).waitFor();
      await page.getByLabel("As of (end of day, UTC)").fill(yesterday);
      await page.waitForURL((url) => url.searchParams.get("asOf") === yesterday);
      await page.getByRole("alert", { name: /As of the end of/ }).waitFor();
      await row.locator(".segment-chip", { hasText: "In Progress" }).waitFor();
      expect(await row.locator(".segment-chip", { hasText: "Blocked" }).count()).toBe(0);
      await screenshot(page, "portfolio-as-of");
      // The export of a past day is that day's file.
      const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
      expect(new URL(href ?? "", "http://unblock.test").searchParams.get("asOf")).toBe(yesterday);
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? "");
      expect(csv.split("\n")[1]).toContain(`,${target.availableSeats},in_progress,`);

      await page.getByRole("link", { name: "What changed" }).click();
      await page.waitForURL(
        (url) => url.pathname === "/changes" && url.searchParams.get("from") === yesterday,
      );
      const change = page
        .getByRole("row")
        .filter({ hasText: target.tenant.name })
        .filter({ hasText: "Newly Blocked" });
      await change.first().waitFor();
      await expect(change.first().textContent()).resolves.toContain(
        target.availableSeats.toLocaleString("en-US"),
      );
      await screenshot(page, "what-changed");
    } finally {
      await context.close();
    }
  });
});
