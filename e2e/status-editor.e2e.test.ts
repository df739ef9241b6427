import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, launchBrowser, openPage, recordPuts, screenshot } from "./support/browser.ts";
import {
  daysFromToday,
  entitlement,
  freshEntitlement,
  historyCount,
  segmentForWrite,
} from "./support/test-data.ts";

const deliveryFm = "delivery.fm@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the status editor of one service on its tenant page. */
async function openEditor(tenantId: string, entitlementId: string, userEmail?: string) {
  const opened = await openPage(browser, `/tenants/${tenantId}?edit=${entitlementId}`, { userEmail });
  const drawer = opened.page.getByRole("dialog");
  await drawer.getByLabel("L1 status").waitFor();
  return { ...opened, drawer };
}

/** Delivery stage, Blocked, App Compatibility: the choices every Blocked test starts from. */
async function chooseDeliveryBlocked(drawer: Locator) {
  await drawer.locator("label", { hasText: /^Delivery$/ }).click();
  await drawer.getByLabel("L1 status").selectOption("blocked");
  await drawer.getByLabel("L2 reason").selectOption("app_compatibility");
}

describe("status editor", () => {
  it("records a Delivery-stage Blocked status and shows it in the history and on the dashboard", async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "assignment" }, deliveryFm);
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id, deliveryFm);
    await chooseDeliveryBlocked(drawer);

    // The Delivery Blocked row: owner defaults to the Account Team, the target
    // date is asked for as the projected unblock date.
    await expect
      .poll(() => drawer.getByLabel("Owner").inputValue(), { timeout: 15_000 })
      .toBe("Account Team");
    const l3Options = await drawer.getByLabel("L3 reason").locator("option").allTextContents();
    expect(l3Options).toContain("Other");
    await drawer.getByLabel("L3 reason").selectOption({ label: "Other" });
    const scenario = drawer.getByLabel("Engagement scenario");
    if ((await scenario.evaluate((element) => element.tagName)) === "SELECT") {
      await scenario.selectOption("customer_led");
    } else {
      expect(await scenario.getAttribute("readonly")).not.toBeNull();
    }
    const unblockDate = daysFromToday(400);
    await drawer.getByLabel("Target date").fill(unblockDate);
    await drawer
      .getByRole("textbox", { name: /^Note/ })
      .fill(
        "Blocked: the claims application cannot run against the cloud service because the vendor has not certified it; clears when the vendor ships the certified release.",
      );
    await screenshot(page, "editor");
    await drawer.getByRole("button", { name: "Save status" }).click();

    // Saved: the drawer shows the history, newest first, with who and what.
    await drawer.getByText("Saved", { exact: true }).waitFor();
    const latest = drawer.getByRole("list", { name: "Status history" }).getByRole("listitem").first();
    await expect.poll(() => latest.textContent(), { timeout: 15_000 }).toContain("Dev Delivery");
    expect(await latest.textContent()).toContain("App Compatibility");
    expect(await latest.textContent()).toContain("Stage: Assignment → Delivery");

    const stored = await entitlement(target.id);
    expect(stored.stage).toBe("delivery");
    expect(stored.segments).toHaveLength(1);
    expect(stored.segments[0]).toMatchObject({
      l1: "blocked",
      scenarioId: "blocked_delivery",
      l2: "app_compatibility",
      l3: "other",
      targetDate: unblockDate,
      owner: "Account Team",
      seats: target.availableSeats,
    });

    // The dashboard, scoped to this customer and service, counts the new Blocked seats.
    await page.goto(`/dashboards?customerId=${target.customer.id}&serviceId=${target.service.id}`);
    const byL2 = page.getByRole("region", { name: "Blocked seats by L2 reason and service" });
    await byL2.getByText("Show the numbers").click();
    const row = byL2.getByRole("row").filter({ hasText: "App Compatibility" });
    await row.waitFor();
    const seatsCell = await row.getByRole("cell").nth(2).textContent();
    expect(Number(seatsCell?.replaceAll(",", ""))).toBeGreaterThanOrEqual(target.availableSeats);
    const weeks = page.getByRole("region", { name: "Projected unblocks per week" });
    await weeks.getByText("Show the numbers").click();
    await weeks
      .getByRole("row")
      .filter({ hasText: isoWeek(unblockDate) })
      .waitFor();
    await context.close();
  });

  it("shows the missing projected unblock date next to its field and saves nothing", async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "assignment" }, deliveryFm);
    const versionBefore = target.version;
    const historyBefore = await historyCount(target.id);
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id, deliveryFm);
    const puts = recordPuts(page);
    await chooseDeliveryBlocked(drawer);
    const scenario = drawer.getByLabel("Engagement scenario");
    if ((await scenario.evaluate((element) => element.tagName)) === "SELECT") {
      await scenario.selectOption("customer_led");
    }
    await drawer
      .getByRole("textbox", { name: /^Note/ })
      .fill(
        "Blocked: the payroll add-in fails in the new client because it uses legacy macros; clears when IT rewrites it.",
      );
    await drawer.getByRole("button", { name: "Save status" }).click();

    const dateInput = drawer.getByLabel("Target date");
    await expect.poll(() => dateInput.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    const errorId = `${await dateInput.getAttribute("id")}-error`;
    const message = await drawer.locator(`[id="${errorId}"]`).textContent();
    expect(message).toMatch(/needs the projected unblock date/i);
    expect(await dateInput.getAttribute("aria-describedby")).toContain(errorId);

    expect(puts).toEqual([]);
    const stored = await entitlement(target.id);
    expect(stored.version).toBe(versionBefore);
    expect(await historyCount(target.id)).toBe(historyBefore);
    await context.close();
  });

  it("refuses seats split into segments that do not total the available seats", async () => {
    const target = await freshEntitlement({ l1: "in_progress" });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    const puts = recordPuts(page);
    await drawer.getByRole("button", { name: "Split the seats" }).click();
    const second = drawer.getByRole("group", { name: "Segment 2" });
    await second.getByRole("textbox", { name: /^Seats/ }).fill("7");
    await drawer.getByRole("button", { name: "Save status" }).click();

    const available = target.availableSeats.toLocaleString("en-US");
    const refusal = drawer.getByRole("alert").filter({ hasText: /Segments total/ });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`but the service has ${available} available: 7 too many`);

    expect(puts).toEqual([]);
    expect((await entitlement(target.id)).version).toBe(target.version);
    await context.close();
  });

  it("shows a refusal from the server next to the field it names", async () => {
    // The browser runs the same rules first, so a real 422 needs the server to know
    // something the browser does not; the answer is stubbed to test its display.
    const target = await freshEntitlement({ l1: "in_progress", targetFrom: daysFromToday(1) });
    const { context, page, drawer } = await openEditor(target.tenant.id, target.id);
    await page.route("**/api/entitlements/*/status", (route) =>
      route.fulfill({
        status: 422,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://unblock.dev/problems/validation-failed",
          title: "The request breaks a rule",
          status: 422,
          code: "validation_failed",
          detail: "The status breaks 1 playbook rule; nothing was changed.",
          errors: [{ field: "segments.0.note", code: "note_poor", message: "The note names no reason." }],
        }),
      }),
    );
    const note = drawer.getByRole("textbox", { name: /^Note/ });
    await note.fill("Deploying.");
    await drawer.getByRole("button", { name: "Save status" }).click();
    await expect.poll(() => note.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    const errorId = `${await note.getAttribute("id")}-error`;
    expect(await drawer.locator(`[id="${errorId}"]`).textContent()).toBe("The note names no reason.");
    await context.close();
  });

  it("tells the user when someone else saved first, and reloads the current status", async () => {
    // A target date ahead, so the other user's edit below passes the rules.
    const target = await freshEntitlement({ l1: "in_progress", targetFrom: daysFromToday(1) });
    const { context, drawer } = await openEditor(target.tenant.id, target.id);
    const note = drawer.getByRole("textbox", { name: /^Note/ });
    await note.fill("Deploying: pilot mailboxes moved; the remaining users move in two waves next month.");

    // Someone else changes the same service meanwhile, through the API.
    const [current] = target.segments;
    await api(`/entitlements/${target.id}/status`, {
      method: "PUT",
      body: {
        version: target.version,
        segments: [
          {
            ...segmentForWrite(current!),
            note: "Deploying: hybrid configured; first wave of users this week.",
          },
        ],
      },
    });

    await drawer.getByRole("button", { name: "Save status" }).click();
    await drawer.getByText("Changed by someone else: review and retry").waitFor();
    await drawer.getByText(`Current status (version ${target.version + 1}`).waitFor();
    await context.close();
  });
});

/** ISO week of a date, as the projected-unblocks report names weeks ("2027-W52"). */
function isoWeek(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
