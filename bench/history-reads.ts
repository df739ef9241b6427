import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Actor, AppDeps } from "../src/app/app-deps.ts";
import { systemActor } from "../src/app/auth/system-actor.ts";
import { listEntitlementsAsOf } from "../src/app/entitlements/list-entitlements-as-of.ts";
import { getBlockedOverTimeByL2 } from "../src/app/reports/blocked-by-l2-over-time.ts";
import { getBlockedByL2Service } from "../src/app/reports/blocked-by-l2-service.ts";
import { comparePortfolio } from "../src/app/reports/compare-portfolio.ts";
import { getDwellTimes } from "../src/app/reports/dwell-times.ts";
import { getL1Flow } from "../src/app/reports/l1-flow.ts";
import { openDatabase } from "../src/db/client.ts";
import { addDays } from "../src/domain/history/as-of-day.ts";
import { defaultIndex, defaultPlaybookPath } from "../test/support/default-playbook.ts";

/**
 * The history reads' cost on a seeded database (docs/HISTORY.md), in process
 * as the server runs them, for the whole portfolio (Admin) and for one
 * assigned person. Opens the database without migrating it, so a shared
 * benchmark database is only read.
 *
 *   DATABASE_URL=postgres://.../unblock_bench npx tsx bench/history-reads.ts [--today YYYY-MM-DD] [--rounds 3]
 *   npx tsx bench/history-reads.ts --pglite bench/data/pglite-10000
 *
 * --only TEXT runs the lines whose label contains TEXT; --admin leaves out the assigned person.
 */
const { values } = parseArgs({
  options: {
    rounds: { type: "string" },
    today: { type: "string" },
    pglite: { type: "string" },
    only: { type: "string" },
    admin: { type: "boolean" },
  },
});
const rounds = Number(values.rounds ?? 3);

async function timed(label: string, run: () => Promise<string>): Promise<void> {
  if (values.only && !label.includes(values.only)) return;
  const times: number[] = [];
  let said = "";
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    said = await run();
    times.push(Math.round(performance.now() - start));
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms (${said})`);
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const database = values.pglite
    ? await openDatabase({ dataDir: values.pglite })
    : await openDatabase({ url: url! });
  const rows = (await database.db.execute(
    sql`select (select max(at) from status_history)::date::text as last,
      (select count(*) from status_history)::int as history, (select count(*) from tenants)::int as tenants,
      (select a.user_id::text from assignments a group by a.user_id order by count(*) desc limit 1) as person`,
  )) as unknown as { rows: { last: string; history: number; tenants: number; person: string | null }[] };
  const facts = rows.rows[0]!;
  const today = values.today ?? facts.last;
  const deps: AppDeps = {
    database,
    playbook: { index: defaultIndex(), path: defaultPlaybookPath, sha256: "bench" },
    now: () => new Date(`${today}T12:00:00.000Z`),
  };
  console.log(`${facts.tenants} tenants, ${facts.history} history rows; today ${today}`);
  const person: Actor | null = facts.person
    ? { id: facts.person, email: "bench", name: "Bench", role: "delivery_fm" }
    : null;
  for (const [who, actor] of [
    ["Admin", systemActor],
    ["one person", person],
  ] as const) {
    if (!actor || (values.admin && actor !== systemActor)) continue;
    await readsAs(deps, who, actor, today);
  }
  await database.close();
}

async function readsAs(deps: AppDeps, who: string, actor: Actor, today: string): Promise<void> {
  const back30 = addDays(today, -30);
  const back182 = addDays(today, -182);
  await timed(`${who}: Blocked by L2 x service as of 6 months back`, async () => {
    const { items } = await getBlockedByL2Service(deps, actor, { asOf: back182 });
    return `${items.length} rows`;
  });
  await timed(`${who}: Blocked by L2 x service as of 30 days back`, async () => {
    const { items } = await getBlockedByL2Service(deps, actor, { asOf: back30 });
    return `${items.length} rows`;
  });
  await timed(`${who}: list as of 30 days back, first 50 by update`, async () => {
    const page = await listEntitlementsAsOf(deps, actor, { asOf: back30, limit: 50 });
    return `${page.items.length} rows`;
  });
  await timed(`${who}: list as of 30 days back, Blocked, first 50 by customer`, async () => {
    const page = await listEntitlementsAsOf(deps, actor, {
      asOf: back30,
      l1: "blocked",
      sort: "customer",
      limit: 50,
    });
    return `${page.items.length} rows`;
  });
  await timed(`${who}: compare the last 30 days`, async () => {
    const answer = await comparePortfolio(deps, actor, { from: back30, to: today });
    return `${answer.totals.entitlements} entitlements changed`;
  });
  await timed(`${who}: dwell times by L2, last 90 days`, async () => {
    const answer = await getDwellTimes(deps, actor, {});
    return `${answer.items.length} rows`;
  });
  await timed(`${who}: L1 flow, last 90 days`, async () => {
    const answer = await getL1Flow(deps, actor, {});
    return `${answer.items.length} cells`;
  });
  await timed(`${who}: Blocked per L2, 52 weeks`, async () => {
    const answer = await getBlockedOverTimeByL2(deps, actor, {});
    return `${answer.items.length} cells`;
  });
}

await main();
