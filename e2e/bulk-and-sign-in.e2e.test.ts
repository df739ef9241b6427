import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementView } from "../web/api/api-types.ts";
import { api, baseUrl, launchBrowser, openPage } from "./support/browser.ts";
import { daysFromToday } from "./support/test-data.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("bulk update", () => {
  it("reassigns the owner of the selected rows, checked row by row, and says what changed", async () => {
    const owner = `Bulk Owner ${Date.now()}`;
    const query = `l1=blocked&stage=delivery&targetFrom=${daysFromToday(1)}`;
    const { context, page } = await openPage(browser, `/?${query}`);
    const rows = page.locator("tbody tr");
    await rows.nth(2).waitFor();
    const ids = await rows.evaluateAll((found) =>
      found.slice(0, 3).map((row) => row.getAttribute("data-entitlement") ?? ""),
    );
    // Click the first, shift-click the third: the second joins the selection.
    await rows.nth(0).getByRole("checkbox").click();
    await rows
      .nth(2)
      .getByRole("checkbox")
      .click({ modifiers: ["Shift"] });
    await page.getByRole("button", { name: "Bulk update (3)" }).click();

    const drawer = page.getByRole("dialog");
    await drawer.locator("label", { hasText: /^Reassign owner$/ }).click();
    await drawer.getByLabel("New owner").fill(owner);
    const plan = drawer.getByRole("table", { name: "Rows and what the rules say" });
    await plan.waitFor();
    expect(await plan.locator("tbody tr").count()).toBe(3);
    await drawer.getByRole("button", { name: /^Apply to/ }).click();

    const summary = drawer.getByRole("status");
    await summary.getByText("Bulk update done").waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain(`Owner set to ${owner}.`);
    const changed = Number(/(\d+) rows? changed/.exec(text)?.[1]);
    const refused = Number(/(\d+) rows? refused/.exec(text)?.[1]);
    expect(changed + refused).toBe(3);
    expect(changed).toBeGreaterThan(0);

    // What the summary calls changed is what the server now holds.
    const stored = await Promise.all(ids.map((id) => api<EntitlementView>(`/entitlements/${id}`)));
    const withOwner = stored.filter((item) => item.segments.some((segment) => segment.owner === owner));
    expect(withOwner).toHaveLength(changed);
    await context.close();
  });
});

describe("sign-in", () => {
  it("asks for the password first, then shows the person's work, and signs out again", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel("Email").fill("account.team@unblock.test");
    await page.getByRole("textbox", { name: "Password" }).fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /not right/ })
      .waitFor();

    await page.getByRole("textbox", { name: "Password" }).fill("unblock-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The Account Team member has customers assigned: My work is their first page.
    await page.getByRole("heading", { name: "My work" }).waitFor();
    await page.getByText("Arjun Account").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Unblock" }).waitFor();
    await context.close();
  });
});
