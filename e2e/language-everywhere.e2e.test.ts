import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementView } from "../web/api/api-types.ts";
import { de } from "../web/i18n/de.ts";
import { en } from "../web/i18n/en.ts";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { catalogueWords, dates, type ForeignWords, visibleTexts } from "./support/foreign-words.ts";
import { freshEntitlement } from "./support/test-data.ts";

/** The demo password, so the API helper can sign in as this test's own Admins too. */
const demoPassword = "unblock-demo";
const resultsDir = resolve(import.meta.dirname, "../test-results");
type Language = "en" | "de";
/** Two Admins of the test's own in one database: one chose German, one English. */
const readers = { de: "dora.deutsch@example.test", en: "edna.english@example.test" } as const;

/** The words the walk clicks, from the catalogues, so the same walk runs in each language. */
function wordsOf(words: typeof en) {
  return {
    sections: words.shell.sections,
    guidance: words.editor.guidance.region,
    historyTab: words.editor.tabs.history,
    l1: words.editor.l1.label,
    save: words.editor.saveBar.save,
    columns: words.portfolio.columns.button,
    selectAll: words.portfolio.table.selectAll,
    bulk: words.portfolio.header.bulk,
    report: words.escalations.tabs.report,
    groups: words.escalations.tabs.groups,
    notices: words.myWork.notices.title,
    menu: words.users.menu.label.replace("{{name}}", "").trim(),
    preview: words.versions.preview,
    notifications: words.users.menu.notifications,
    language: words.users.menu.language,
  };
}
type Words = ReturnType<typeof wordsOf>;
const wordsIn: Record<Language, Words> = { en: wordsOf(en), de: wordsOf(de) };

let browser: Browser;
let blocked: EntitlementView;
let unknown: EntitlementView;
const foreign = {} as Record<Language, ForeignWords>;
/** Every text of every page, written to test-results/ for reading by eye. */
const seen: Record<string, string[]> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [language, email] of Object.entries(readers)) {
    await api("/users", {
      method: "POST",
      body: { email, name: `Admin ${language.toUpperCase()}`, role: "admin", password: demoPassword },
    });
    await api("/me/preferences", { method: "PATCH", as: email, body: { language } });
  }
  blocked = await freshEntitlement({ l1: "blocked", stage: "delivery" });
  // Assignment stage: the Delivery walk (e2e/delivery-walk) takes Delivery-stage ones and saves them.
  unknown = await freshEntitlement({ l1: "status_unknown", stage: "assignment" });
  // The playbook as each reads it: every name and guidance text that differs.
  const playbooks = {
    en: await api("/playbook", { as: readers.en }),
    de: await api("/playbook", { as: readers.de }),
  };
  foreign.de = catalogueWords("de")
    .add(playbooks.en, playbooks.de, "playbook en ")
    // Found by looking: English the server sends, which no catalogue holds.
    .phrase(/\((unresolved|team|no status|no L2|no L3)\)/, "a server's English label")
    .phrase(/^\d[\d.]* (seats?|tenants?|entitlements?|days?)\b/, "an English count")
    .phrase(/\(line \d+, column \d+\)$|^Playbook \S+ is invalid/, "an English refusal");
  foreign.en = catalogueWords("en")
    .add(playbooks.de, playbooks.en, "playbook de ")
    .phrase(/\((nicht zugeordnet|Team|kein Status|ohne L2|ohne L3)\)/, "a German label")
    .phrase(/^\d[\d.,]* (Lizenzen|Mandanten|Tage)\b/, "a German count")
    .phrase(/\(Zeile \d+, Spalte \d+\)$|^Das Playbook \S+ ist ungültig/, "a German refusal");
});
afterAll(async () => {
  await browser?.close();
});

/** Requests the page has sent and not yet had answered. */
const inFlight = new Set<unknown>();

/** The page once its data has arrived: nothing on the way, no loader left. */
async function settled(page: Page): Promise<void> {
  const loaders = page.locator(".mantine-Loader-root");
  // Twice in a row, so a request a render sends right after an answer is waited for too.
  let quiet = 0;
  await expect
    .poll(
      async () => {
        quiet = inFlight.size === 0 && (await loaders.count()) === 0 ? quiet + 1 : 0;
        return quiet;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(2);
}

/** What on the page is in the other language, and whether its dates are written in its own. */
async function look(page: Page, language: Language, where: string) {
  await settled(page);
  const texts = await visibleTexts(page);
  seen[`${language} ${where}`] = texts;
  const wrong = [
    ...foreign[language].find(texts),
    ...texts.filter((text) => dates[language].foreign.test(text)).map((text) => `"${text}" (a foreign date)`),
  ];
  if (wrong.length > 0) found[where] = wrong;
  owned[language] += texts.filter((text) => dates[language].own.test(text)).length;
}

/** Each page of the app, with what to open on it, in the order a person might visit them. */
const visits: { where: string; path: () => string; open?: (page: Page, w: Words) => Promise<void> }[] = [
  { where: "portfolio", path: () => "/" },
  {
    where: "editor of a Blocked L2",
    path: () => `/?edit=${blocked.id}`,
    open: (page, w) => page.getByRole("region", { name: w.guidance }).waitFor(),
  },
  {
    where: "editor history",
    path: () => `/?edit=${blocked.id}`,
    open: (page, w) => page.getByRole("dialog").getByRole("tab", { name: w.historyTab }).click(),
  },
  {
    where: "editor, Blocked chosen and saved too early",
    path: () => `/?edit=${unknown.id}`,
    open: async (page, w) => {
      const drawer = page.getByRole("dialog");
      await drawer.getByLabel(w.l1).selectOption("blocked");
      await drawer.getByRole("button", { name: w.save }).click();
      await drawer.locator("[aria-invalid='true']").first().waitFor();
    },
  },
  { where: "tenant", path: () => `/tenants/${blocked.tenant.id}` },
  {
    where: "columns",
    path: () => "/",
    open: (page, w) => page.getByRole("button", { name: w.columns }).click(),
  },
  {
    where: "bulk update",
    path: () => "/?l1=blocked",
    open: async (page, w) => {
      await page.getByRole("checkbox", { name: w.selectAll }).check();
      await page.getByRole("button", { name: new RegExp(`^${w.bulk}`) }).click();
      await page.getByRole("dialog").waitFor();
    },
  },
  { where: "dashboards", path: () => "/dashboards" },
  { where: "dashboards, my portfolio", path: () => "/dashboards?mine=true" },
  { where: "what changed", path: () => "/changes" },
  { where: "my work", path: () => "/my-work" },
  { where: "quality", path: () => "/quality" },
  { where: "escalations", path: () => "/escalations" },
  {
    where: "escalation report",
    path: () => "/escalations",
    open: (page, w) => page.getByRole("tab", { name: w.report }).click(),
  },
  {
    where: "resolver groups",
    path: () => "/escalations",
    open: (page, w) => page.getByRole("tab", { name: w.groups }).click(),
  },
  {
    where: "inbox",
    path: () => "/my-work",
    open: (page, w) => page.getByRole("button", { name: new RegExp(`^${w.notices}, `) }).click(),
  },
  { where: "notification settings", path: () => "/", open: (page, w) => openMenu(page, w, w.notifications) },
  { where: "language settings", path: () => "/", open: (page, w) => openMenu(page, w, w.language) },
  { where: "playbook", path: () => "/playbook" },
  { where: "playbook, Blocked", path: () => "/playbook/blocked" },
  { where: "playbook, App Compatibility", path: () => "/playbook/blocked/app_compatibility" },
  { where: "playbook, a No Intent L2", path: () => "/playbook/no_intent/using_competitive_solution" },
  { where: "playbook versions", path: () => "/admin/playbook" },
  {
    where: "playbook versions, a broken upload refused",
    path: () => "/admin/playbook",
    open: async (page, w) => {
      const broken = { name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from("id: broken\n") };
      await page.locator('input[type="file"]').setInputFiles(broken);
      await page.getByRole("button", { name: w.preview }).click();
      await page.getByRole("alert").first().waitFor();
    },
  },
  { where: "portfolio feed", path: () => "/admin/feed" },
  { where: "people", path: () => "/admin/people" },
  { where: "roadmap", path: () => "/roadmap" },
  { where: "page not found", path: () => "/nowhere" },
];

async function openMenu(page: Page, w: Words, item: string): Promise<void> {
  await page.getByRole("button", { name: w.menu }).click();
  await page.getByRole("menuitem", { name: item }).click();
  await page.getByRole("dialog").waitFor();
}

/** In the app, as its links go (the History API): no reload, so the walk stays fast. */
async function go(page: Page, w: Words, path: string): Promise<void> {
  await page.keyboard.press("Escape");
  const closed = await page
    .getByRole("dialog")
    .waitFor({ state: "detached", timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (closed) {
    await page.evaluate((to) => {
      window.history.pushState(null, "", to);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, path);
  } else {
    // Unsaved edits keep the editor open (it asks first): leave them by loading the next page.
    await page.goto(path);
  }
  await page.getByRole("navigation", { name: w.sections }).waitFor();
  await settled(page);
}

const found: Record<string, string[]> = {};
/** How many texts held a date written in the reader's own format. */
const owned: Record<Language, number> = { en: 0, de: 0 };

describe.each(["de", "en"] as const)("the whole app in one language: %s", (language) => {
  const w = wordsIn[language];
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ context, page } = await openPage(browser, "/", {
      userEmail: readers[language],
      password: demoPassword,
    }));
    page.on("request", (request) => inFlight.add(request));
    page.on("requestfinished", (request) => inFlight.delete(request));
    page.on("requestfailed", (request) => inFlight.delete(request));
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  });
  afterAll(async () => {
    inFlight.clear();
    await screenshot(page, `language-everywhere-${language}`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, "language-everywhere.json"), JSON.stringify(seen, null, 1));
    await context?.close();
  });

  // Three parts, each well inside the time a test may take.
  it.each([
    [0, 9],
    [9, 18],
    [18, visits.length],
  ])("shows no text of the other language and only its own dates on pages %i to %i", async (from, to) => {
    for (const where of Object.keys(found)) delete found[where];
    for (const visit of visits.slice(from, to)) {
      await go(page, w, visit.path());
      await visit.open?.(page, w);
      await look(page, language, visit.where);
    }
    expect(found).toEqual({});
  });

  it("judged enough dates: the portfolio's targets, the history, the dashboards' weeks", () => {
    expect(owned[language]).toBeGreaterThan(10);
  });
});
