import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { daysFromToday, entitlement, freshEntitlement } from "./support/test-data.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the status editor of one service over its tenant page. */
async function openEditor(tenantId: string, entitlementId: string) {
  const opened = await openPage(browser, `/tenants/${tenantId}?edit=${entitlementId}`);
  const drawer = opened.page.getByRole("dialog", { name: /·/ });
  await drawer.getByLabel("L1 status").waitFor();
  return { ...opened, drawer };
}

/** The segment's note, whatever the scenario row calls it. */
const noteOf = (drawer: Locator) => drawer.locator("textarea").first();

async function invalidFields(drawer: Locator): Promise<number> {
  return drawer.locator("[aria-invalid='true']").count();
}

describe("the status editor keeps what the user typed", () => {
  it("keeps a note typed before L1 Blocked is picked, and shows no error before a field is left", async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "assignment" });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    const note = "Their proxy strips the Teams media headers; customer IT is replacing it next quarter.";
    await noteOf(drawer).fill(note);
    await drawer.getByLabel("L1 status").selectOption("blocked");

    const explanation = drawer.getByRole("textbox", { name: /^Note/ });
    await expect.poll(() => explanation.inputValue()).toBe(note);
    // Blocked asks for more, but nothing is red until the user leaves a field or presses Save.
    expect(await invalidFields(drawer)).toBe(0);
    await drawer.getByText(/fields? to fill/).waitFor();

    // Leaving the L2 reason empty shows its error, and only its.
    const l2 = drawer.getByRole("combobox", { name: /^L2 reason/ });
    await l2.focus();
    await explanation.focus();
    await expect.poll(() => l2.getAttribute("aria-invalid")).toBe("true");
    expect(await invalidFields(drawer)).toBe(1);

    // Back to the first L1: the note is still the one typed.
    await drawer.getByLabel("L1 status").selectOption("status_unknown");
    await expect.poll(() => noteOf(drawer).inputValue()).toBe(note);
    await screenshot(page, "editor-keeps-note");
    await context.close();
  });

  it("asks before Escape throws edits away, and keeps them when told to", async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "assignment" });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    await noteOf(drawer).fill("Two emails and a call to the IT lead, no answer yet.");

    await page.keyboard.press("Escape");
    const question = page.getByRole("dialog", { name: "Discard unsaved edits?" });
    await question.waitFor();
    await question.getByRole("button", { name: "Keep editing" }).click();
    await question.waitFor({ state: "hidden" });
    expect(await noteOf(drawer).inputValue()).toBe("Two emails and a call to the IT lead, no answer yet.");

    await page.getByRole("button", { name: "Close the status editor" }).click();
    await question.getByRole("button", { name: "Discard edits" }).click();
    await drawer.waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.get("edit")).toBeNull();
    await context.close();
  });

  it("offers the draft back after a reload", async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "assignment" });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    const note = "Reached the CIO's assistant; a call is booked for Thursday.";
    await noteOf(drawer).fill(note);

    await page.reload();
    const offer = page.getByRole("region", { name: "Unsaved edits were kept" });
    await offer.waitFor();
    await offer.getByRole("button", { name: "Restore my edits" }).click();
    await expect.poll(() => noteOf(page.getByRole("dialog", { name: /·/ })).inputValue()).toBe(note);
    await offer.waitFor({ state: "hidden" });
    await context.close();
  });

  it("gives the remaining segment all the seats when a split segment is removed, and saves", async () => {
    const target = await freshEntitlement({ l1: "in_progress", targetFrom: daysFromToday(1) });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    await drawer.getByRole("button", { name: "Split the seats" }).click();
    const second = drawer.getByRole("group", { name: "Segment 2" });
    await second.getByRole("textbox", { name: /^Seats/ }).fill("1");
    await drawer
      .getByRole("group", { name: "Segment 1" })
      .getByRole("textbox", { name: /^Seats/ })
      .fill("1");

    await drawer.getByRole("button", { name: "Remove segment 2" }).click();
    await second.waitFor({ state: "hidden" });
    const available = target.availableSeats.toLocaleString("en-US");
    await drawer.getByText(`${available} assigned`).waitFor();
    await drawer.getByText("0 remaining").waitFor();

    const note = `Deploying in waves; the pilot group moved on ${daysFromToday(0)}.`;
    await noteOf(drawer).fill(note);
    await drawer.getByRole("button", { name: "Save status" }).click();
    await drawer.getByText("Saved", { exact: true }).waitFor();

    const stored = await entitlement(target.id);
    expect(stored.version).toBe(target.version + 1);
    expect(stored.segments).toHaveLength(1);
    expect(stored.segments[0]).toMatchObject({ seats: target.availableSeats, note, splitReason: null });
    await closeSaved(page);
    await context.close();
  });
});

/** After a save the editor shows the history; closing it asks nothing. */
async function closeSaved(page: Page) {
  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: /·/ }).waitFor({ state: "hidden" });
}
