import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { openBenchSession } from "./bench-session.ts";
import { startServer } from "./server-process.ts";

/**
 * `npm run bench:web`: how long the portfolio takes to show its first rows in
 * a real browser (Debian's Chromium, headless), on the embedded database with
 * 10,000 tenants by default. Each cold load empties the browser's HTTP cache
 * (signed in once per user, by cookie), then times navigation
 * start to the first portfolio row drawn, read from the page's own clock.
 * Warm loads open the page again with the cache kept (the built assets come from it).
 * Prints a table and writes bench/web-results.json.
 */

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    tenants: { type: "string", default: "10000" },
    loads: { type: "string", default: "15" },
    reseed: { type: "boolean", default: false },
  },
});
const tenants = Number(values.tenants);
const loads = Number(values.loads);
if (!Number.isInteger(tenants) || tenants < 1 || !Number.isInteger(loads) || loads < 1) {
  throw new Error("npm run bench:web -- [--tenants N] [--loads N] [--reseed]");
}
// Its own data directory: the main benchmark may use its PGlite database at the same time.
const dataDir = fileURLToPath(new URL(`./data/web-pglite-${tenants}`, import.meta.url));
const users = [
  { label: "Delivery FM (its tenants)", email: "delivery.fm@unblock.test" },
  { label: "Admin (all tenants)", email: "admin@unblock.test" },
];

function unblock(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", UNBLOCK_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["bin/unblock.js", ...args], { cwd: repoRoot, env });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stderr.pipe(process.stderr);
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`unblock ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Tenants already in the data directory (0 before the first seed). */
async function tenantCount(): Promise<number> {
  const session = await openBenchSession({ dataDir, poolSize: 1 });
  try {
    const { rows } = await session.deps.database.execute("select count(*)::int as n from tenants");
    return Number(rows[0]?.n ?? 0);
  } finally {
    await session.close();
  }
}

/** Milliseconds from navigation start to the first portfolio row in the DOM, by the page's clock. */
async function firstRowsAt(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/`, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    () => (document.querySelector("table[aria-label='Portfolio'] tbody tr") ? performance.now() : null),
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** When each of the first screen's responses ended, by the page's clock (ms from navigation start). */
async function milestones(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const ends: Record<string, number> = {};
    const navigation = performance.getEntriesByType("navigation")[0] as
      | PerformanceNavigationTiming
      | undefined;
    if (navigation) ends.html = navigation.responseEnd;
    for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      const path = new URL(entry.name).pathname;
      const step = path.endsWith(".js")
        ? "js"
        : path.endsWith(".css")
          ? "css"
          : path.startsWith("/api/")
            ? path.slice(5).split("/")[0]!
            : null;
      if (step && !(step in ends)) ends[step] = entry.responseEnd;
    }
    return ends;
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main() {
  const started = new Date();
  const loadAtStart = loadavg();
  await unblock(["migrate"]);
  let seedSeconds: number | null = null;
  if (values.reseed || (await tenantCount()) !== tenants) {
    const at = performance.now();
    await unblock(["seed", "--demo", "--tenants", String(tenants), "--reset"]);
    seedSeconds = (performance.now() - at) / 1000;
  }

  const server = await startServer({ dataDir });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const results = [];
  try {
    for (const user of users) {
      const cold: number[] = [];
      const warm: number[] = [];
      let bytes = 0;
      const steps: Record<string, number[]> = {};
      // One sign-in per user (the server allows 10 a minute from one address); each context gets its cookie.
      const login = await fetch(`${server.origin}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: "unblock-demo" }),
      });
      if (!login.ok) throw new Error(`Sign-in as ${user.email}: ${login.status} ${await login.text()}`);
      const [name, ...rest] = ((login.headers.get("set-cookie") ?? "").split(";")[0] ?? "").split("=");
      const cookie = { name: name ?? "", value: rest.join("="), domain: "127.0.0.1", path: "/" };
      // One browser context per user, as a person's running browser: a cold load empties its HTTP
      // cache first (DevTools protocol), so every asset and answer comes from the server again,
      // without timing the start of a new browser process, which a user's browser does not pay.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        storageState: {
          cookies: [{ ...cookie, expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }],
          origins: [],
        },
      });
      const page = await context.newPage();
      const devtools = await context.newCDPSession(page);
      await devtools.send("Network.enable");
      let transferred = 0;
      page.on("requestfinished", (request) => {
        void request
          .sizes()
          .then((sizes) => {
            transferred += sizes.responseBodySize + sizes.responseHeadersSize;
          })
          .catch(() => undefined);
      });
      for (let run = 0; run < loads; run++) {
        await page.goto("about:blank");
        await devtools.send("Network.clearBrowserCache");
        transferred = 0;
        cold.push(await firstRowsAt(page, server.origin));
        await page.waitForLoadState("networkidle");
        for (const [step, at] of Object.entries(await milestones(page))) {
          steps[step] = [...(steps[step] ?? []), at];
        }
        if (run === 0) bytes = transferred;
        await page.goto("about:blank");
        warm.push(await firstRowsAt(page, server.origin));
      }
      await context.close();
      cold.sort((a, b) => a - b);
      warm.sort((a, b) => a - b);
      results.push({
        user: user.label,
        loads,
        coldMs: { p50: percentile(cold, 50), p95: percentile(cold, 95), max: cold.at(-1) },
        warmMs: { p50: percentile(warm, 50), p95: percentile(warm, 95), max: warm.at(-1) },
        firstLoadKb: Math.round(bytes / 1024),
        // Where a cold load spends its time: median ms from navigation start to each response's end.
        coldStepsMs: Object.fromEntries(
          Object.entries(steps).map(([step, values]) => [
            step,
            percentile(
              values.sort((a, b) => a - b),
              50,
            ),
          ]),
        ),
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const output = {
    startedAt: started.toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", loadAtStart, loadAtEnd: loadavg() },
    database: "PGlite (embedded)",
    tenants,
    seedSeconds,
    results,
  };
  writeFileSync(new URL("./web-results.json", import.meta.url), `${JSON.stringify(output, null, 2)}\n`);
  const f = (value: number | undefined) => (value === undefined ? "-" : value.toFixed(0).padStart(6));
  console.log(
    `Portfolio first load in Chromium, ${tenants.toLocaleString("en-US")} tenants on PGlite, ${loads} loads each; ` +
      `${output.machine.cpus} x ${output.machine.cpuModel}; load average ${loadAtStart.map((v) => v.toFixed(2)).join(" ")} → ${output.machine.loadAtEnd.map((v) => v.toFixed(2)).join(" ")}` +
      (seedSeconds === null ? "" : `; seeded in ${seedSeconds.toFixed(0)} s`),
  );
  console.log(
    "user                          cold p50  cold p95  cold max  warm p50  warm p95  first load KB on the wire",
  );
  for (const row of results) {
    console.log(
      `${row.user.padEnd(28)}  ${f(row.coldMs.p50)} ms ${f(row.coldMs.p95)} ms ${f(row.coldMs.max)} ms ${f(row.warmMs.p50)} ms ${f(row.warmMs.p95)} ms  ${String(row.firstLoadKb).padStart(8)}`,
    );
    const steps = Object.entries(row.coldStepsMs)
      .sort((a, b) => a[1] - b[1])
      .map(([step, at]) => `${step} ${at.toFixed(0)}`)
      .join(", ");
    console.log(`  cold load, median end of each response (ms): ${steps}`);
  }
}

await main();
