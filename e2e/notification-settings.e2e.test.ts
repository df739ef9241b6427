import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preferences } from "../web/api/api-types.ts";
import { api, baseUrl, launchBrowser, screenshot } from "./support/browser.ts";

const viewer = "viewer@unblock.test";
const preferences = () => api<Preferences>("/me/preferences", { as: viewer });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Back to the defaults: other files' pages judge "today" by this person's zone.
  await api("/me/preferences", {
    method: "PATCH",
    body: { timeZone: "UTC", digest: "daily", noticeMail: true },
    as: viewer,
  });
  await browser.close();
});

describe("notification settings", () => {
  it("takes the browser's time zone on first sign-in and changes the digest from the user menu", async () => {
    expect((await preferences()).timeZoneChosen).toBe(false);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: baseUrl(),
      timezoneId: "Asia/Tokyo",
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto("/");
      await page.waitForURL((url) => url.pathname === "/login");
      await page.getByLabel("Email").fill(viewer);
      await page.getByRole("textbox", { name: "Password" }).fill("unblock-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(async () => (await preferences()).timeZone).toBe("Asia/Tokyo");

      await page.getByRole("button", { name: /account menu/ }).click();
      await page.getByRole("menuitem", { name: "Notifications…" }).click();
      const dialog = page.getByRole("dialog", { name: "Notifications" });
      await dialog.getByText("Weekly (Mondays)").click();
      await expect.poll(async () => (await preferences()).digest).toBe("weekly");
      // The switch shows the saved value, so it turns off once the server answered:
      // click, then wait for both (uncheck() wants the state to change at once).
      const noticeMail = dialog.getByLabel("Immediate notices by mail");
      await noticeMail.click();
      await expect.poll(async () => (await preferences()).noticeMail).toBe(false);
      await expect.poll(() => noticeMail.isChecked()).toBe(false);
      expect(await dialog.getByLabel("Time zone").inputValue()).toBe("Asia/Tokyo");
      await screenshot(page, "notification-settings");
    } finally {
      await context.close();
    }
  });
});
