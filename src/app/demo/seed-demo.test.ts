import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultIndex as defaultIndexForTest } from "../../../test/support/default-playbook.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { entitlements, statusHistory, statusSegments, users } from "../../db/schema.ts";
import { AppError } from "../../domain/app-error.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../domain/rules/evaluate-status.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { AppDeps } from "../app-deps.ts";
import { demoUsers } from "./demo-users.ts";
import { generatePortfolio } from "./generate-portfolio.ts";
import { seedDemo } from "./seed-demo.ts";

const today = "2025-03-10";

let database: Database;
let deps: AppDeps;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  await seedDemo(deps, { tenants: 100, seed: 42, today });
});
afterAll(() => database.close());

describe(`${seedDemo.name}: history`, () => {
  it("records every status change so that the playbook rules accept it on the day it was made", async () => {
    const history = await database.db
      .select({ history: statusHistory, serviceId: entitlements.serviceId })
      .from(statusHistory)
      .innerJoin(entitlements, eq(entitlements.id, statusHistory.entitlementId));
    expect(history.length).toBeGreaterThan(1000);
    const refused = history.flatMap(({ history: row, serviceId }) => {
      const before = row.before as StatusSnapshot;
      const after = row.after as StatusSnapshot;
      const decision = evaluateStatus({
        index: deps.playbook.index,
        serviceId,
        stage: after.stage as Stage,
        actorRole: row.actorRole,
        availableSeats: after.availableSeats,
        previous: before.segments,
        proposed: after.segments,
        today: row.at.toISOString().slice(0, 10),
      });
      return decision.ok ? [] : [{ entitlementId: row.entitlementId, violations: decision.violations }];
    });
    expect(refused).toEqual([]);
  });

  it("stores as current status the last change of each entitlement's history", async () => {
    const [mismatch] = (
      await database.execute(`
        select e.id from entitlements e
        join lateral (select h.after, h.version_after from status_history h where h.entitlement_id = e.id order by h.at desc limit 1) last on true
        where last.version_after <> e.version
           or jsonb_array_length(last.after->'segments') <> (select count(*) from status_segments s where s.entitlement_id = e.id)
           or (last.after->'segments'->0->>'l1') <> (select s.l1 from status_segments s where s.entitlement_id = e.id and s.position = 0)`)
    ).rows;
    expect(mismatch).toBeUndefined();
  });
});

describe(`${seedDemo.name}: what it creates`, () => {
  it("covers every L1, every Blocked L2, service-specific L3s and split seats", async () => {
    const index = deps.playbook.index;
    const rows = await database.db.select().from(statusSegments);
    expect(new Set(rows.map((row) => row.l1))).toEqual(new Set(index.playbook.l1s.map((l1) => l1.id)));
    const blockedL2s = new Set(rows.filter((row) => row.l1 === "blocked").map((row) => row.l2));
    expect(blockedL2s).toEqual(new Set(index.l1("blocked")!.l2s.map((l2) => l2.id)));
    const specific = rows.filter(
      (row) => row.l1 && row.l2 && row.l3 && (index.l3(row.l1, row.l2, row.l3)?.services.length ?? 0) > 0,
    );
    expect(specific.length).toBeGreaterThan(0);
    const splits = rows.filter((row) => row.position > 0);
    expect(splits.length).toBeGreaterThan(10);
    expect(splits.every((row) => row.splitReason !== null)).toBe(true);
  });

  it("keeps In Progress the most common L1 and has overdue next actions but mostly future targets", async () => {
    const counts = (
      await database.execute(`select l1, count(*)::int as n from status_segments group by l1 order by n desc`)
    ).rows;
    expect(counts[0]!.l1).toBe("in_progress");
    const [dates] = (
      await database.execute(
        `select count(*) filter (where next_action_date < $1::date)::int as overdue,
                count(*) filter (where target_date >= $1::date)::int as future,
                count(*) filter (where target_date < $1::date)::int as past
         from status_segments`,
        [today],
      )
    ).rows;
    expect(dates!.overdue).toBeGreaterThan(0);
    expect(Number(dates!.future)).toBeGreaterThan(Number(dates!.past) * 3);
  });

  it("gives some entitlements several changes over the past year", async () => {
    const rows = (
      await database.execute(`
        select max(n)::int as most, min(first)::text as earliest from (
          select entitlement_id, count(*) as n, min(at) as first from status_history group by entitlement_id) t`)
    ).rows;
    expect(rows[0]!.most).toBeGreaterThanOrEqual(4);
    expect(String(rows[0]!.earliest) >= "2024-03-10").toBe(true);
  });

  it("arrives the way real data does: one applied feed sync, usage, feed keys, primary FMs", async () => {
    const syncs = (await database.execute(`select actor_email, applied, report from portfolio_syncs`)).rows;
    expect(syncs).toHaveLength(1);
    expect(syncs[0]).toMatchObject({ actor_email: "system", applied: true });
    const report = syncs[0]!.report as Record<string, { added: number }>;
    const [stored] = (
      await database.execute(`select (select count(*) from tenants where external_id is not null)::int as keyed,
        (select count(*) from entitlements)::int as entitlements, (select count(*) from usage_points)::int as usage,
        (select count(*) from assignments where is_primary = 1)::int as primaries`)
    ).rows;
    expect(stored).toMatchObject({ keyed: 100, entitlements: report.entitlements!.added });
    expect(stored!.usage).toBe(report.usage!.added);
    expect(Number(stored!.usage)).toBe(Number(stored!.entitlements) * 4);
    expect(Number(stored!.primaries)).toBeGreaterThan(0);
  });

  it("creates one demo user per playbook role", async () => {
    const stored = await database.db.select().from(users).orderBy(asc(users.email));
    expect(stored.map((user) => [user.email, user.role])).toEqual(
      demoUsers.map((user) => [user.email, user.role]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const roles = new Set(deps.playbook.index.playbook.roles.map((role) => role.id));
    expect(new Set(stored.map((user) => user.role))).toEqual(roles);
  });
});

describe(seedDemo.name, () => {
  it("refuses a database that already has a portfolio, skips it with ifEmpty, and starts over with reset", async () => {
    const error = await seedDemo(deps, { tenants: 5, today }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((await seedDemo(deps, { tenants: 5, today, ifEmpty: true })).seeded).toBe(false);

    const reset = await seedDemo(deps, { tenants: 5, seed: 3, today, reset: true });
    expect(reset).toMatchObject({ seeded: true, tenants: 5 });
    const [count] = (await database.execute("select count(*)::int as n from tenants")).rows;
    expect(count!.n).toBe(5);
    const [history] = await database.db.select({ n: sql<number>`count(*)::int` }).from(statusHistory);
    expect(history!.n).toBe(reset.historyRows);
  });
});

describe(generatePortfolio.name, () => {
  const options = (seed: number) => ({
    index: defaultIndexForTest(),
    tenants: 12,
    seed,
    today,
    usersByRole: new Map([["admin", "00000000-0000-4000-8000-000000000001"]]),
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const first = JSON.stringify([...generatePortfolio(options(9))]);
    expect(JSON.stringify([...generatePortfolio(options(9))])).toBe(first);
    expect(JSON.stringify([...generatePortfolio(options(10))])).not.toBe(first);
  });

  it("gives rows version 7 ids that rise in the order the rows are written", () => {
    const batches = [...generatePortfolio(options(9))];
    for (const table of ["customers", "tenants", "entitlements", "segments"] as const) {
      const ids = batches.flatMap((batch) => batch[table].map((row) => row.id ?? ""));
      expect(ids.length).toBeGreaterThan(5);
      expect(
        ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
      ).toBe(true);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("creates the number of tenants asked for, with unique domains", () => {
    const tenants = [...generatePortfolio(options(9))].flatMap((batch) => batch.tenants);
    expect(tenants).toHaveLength(12);
    expect(new Set(tenants.map((tenant) => tenant.domain)).size).toBe(12);
    expect(tenants.every((tenant) => /^[a-z0-9-]+\.example$/.test(tenant.domain))).toBe(true);
  });
});
