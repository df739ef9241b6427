import { parseArgs } from "node:util";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { AppDeps } from "../src/app/app-deps.ts";
import { systemActor } from "../src/app/auth/system-actor.ts";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import { playbookChangeReport } from "../src/app/playbook/playbook-change-report.ts";
import { playbookInUse } from "../src/app/playbook/playbook-in-use.ts";
import { type Db, openDatabase } from "../src/db/client.ts";
import { pickRemapBatch, type RemapMapping, writeRemapBatch } from "../src/db/sql/remap-status-batch-sql.ts";
import { defaultIndex, defaultPlaybookPath } from "../test/support/default-playbook.ts";

/**
 * Where a playbook remap's time goes (docs/PLAYBOOK-VERSIONS.md, "Limits"):
 * times the plan's counts and the pick, then writes one batch in a transaction
 * that is rolled back, timing each statement, with `--explain <start>` printing
 * EXPLAIN (ANALYZE, BUFFERS) of the statement starting so instead, and the trigger
 * functions' time (pg_stat_xact_user_functions, track_functions = all).
 * Changes nothing. Run it on a copy, with the bench lock held.
 *
 *   DATABASE_URL=postgres://.../copy npx tsx bench/remap-profile.ts --file new.yaml [--size 10000] [--explain "with picked as"]
 */
const { values } = parseArgs({
  options: { file: { type: "string" }, size: { type: "string" }, explain: { type: "string" } },
});
class RolledBack extends Error {}
const database = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 1 });
const deps: AppDeps = {
  database,
  playbook: { index: defaultIndex(), path: defaultPlaybookPath, sha256: "bench" },
  now: () => new Date(),
};
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};
const db = database.db;
const candidate = loadPlaybook(values.file!);
const inUse = await timed("version in use", () => playbookInUse(db));

const { plan } = await timed("plan counts (playbookChangeReport)", () =>
  playbookChangeReport(db, {
    from: { playbook: inUse.playbook ?? deps.playbook.index.playbook, sha256: null, path: null },
    fromVersion: inUse.fromVersion,
    to: candidate,
  }),
);
const mapping: RemapMapping[] = plan.moves
  .filter((move) => move.statuses > 0 && move.serviceId !== null && move.value.l2 !== null)
  .map((move) => ({
    l1: move.value.l1,
    l2: move.value.l2!,
    l3: move.value.l3 ?? null,
    serviceId: move.serviceId!,
    toL2: move.to.l2 ?? null,
    toL3: move.to.l3 ?? null,
  }));
const queue = await timed("pick", () => pickRemapBatch(db, mapping, null, Number.MAX_SAFE_INTEGER));
console.log(`${queue.length} statuses to move, ${mapping.length} mapped values`);
const picked = queue.slice(0, Number(values.size ?? 10000));

const dialect = new PgDialect();

/** The transaction's db, each statement timed; the write statement explained with --explain. */
function profiled(tx: Db): Db {
  const execute = async (query: SQL) => {
    const text = dialect.sqlToQuery(query).sql.replace(/\s+/g, " ");
    const label = text.slice(0, 90);
    if (values.explain && text.startsWith(values.explain)) {
      const plan = (await tx.execute(sql`explain (analyze, buffers, verbose off) ${query}`)) as unknown as {
        rows: Record<string, string>[];
      };
      console.log(plan.rows.map((row) => Object.values(row)[0]).join("\n"));
      return { rows: [] };
    }
    return timed(label, () => tx.execute(query));
  };
  return new Proxy(tx, { get: (target, key) => (key === "execute" ? execute : Reflect.get(target, key)) });
}

await db
  .transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(sql`set local track_functions = 'all'`);
    await timed(`batch of ${picked.length}`, () =>
      writeRemapBatch(profiled(tx), {
        mapping,
        picked,
        actor: { id: systemActor.id || null, role: systemActor.role },
        requestId: null,
        playbookVersion: candidate.playbook.version,
        now: deps.now(),
      }),
    );
    const functions = (await tx.execute(
      sql`select funcname, calls, round(total_time)::int as total_ms, round(self_time)::int as self_ms
            from pg_stat_xact_user_functions order by total_time desc limit 15`,
    )) as unknown as { rows: unknown[] };
    console.table(functions.rows);
    throw new RolledBack();
  })
  .catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
await database.close();
