import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementView } from "../web/api/api-types.ts";
import { api, launchBrowser, openPage } from "./support/browser.ts";
import { freshEntitlement, segmentForWrite } from "./support/test-data.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const markup = "<img src=x onerror=alert(1)>";

describe("status notes", () => {
  it("shows markup in a note as the characters typed, on the tenant page, in the history and in the editor", async () => {
    const target = await freshEntitlement({ l1: "in_progress" });
    const note = `Deploying to the first wave; the customer's ticket quoted ${markup} from the old portal.`;
    const [current] = target.segments;
    const saved = await api<EntitlementView>(`/entitlements/${target.id}/status`, {
      method: "PUT",
      body: { version: target.version, segments: [{ ...segmentForWrite(current!), note }] },
    });
    expect(saved.segments[0]?.note).toBe(note);

    const { context, page } = await openPage(browser, `/tenants/${target.tenant.id}?edit=${target.id}`);
    // An alert would open a dialog; record any, so the test can prove none opened.
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const drawer = page.getByRole("dialog");
    await drawer.getByLabel("L1 status").waitFor();
    // In the editor, the note field holds the characters as typed.
    const fields = await drawer
      .locator("textarea")
      .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
    expect(fields).toContain(note);
    // In the history, the change shows the note as text.
    await drawer.getByRole("tab", { name: "History" }).click();
    const history = drawer.getByRole("list", { name: "Status history" });
    await history.getByText(markup, { exact: false }).first().waitFor();

    // The text is on the page as typed, and no element came out of it.
    expect(await page.locator("main").textContent()).toContain(note);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator("[onerror]").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
