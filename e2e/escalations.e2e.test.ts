import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EscalationList } from "../src/http/schemas/escalations.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { freshEntitlement } from "./support/test-data.ts";

const member = "engineer@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("escalation to the resolver group", () => {
  it("is raised from the editor, waits in the group's queue, and its acknowledgement shows in the history", async () => {
    const target = await freshEntitlement({ l1: "blocked" });
    const message = `E2E ${Date.now()}: the vendor's fix slipped again; please engage now.`;

    const editor = await openPage(browser, `/tenants/${target.tenant.id}?edit=${target.id}&tab=escalations`);
    try {
      const { page } = editor;
      await page.getByRole("tab", { name: "Escalations" }).waitFor();
      await page.getByRole("textbox", { name: "Message" }).fill(message);
      await page.getByRole("button", { name: "Escalate", exact: true }).click();
      await page.getByText(/^Escalated to /).waitFor();
      await screenshot(page, "escalate-from-editor");
    } finally {
      await editor.context.close();
    }

    const [opened] = (await api<EscalationList>(`/escalations?entitlementId=${target.id}`)).items;
    if (!opened) throw new Error("the escalation was not stored");
    expect(opened).toMatchObject({ state: "open", message, openedBy: { email: "admin@unblock.test" } });
    // The group gets its person after the fact: the queue shows the group's escalations to them.
    await api(`/resolver-groups/${encodeURIComponent(opened.group)}/members`, {
      method: "POST",
      body: { user: member },
    });

    const queue = await openPage(
      browser,
      `/escalations?mine=true&group=${encodeURIComponent(opened.group)}`,
      { userEmail: member },
    );
    try {
      const { page } = queue;
      const card = page.getByRole("article").filter({ hasText: message });
      await card.waitFor();
      await expect
        .poll(() => card.getByText(target.tenant.name, { exact: false }).count())
        .toBeGreaterThan(0);
      await screenshot(page, "escalations-queue");
      await card.getByRole("button", { name: "Acknowledge" }).click();
      await card.getByText("acknowledged", { exact: true }).waitFor();
    } finally {
      await queue.context.close();
    }

    // The editor's history, as the one who escalated it reads it.
    const back = await openPage(browser, `/tenants/${target.tenant.id}?edit=${target.id}&tab=history`);
    try {
      const history = back.page.getByRole("list", { name: "Status history" });
      await history.getByText(`acknowledged the escalation to ${opened.group}`).waitFor();
      await history.getByText(`escalated it to ${opened.group}`).waitFor();
      await screenshot(back.page, "escalation-in-history");
    } finally {
      await back.context.close();
    }
  });
});
