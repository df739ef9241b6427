import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, recordPuts, screenshot } from "./support/browser.ts";
import { daysFromToday, entitlement, freshEntitlement, historyCount } from "./support/test-data.ts";

const deliveryFm = "delivery.fm@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the status editor of one service on its tenant page, as the Delivery FM. */
async function openEditor(tenantId: string, entitlementId: string) {
  const opened = await openPage(browser, `/tenants/${tenantId}?edit=${entitlementId}`, {
    userEmail: deliveryFm,
  });
  const drawer = opened.page.getByRole("dialog");
  await drawer.getByLabel("L1 status").waitFor();
  return { ...opened, drawer };
}

describe("Suggest in the status editor", () => {
  it("fills L1 and L2 from a note about a missing feature, with its confidence band and evidence", async () => {
    const target = await freshEntitlement({ l1: "in_progress", stage: "delivery" }, deliveryFm);
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    expect(await drawer.getByLabel("L1 status").inputValue()).toBe("in_progress");

    const note =
      "Blocked: the product lacks a feature the customer needs - there is no way to dial out to phone numbers from meeting rooms; clears when the product ships it.";
    await drawer.getByRole("textbox", { name: /^Note/ }).fill(note);
    await drawer.getByRole("button", { name: "Suggest L1/L2/L3 from the note" }).click();

    const result = drawer.getByRole("status").filter({ hasText: "Confidence" });
    await result.waitFor();
    await expect.poll(() => drawer.getByLabel("L1 status").inputValue()).toBe("blocked");
    expect(await drawer.getByLabel("L2 reason").inputValue()).toBe("product_feature_capability");
    // The note the suggestion was read from stays; the field keeps its name under Blocked.
    expect(await drawer.getByRole("textbox", { name: /^Note/ }).inputValue()).toBe(note);
    const badge = result.locator("[data-band]");
    expect(await badge.getAttribute("data-band")).toBe("green");
    expect(await badge.textContent()).toMatch(/^Confidence \d+% \(green\)$/);
    expect(await result.textContent()).toContain("Evidence:");
    expect(await result.textContent()).toContain("feature");
    await screenshot(page, "suggest");

    // The filled form passes the rules once the Blocked row's own date is given.
    const unblockDate = daysFromToday(120);
    await drawer.getByLabel("Target date").fill(unblockDate);
    await drawer.getByRole("button", { name: "Save status" }).click();
    await drawer.getByText("Saved", { exact: true }).waitFor();
    expect((await entitlement(target.id)).segments[0]).toMatchObject({
      l1: "blocked",
      l2: "product_feature_capability",
      targetDate: unblockDate,
      note,
    });
    await context.close();
  });

  it("shows why a bare 'Blocked.' note is refused next to the note, and saves nothing", async () => {
    const target = await freshEntitlement({ l1: "in_progress", stage: "delivery" }, deliveryFm);
    const historyBefore = await historyCount(target.id);
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    const puts = recordPuts(page);
    await drawer.getByLabel("L1 status").selectOption("blocked");
    await drawer.getByLabel("L2 reason").selectOption("app_compatibility");
    await drawer.getByLabel("Target date").fill(daysFromToday(60));
    const note = drawer.getByRole("textbox", { name: /^Note/ });
    await note.fill("Blocked.");
    await drawer.getByRole("button", { name: "Save status" }).click();

    await expect.poll(() => note.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    const errorId = `${await note.getAttribute("id")}-error`;
    const message = await drawer.locator(`[id="${errorId}"]`).textContent();
    expect(message).toContain("too poor to save");
    expect(message).toContain("say what blocks deployment");
    expect(await note.getAttribute("aria-describedby")).toContain(errorId);

    expect(puts).toEqual([]);
    const stored = await entitlement(target.id);
    expect(stored.version).toBe(target.version);
    expect(stored.segments[0]!.l1).toBe("in_progress");
    expect(await historyCount(target.id)).toBe(historyBefore);
    await context.close();
  });
});
