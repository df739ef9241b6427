import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementPage, Me } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";

const accountTeam = "account.team@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const unread = async () => (await api<{ unread: number }>("/notifications", { as: accountTeam })).unread;

describe("the inbox", () => {
  it("rings the account team's bell when No Intent is saved in Delivery, and leads to the entitlement", async () => {
    const me = await api<Me>("/me", { as: accountTeam });
    // An entitlement the Admin hands over: its tenant gets the account team assigned first.
    const [target] = (await api<EntitlementPage>("/entitlements?limit=1&stage=delivery")).items;
    if (!target) throw new Error("the demo portfolio has no Delivery-stage entitlement");
    await api("/assignments", { method: "POST", body: { userId: me.user.id, tenantId: target.tenant.id } });
    const before = await unread();
    await api(`/entitlements/${target.id}/status`, {
      method: "PUT",
      body: {
        version: target.version,
        stage: "delivery",
        segments: [
          {
            seats: target.availableSeats,
            l1: "no_intent",
            l2: "executive_sponsorship",
            note: "The new CIO decided against the service after the merger; no sponsor is left for it.",
          },
        ],
      },
    });
    // The server's job runner writes the notice just after the save.
    await expect.poll(unread, { timeout: 20_000 }).toBe(before + 1);

    const { context, page } = await openPage(browser, "/my-work", { userEmail: accountTeam });
    try {
      await page.getByRole("button", { name: `Notifications, ${before + 1} unread` }).click();
      const notice = page.getByRole("menuitem", { name: /No Intent recorded for/ }).first();
      await notice.waitFor();
      await screenshot(page, "inbox-bell");
      await notice.click();
      await page.waitForURL(
        (url) =>
          url.pathname === `/tenants/${target.tenant.id}` && url.searchParams.get("edit") === target.id,
      );
      await expect.poll(unread).toBe(before);
      await page
        .getByRole("button", { name: /Notifications, none unread|Notifications, \d+ unread/ })
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
