import { parseArgs } from "node:util";
import type { Actor } from "../src/app/app-deps.ts";
import { judgeUnjudgedNotes } from "../src/app/quality/judge-unjudged-notes.ts";
import { listQualityItems } from "../src/app/quality/list-quality-items.ts";
import { personQualityItems } from "../src/app/quality/person-quality-items.ts";
import { startApp } from "../src/app/start-app.ts";
import { findUserByEmail } from "../src/app/users/find-user.ts";
import { everyTenant } from "../src/domain/policy/tenant-scope.ts";

/**
 * The data-quality queue's cost on a seeded database (docs/QUALITY.md), in
 * process as the server runs it: the Admin's whole-portfolio read cold (no
 * note judged yet) and warm, one assigned person's read (owner=me) and the
 * digest's personQualityItems, and the note judge's throughput.
 *
 *   DATABASE_URL=postgres://.../unblock_quality_bench npx tsx bench/quality-queue.ts [--judge-all]
 *
 * --judge-all judges every unjudged note first (minutes on 100,000 tenants), so the warm
 * figures are warm for the whole portfolio.
 */

const { values } = parseArgs({ options: { "judge-all": { type: "boolean" }, rounds: { type: "string" } } });
const rounds = Number(values.rounds ?? 5);

const ms = (start: number) => Math.round(performance.now() - start);

async function timed<T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T> {
  const times: number[] = [];
  let value: T | undefined;
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    value = await run();
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms (${describe(value!)})`,
  );
  return value!;
}

/** A Delivery FM assigned to 20 customers, as a real one is (the demo's FM has a third of them). */
async function managerOfTwentyCustomers(): Promise<Actor> {
  const email = "bench.quality.fm@example.test";
  const found = await findUserByEmail(app.deps, email);
  if (found) return found;
  const db = app.deps.database;
  const { rows } = await db.execute(
    `insert into users (email, name, role) values ('${email}', 'Bench Quality', 'delivery_fm') returning id::text as id`,
  );
  const id = String(rows[0]!.id);
  await db.execute(`insert into assignments (user_id, customer_id)
    select '${id}', c.id from customers c order by c.external_id limit 20`);
  return (await findUserByEmail(app.deps, email))!;
}

async function actor(email: string): Promise<Actor> {
  const user = await findUserByEmail(app.deps, email);
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

const app = await startApp({ databaseUrl: process.env.DATABASE_URL });
const deps = app.deps;
const admin = await actor("admin@unblock.test");
const fm = await actor("delivery.fm@unblock.test");
const scope = { visibleTo: everyTenant };

const start = performance.now();
const first = await listQualityItems(deps, admin, {});
console.log(`admin, first read: ${ms(start)} ms (${first.total} items, ${first.notesPending} notes pending)`);
const batch = performance.now();
const judged = await judgeUnjudgedNotes(deps, scope, 2_000, { latestFirst: false });
const batchMs = ms(batch);
console.log(
  `judge batch (the job's): ${judged.judged} entitlements in ${batchMs} ms (${Math.round((judged.judged * 1000) / batchMs)}/s)`,
);
if (values["judge-all"]) {
  const all = performance.now();
  let total = 0;
  for (;;) {
    const round = await judgeUnjudgedNotes(deps, scope, 5_000, { latestFirst: false });
    total += round.judged;
    if (round.judged < 5_000) break;
  }
  console.log(`judged all: ${total} entitlements in ${Math.round(ms(all) / 1000)} s`);
}
await timed(
  "admin, every item",
  () => listQualityItems(deps, admin, {}),
  (a) => `${a.total} items, ${a.notesPending} pending`,
);
await timed(
  "admin, one rule",
  () => listQualityItems(deps, admin, { rule: "note_grade" }),
  (a) => `${a.total} items`,
);
await timed(
  "delivery FM, owner=me",
  () => listQualityItems(deps, fm, { owner: "me" }),
  (a) => `${a.total} items`,
);
await timed(
  "digest, personQualityItems",
  () => personQualityItems(deps, fm.id),
  (a) => `${a.total} items`,
);
const manager = await managerOfTwentyCustomers();
await timed(
  "an FM of 20 customers, owner=me",
  () => listQualityItems(deps, manager, { owner: "me" }),
  (a) => `${a.total} items`,
);
await timed(
  "partner of 20 customers, every item",
  () => listQualityItems(deps, manager, {}),
  (a) => `${a.total} items`,
);
await app.close();
