import { parseArgs } from "node:util";
import type { AppDeps } from "../src/app/app-deps.ts";
import { systemActor } from "../src/app/auth/system-actor.ts";
import { listEntitlements } from "../src/app/entitlements/list-entitlements.ts";
import { getBlockedByL2Service } from "../src/app/reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../src/app/reports/blocked-by-l3.ts";
import { getDwellTimes } from "../src/app/reports/dwell-times.ts";
import { openDatabase } from "../src/db/client.ts";
import { addDays } from "../src/domain/history/as-of-day.ts";
import { defaultIndex, defaultPlaybookPath } from "../test/support/default-playbook.ts";

/**
 * Readers beside a playbook apply (docs/PLAYBOOK-VERSIONS.md, "Limits"): one
 * connection reads in a loop, in process as the server runs them, a list
 * (first 50 by update, and first 50 holding an L2), today's L3 report, Blocked
 * by L2 as of 30 days back, and dwell times, until SIGINT or SIGTERM, then
 * prints each read's count, median and slowest (`--each`: every read as it
 * ends, with the time; reads over a second always). Opens without migrating and
 * only reads (a dwell read counts queued tenants again, as any reader does).
 *
 *   DATABASE_URL=postgres://.../db npx tsx bench/remap-readers.ts --l2 migration [--today YYYY-MM-DD]
 *   ... & (run the apply) ; kill -INT <pid>
 */
const { values } = parseArgs({
  options: { l2: { type: "string" }, today: { type: "string" }, each: { type: "boolean" } },
});
const database = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 1 });
const today = values.today ?? new Date().toISOString().slice(0, 10);
const deps: AppDeps = {
  database,
  playbook: { index: defaultIndex(), path: defaultPlaybookPath, sha256: "bench" },
  now: () => new Date(`${today}T12:00:00.000Z`),
};
const reads: Record<string, () => Promise<unknown>> = {
  "list, first 50 by update": () => listEntitlements(deps, systemActor, { limit: 50 }),
  ...(values.l2
    ? {
        [`list, first 50 in L2 ${values.l2}`]: () =>
          listEntitlements(deps, systemActor, { l2: values.l2, limit: 50 }),
      }
    : {}),
  "L3 report, today": () => getBlockedByL3(deps, systemActor, {}),
  "Blocked by L2 x service as of 30 days back": () =>
    getBlockedByL2Service(deps, systemActor, { asOf: addDays(today, -30) }),
  "dwell times by L2, last 90 days": () => getDwellTimes(deps, systemActor, {}),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(reads).map((label) => [label, []]));
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
while (!stopping) {
  for (const [label, read] of Object.entries(reads)) {
    const start = performance.now();
    await read();
    const ms = Math.round(performance.now() - start);
    times[label]!.push(ms);
    if (values.each || ms > 1000) console.log(`${new Date().toISOString()} ${label}: ${ms} ms`);
    if (stopping) break;
  }
}
for (const [label, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${label}: ${sorted.length} reads, median ${sorted[Math.floor(sorted.length / 2)] ?? "-"} ms, slowest ${sorted.at(-1) ?? "-"} ms`,
  );
}
await database.close();
