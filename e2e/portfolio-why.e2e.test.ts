import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementPage } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the portfolio shows why", () => {
  it("shows each row's L2 › L3 and owner and the count of all matches; a row opens its editor", async () => {
    const { context, page } = await openPage(browser, "/?l1=blocked&sort=customer");
    const rows = page.locator(".portfolio-row");
    await rows.first().waitFor();

    const expected = await api<{ count: number; exact: boolean }>("/entitlements/count?l1=blocked");
    const total = expected.exact
      ? `${expected.count.toLocaleString("en-US")} entitlements`
      : `More than ${expected.count.toLocaleString("en-US")} entitlements`;
    await expect.poll(() => page.getByTestId("portfolio-total").textContent()).toBe(total);

    // The first row (of those drawn) with an L3: its reason cell names the L2 and the L3, the owner cell the owner.
    const page1 = await api<EntitlementPage>("/entitlements?l1=blocked&sort=customer&limit=15");
    const at = page1.items.findIndex((item) => item.segments.some((segment) => segment.l3 && segment.owner));
    expect(at).toBeGreaterThanOrEqual(0);
    const item = page1.items[at]!;
    const row = page.locator(`.portfolio-row[data-entitlement="${item.id}"]`);
    const reason = row.locator("[data-column='reason']");
    const chips = await row
      .locator(".segment-chip")
      .evaluateAll((found) => found.map((chip) => chip.getAttribute("title") ?? ""));
    const withL3 = chips.find((label) => label.split(" › ").length === 3)!;
    const [, l2, l3] = withL3.replace(/: [\d,]+ seats$/, "").split(" › ");
    expect(await reason.textContent()).toContain(`${l2} › ${l3}`);
    expect(await reason.getAttribute("title")).toBe(await reason.textContent());
    const owner = item.segments.find((segment) => segment.owner)!;
    expect(await row.locator("[data-column='owner']").textContent()).toContain(
      owner.ownerResolved?.display ?? owner.owner,
    );
    await screenshot(page, "portfolio-why");

    // A click on the row (not on a link) opens the status editor over the list.
    await reason.click();
    const drawer = page.getByRole("dialog", { name: /·/ });
    await drawer.getByLabel("L1 status").waitFor();
    expect(new URL(page.url()).searchParams.get("edit")).toBe(item.id);
    expect(new URL(page.url()).pathname).toBe("/");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // The customer name still leads to the tenant page.
    await row.getByRole("link", { name: item.customer.name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/tenants/${item.tenant.id}`);
    await context.close();
  });

  it("lets the user choose and order columns, kept in the address", async () => {
    const { context, page } = await openPage(browser, "/");
    await page.locator(".portfolio-row").first().waitFor();
    await page.getByRole("button", { name: "Columns" }).click();
    const chooser = page.getByRole("group", { name: "Columns shown" });
    await chooser.getByRole("checkbox", { name: "Usage" }).click();
    await chooser.getByRole("button", { name: "Move Owner left" }).click();
    await page.waitForURL(/columns=/);
    const headers = async () =>
      (await page.locator(".portfolio-header th").allTextContents()).map((text) =>
        text.replace(/[▲▼]/g, "").trim(),
      );
    await expect.poll(headers).not.toContain("Usage");
    const order = await headers();
    expect(order.indexOf("Owner")).toBeLessThan(order.indexOf("Blocked"));

    await page.reload();
    await page.locator(".portfolio-row").first().waitFor();
    expect(await headers()).toEqual(order);
    await context.close();
  });
});
