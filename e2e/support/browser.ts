import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

/** Debian's Chromium; the tests never download a browser. */
const chromiumPath = "/usr/bin/chromium";
const screenshotDir = resolve(import.meta.dirname, "../../test-results");

/** The password the demo seed gives its users on servers with sign-in. */
const demoPassword = "unblock-demo";
const adminEmail = "admin@unblock.test";

export const baseUrl = (): string => inject("baseUrl");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * A fresh page at 1280 px wide (the width the app must read well at), signed
 * in as the given demo user (the Admin by default) through the sign-in page,
 * as a person would: the page asked for sends the browser to /login, and
 * signing in there lands on that page.
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: {
    userEmail?: string | undefined;
    password?: string | undefined;
    locale?: string | undefined;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    baseURL: baseUrl(),
    // The browser's language (navigator.languages, Accept-Language); Chromium's own is en-US.
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(path);
  await signInOnPage(page, options.userEmail ?? adminEmail, options.password);
  const wanted = new URL(path, baseUrl());
  await page.waitForURL((url) => url.pathname === wanted.pathname);
  return { context, page };
}

/** Fills in and submits the sign-in page the browser is on. */
async function signInOnPage(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** The tests' own API sessions, per user: cookie and CSRF token. */
const apiSessions = new Map<string, Promise<Record<string, string>>>();

async function signInForApi(email: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`API sign-in as ${email} failed: ${response.status} ${body}`);
  const me = JSON.parse(body) as { csrfToken?: string | null };
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { cookie, ...(me.csrfToken ? { "x-csrf-token": me.csrfToken } : {}) };
}

/**
 * Calls the API directly (as the Admin unless `as` names another user), to
 * pick test data and to check what was, or was not, stored.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; as?: string } = {},
): Promise<T> {
  const email = init.as ?? adminEmail;
  let session = apiSessions.get(email);
  if (!session) {
    session = signInForApi(email);
    apiSessions.set(email, session);
  }
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      ...(await session),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Every PUT the page sends from now on, so a test can prove nothing was sent. */
export function recordPuts(page: Page): string[] {
  const puts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "PUT") puts.push(request.url());
  });
  return puts;
}
