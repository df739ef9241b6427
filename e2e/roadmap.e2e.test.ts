import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecheckList } from "../src/http/schemas/work-items.ts";
import type { EntitlementPage, EntitlementView, Me } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";

const accountTeam = "account.team@unblock.test";
const engineering = "engineering@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/**
 * A Delivery-stage entitlement recorded Blocked for an L2 it already has, so
 * that its owner is the scenario's default: the Account Team (a team owner).
 */
async function blockedForAccountTeam(): Promise<{ entitlement: EntitlementView; l2: string }> {
  const page = await api<EntitlementPage>("/entitlements?l1=blocked&stage=delivery&limit=100");
  const entitlement = page.items.find((found) => found.segments.some((segment) => segment.l2));
  const l2 = entitlement?.segments.find((segment) => segment.l1 === "blocked" && segment.l2)?.l2;
  if (!entitlement || !l2)
    throw new Error("the demo portfolio has no Delivery-stage Blocked seats with an L2");
  const target = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const saved = await api<EntitlementView>(`/entitlements/${entitlement.id}/status`, {
    method: "PUT",
    body: {
      version: entitlement.version,
      stage: "delivery",
      segments: [
        {
          seats: entitlement.availableSeats,
          l1: "blocked",
          l2,
          targetDate: target,
          note: "Blocked: the customer needs a feature the service lacks; clears when it ships.",
        },
      ],
    },
  });
  expect(saved.segments[0]?.ownerRef).toEqual({ kind: "team", role: "account_team" });
  return { entitlement: saved, l2 };
}

describe("the Roadmap", () => {
  it("adds a work item, ships it, and puts a re-check item in the owner's My work", async () => {
    const { entitlement, l2 } = await blockedForAccountTeam();
    const me = await api<Me>("/me", { as: accountTeam });
    await api("/assignments", {
      method: "POST",
      body: { userId: me.user.id, tenantId: entitlement.tenant.id },
    });
    const l2Name = (
      await api<{ l1s: { id: string; l2s: { id: string; name: string }[] }[] }>("/playbook")
    ).l1s
      .find((l1) => l1.id === "blocked")!
      .l2s.find((found) => found.id === l2)!.name;
    const title = `Fix for ${entitlement.service.name} (${Date.now()})`;

    const { context, page } = await openPage(browser, "/roadmap", { userEmail: engineering });
    try {
      await page.getByRole("button", { name: "Add work item" }).click();
      await page.getByLabel("Title").fill(title);
      await page.getByLabel(/^Blocked reason/).selectOption({ label: l2Name });
      await page.getByRole("combobox", { name: "Services" }).click();
      await page.getByRole("option", { name: entitlement.service.name, exact: true }).click();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Add", exact: true }).click();
      const row = page.getByRole("row").filter({ hasText: title });
      await row.getByText(/Shipping this unblocks|Withheld/).waitFor();
      await screenshot(page, "roadmap");
      await row.getByRole("button", { name: "Mark shipped" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Mark shipped" }).click();
      await page.getByText(/shipped on \d{1,2} \w+ \d{4}: \d+ Blocked entitlements linked/).waitFor();
      await row.getByText("Shipped", { exact: true }).waitFor();
    } finally {
      await context.close();
    }

    const rechecks = await api<RecheckList>("/my-work/rechecks", { as: accountTeam });
    expect(rechecks.items.map((item) => item.entitlement.id)).toContain(entitlement.id);
    const mine = await openPage(browser, "/my-work", { userEmail: accountTeam });
    try {
      const group = mine.page.getByRole("region", { name: "Re-check: the fix shipped" });
      await group.locator(`[data-entitlement="${entitlement.id}"]`).waitFor();
      await screenshot(mine.page, "my-work-recheck");
    } finally {
      await mine.context.close();
    }
  });
});
