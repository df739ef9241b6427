import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

/** Debian's Chromium; the tests never download a browser. */
const chromiumPath = "/usr/bin/chromium";
const screenshotDir = resolve(import.meta.dirname, "../../test-results");

export const baseUrl = (): string => inject("baseUrl");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * A fresh page at 1280 px wide (the width the app must read well at), acting
 * as the given user: the app keeps the chosen user in localStorage.
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: { userEmail?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl() });
  if (options.userEmail) {
    await context.addInitScript(
      (email) => window.localStorage.setItem("unblock.userEmail", email),
      options.userEmail,
    );
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(path);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** Calls the API directly, to pick test data and to check what was (not) stored. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; user?: string } = {},
): Promise<T> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.user ? { "x-unblock-user": init.user } : {}),
    },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
