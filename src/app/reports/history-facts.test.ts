import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { blockedSegment as blocked, recordStatus } from "../../../test/factories/history-factory.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { dwellTalliesFromSums } from "../../db/repositories/dwell-tallies-repository.ts";
import {
  blockedByL2ServiceFromFacts,
  type DwellTallyRow,
  dwellTalliesFromFacts,
} from "../../db/repositories/history-facts-repository.ts";
import { blockedByL2AndService } from "../../db/repositories/report-repository.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { applyPlaybook } from "../playbook/apply-playbook.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
import { clearPlaybookCache, loadPlaybook } from "../playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "../playbook/record-playbook-at-start.ts";
import { getBlockedByL2Service } from "./blocked-by-l2-service.ts";
import { type DwellQuery, getDwellTimes } from "./dwell-times.ts";
import { reportScope } from "./report-scope.ts";

/**
 * The history facts the trigger keeps (drizzle/0024) answer exactly what the
 * rebuild from history answers: as-of totals on many days, dwell times for
 * several windows, groupings and readers. The history has splits, a reason
 * changed within a spell, a partial unblock, a row written out of order, an
 * entitlement a feed ended, and a rename applied through a playbook version
 * (history read in today's taxonomy). Today is 2025-03-10 (the test clock).
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-history-facts-"));
const renamedPath = join(folder, "renamed.yaml");
writeFileSync(
  renamedPath,
  `${readFileSync(defaultPlaybookPath, "utf8")
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health")}
changes:
  - kind: rename
    version: 1.1.0
    from: blocked/service_reliability
    to: blocked/service_health
    note: renamed
`,
);

let database: TestDatabase;
let deps: AppDeps & { setNow(date: Date): void };
let partner: Actor;
let engineer: Actor;
let customerId: string;

const reliability = "service_reliability";
const legal = "legal_regulatory";
const cit = "customer_it_infrastructure_remediation";
const geo = { splitReason: "geography" } as const;

/** Days the as-of totals are compared on: before, between and after every change. */
const days = [
  "2024-08-31",
  "2024-09-15",
  "2024-10-20",
  "2024-11-30",
  "2024-12-15",
  "2024-12-31",
  "2025-01-07",
  "2025-01-15",
  "2025-02-05",
  "2025-02-15",
  "2025-03-01",
  "2025-03-06",
  "2025-03-09",
];

beforeAll(async () => {
  database = await openTestDatabase();
  clearPlaybookCache();
  deps = await makeTestDeps(database);
  const db = database.db;
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  const alpha = await createCustomer(db, { name: "Alpha" });
  const beta = await createCustomer(db, { name: "Beta" });
  customerId = alpha.id;
  const t1 = (await createTenant(db, { customerId: alpha.id })).id;
  const t2 = (await createTenant(db, { customerId: alpha.id })).id;
  const t3 = (await createTenant(db, { customerId: beta.id })).id;
  const t4 = (await createTenant(db, { customerId: beta.id })).id;
  const made = async (tenantId: string, serviceId: string) =>
    (await createEntitlement(db, { tenantId, serviceId })).id;
  await recordHistory([
    await made(t1, "exchange"),
    await made(t1, "teams"),
    await made(t2, "exchange"),
    await made(t3, "sharepoint"),
    await made(t4, "exchange"),
  ]);
  partner = await createUser(db, { role: "partner" });
  await assign(db, partner.id, { customerId: alpha.id });
  engineer = await createUser(db, { role: "engineering" });
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function recordHistory([e1, e2, e3, e4, e5]: string[]) {
  const db = database.db;
  const v1 = { playbookVersion: "1.0.0" };
  await recordStatus(db, e4!, "2024-09-01T09:00:00.000Z", [blocked(70, cit)], v1);
  await recordStatus(db, e1!, "2024-10-01T09:00:00.000Z", [blocked(100, reliability)], v1);
  await recordStatus(db, e2!, "2024-11-10T09:00:00.000Z", [blocked(50, reliability, { l3: "other" })], v1);
  await recordStatus(db, e3!, "2024-12-01T09:00:00.000Z", [{ seats: 30, l1: "status_unknown" }], v1);
  // A split: the seats of one spell under two reasons.
  await recordStatus(
    db,
    e1!,
    "2024-12-15T12:00:00.000Z",
    [blocked(60, reliability, geo), blocked(40, legal, geo)],
    v1,
  );
  await recordStatus(db, e3!, "2025-01-05T10:00:00.000Z", [blocked(30, "adoption_readiness")], v1);
  // Two written pairs that map to one L2 today: the entitlement counts once.
  await recordStatus(
    db,
    e5!,
    "2025-01-10T10:00:00.000Z",
    [blocked(15, reliability, geo), blocked(5, reliability, { ...geo, l3: "other" })],
    v1,
  );
  await recordStatus(db, e2!, "2025-01-20T10:00:00.000Z", [{ seats: 50, l1: "no_intent" }], v1);
  await recordStatus(
    db,
    e1!,
    "2025-02-01T10:00:00.000Z",
    [{ seats: 60, l1: "in_progress", ...geo }, blocked(40, legal, geo)],
    v1,
  );
  // Part of a spell unblocked.
  await recordStatus(
    db,
    e4!,
    "2025-03-01T10:00:00.000Z",
    [blocked(30, cit, geo), { seats: 40, l1: "in_progress", ...geo }],
    v1,
  );
  // Written after the entitlement's later rows: the facts of the row after it change too.
  await db.execute(sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version,
      version_after, before, after)
    values (${e4}::uuid, '2024-10-15T10:00:00Z', 'admin', 'cli', '1.0.0', 2, '{}'::jsonb,
      ${JSON.stringify({ stage: "assignment", availableSeats: 70, segments: [{ ...blocked(70, legal), l1Since: "2024-09-01T09:00:00.000Z" }] })}::jsonb)`);
  // A feed ended E3 on 2025-02-10: out of every report from then, open before.
  await db.execute(sql`update entitlements set ended_at = '2025-02-10T06:00:00Z' where id = ${e3}::uuid`);
  // The rename, applied on 2025-03-05, remaps E5: the one status still Blocked under the old L2.
  deps.setNow(new Date("2025-03-05T08:00:00.000Z"));
  const admin = await createUser(db, { role: "admin" });
  const applied = await applyPlaybook(
    deps,
    { actor: admin, source: "cli" },
    { candidate: { path: renamedPath } },
  );
  expect(applied.applied).toBe(true);
  deps.setNow(new Date("2025-03-10T09:00:00.000Z"));
  await recordStatus(
    db,
    e5!,
    "2025-03-07T10:00:00.000Z",
    [blocked(12, "service_health", geo), blocked(8, "service_health", { ...geo, l3: "other" })],
    { playbookVersion: "1.1.0" },
  );
}

async function bothWays(asOf: string, serviceId?: string) {
  const scope = reportScope(deps, { asOf, ...(serviceId ? { serviceId } : {}) }, { kind: "all" });
  const facts = await blockedByL2ServiceFromFacts(database.db, {
    at: scope.asOf!,
    serviceId: scope.serviceId,
    taxonomyMap: scope.taxonomyMap ?? [],
  });
  const history = await blockedByL2AndService(database.db, { ...scope, useAggregates: false });
  return { facts, history };
}

describe("as-of totals from the history facts", () => {
  it("match the rebuild from history on every day, whole portfolio and one service", async () => {
    for (const day of days) {
      for (const serviceId of [undefined, "exchange"]) {
        const { facts, history } = await bothWays(day, serviceId);
        expect({ day, serviceId, rows: facts }).toEqual({ day, serviceId, rows: history });
      }
    }
    // The fixture is not empty where it matters: the old L2's history counts under the new one.
    const { facts } = await bothWays("2025-01-15");
    expect(facts.find((row) => row.l2 === "service_health" && row.serviceId === "exchange")).toMatchObject({
      seats: 80,
      tenants: 2,
      segments: 3,
    });
  });

  it("answer the report's use-case for Admin and Engineering, and a rebuild gives the same", async () => {
    const answers = async () => {
      const out = [];
      for (const actor of [systemActor, engineer]) {
        for (const day of days) out.push(await getBlockedByL2Service(deps, actor, { asOf: day }));
      }
      return out;
    };
    const incremental = await answers();
    await database.db.execute(sql`update history_fact_state set stale = true`);
    expect(await answers()).toEqual(incremental);
    expect(incremental[7]).toEqual(
      await bothWays(days[7]!).then(({ history }) => ({ items: named(history), suppressedCells: 0 })),
    );
  });
});

function named(rows: Awaited<ReturnType<typeof blockedByL2AndService>>) {
  const { index } = deps.playbook;
  return rows.map((row) => ({
    ...row,
    l2Name: (row.l2 && index.l2("blocked", row.l2)?.name) ?? row.l2 ?? "(no L2)",
    serviceName: index.service(row.serviceId)?.name ?? row.serviceId,
  }));
}

describe("month checkpoints", () => {
  it("start as-of sums once built, and a row written into the past makes them stale", async () => {
    await database.db.execute(sql`select unblock_build_month_facts()`);
    const [built] = (
      (await database.db.execute(sql`select count(*)::int as n from blocked_month_cells`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(built?.n).toBeGreaterThan(0);
    await matchOnEveryDay();
    const [entitlement] = (
      (await database.db.execute(
        sql`select entitlement_id::text as id from status_history order by at limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    await database.db.execute(sql`insert into status_history (entitlement_id, at, actor_role, source,
        playbook_version, version_after, before, after)
      values (${entitlement!.id}::uuid, '2024-11-20T10:00:00Z', 'admin', 'cli', '1.0.0', 9, '{}'::jsonb,
        ${JSON.stringify({ stage: "assignment", availableSeats: 9, segments: [{ ...blocked(9, legal), l1Since: "2024-11-20T10:00:00.000Z" }] })}::jsonb)`);
    await matchOnEveryDay();
  });
});

async function matchOnEveryDay() {
  for (const day of days) {
    const { facts, history } = await bothWays(day);
    expect({ day, rows: facts }).toEqual({ day, rows: history });
  }
}

describe("dwell times from the spell pieces", () => {
  const queries: DwellQuery[] = [
    {},
    { by: "l3" },
    { by: "service" },
    { from: "2024-09-01" },
    { from: "2024-12-20", by: "l3" },
    { serviceId: "exchange" },
    { customerId: "" },
  ];

  it("match the walk through history for every grouping, window and reader", async () => {
    for (const actor of [systemActor, partner, engineer]) {
      for (const base of queries) {
        // Engineering reads the whole portfolio only (403 on one customer).
        if (base.customerId === "" && actor === engineer) continue;
        const query = base.customerId === "" ? { ...base, customerId } : base;
        const fast = await getDwellTimes(deps, actor, query);
        const walked = await getDwellTimes(deps, actor, { ...query, rebuildFromHistory: true });
        expect({ actor: actor.role, query, answer: fast }).toEqual({
          actor: actor.role,
          query,
          answer: walked,
        });
      }
    }
    const all = await getDwellTimes(deps, systemActor, { from: "2024-09-01" });
    expect(all.items.length).toBeGreaterThan(2);
  });

  it("sum the dwell tallies as the pieces and the walk answer, after writes, an ending and a fold", async () => {
    const db = database.db;
    const map = await currentTaxonomyMap(deps);
    const window = { from: "2024-12-10", to: "2025-03-10" };
    // The rename makes one L2 of today out of two written ones: its tenants are counted one by one.
    expect(await dwellTalliesFromSums(db, endOfDay("2025-03-10"), window, "l2", map)).not.toBeNull();
    await sameThreeWays();
    const [written] = (
      (await db.execute(sql`select e.id::text as id from entitlements e where e.ended_at is null
        and exists (select 1 from blocked_spell_pieces p where p.entitlement_id = e.id) order by e.id limit 1`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    await recordStatus(db, written!.id, "2025-03-09T10:00:00.000Z", [blocked(25, legal, geo)], {
      playbookVersion: "1.1.0",
    });
    await sameThreeWays();
    await db.execute(
      sql`update entitlements set ended_at = '2025-03-09T12:00:00Z' where id = ${written!.id}::uuid`,
    );
    await sameThreeWays();
    await db.execute(sql`update entitlements set ended_at = null where id = ${written!.id}::uuid`);
    await db.execute(sql`select unblock_compact_dwell_tallies()`);
    await sameThreeWays();
  });

  it("sum the dwell durations of the window they hold as the pieces do, at every level, moved and written", () =>
    durationsMatchPieces());

  it("reads the pieces: a piece the history does not have shows", async () => {
    const before = await getDwellTimes(deps, systemActor, { fromPieces: true });
    await database.db.execute(sql`insert into blocked_spell_pieces
      (entitlement_id, tenant_id, service_id, l2, l3, since, ended_on, seats)
      select e.id, e.tenant_id, e.service_id, ${legal}, null, '2025-03-02', null, 1000 from entitlements e
      where e.ended_at is null limit 1`);
    const after = await getDwellTimes(deps, systemActor, { fromPieces: true });
    expect(after.items[0]?.blockedSeats).toBe(
      (before.items.find((row) => row.l2 === legal)?.blockedSeats ?? 0) + 1000,
    );
  });
});

/**
 * The dwell durations (migration 0032) give the seat tallies the pieces give
 * for the window they hold, at the L2, L3 and service levels, with and without
 * the rename's map, after the window moves back and forth, a write and a fold.
 */
async function durationsMatchPieces() {
  const db = database.db;
  const until = endOfDay("2025-03-10");
  const map = await currentTaxonomyMap(deps);
  const windowHeld = async () =>
    (
      (await db.execute(sql`select from_day::text as d from blocked_dwell_window`)) as unknown as {
        rows: { d: string }[];
      }
    ).rows[0]?.d;
  // The default read moves the window the durations hold to its own.
  await getDwellTimes(deps, systemActor, {});
  expect(await windowHeld()).toBe("2024-12-11");
  const compare = async () => {
    // No map reads the L2 level; the rename's map reads the written L3 level through it.
    for (const taxonomy of [[], map]) {
      for (const by of ["l2", "l3", "service"] as const) {
        for (const from of ["2024-12-11", "2024-09-01", "2025-02-01", "2025-03-10", "2024-12-20"]) {
          const window = { from, to: "2025-03-10" };
          const sums = await dwellTalliesFromSums(db, until, window, by, taxonomy, true);
          expect(await windowHeld()).toBe(from);
          const pieces = await dwellTalliesFromFacts(
            db,
            { serviceId: null, customerId: null, visibleTo: { kind: "all" }, until },
            window,
            by,
            taxonomy,
          );
          expect({ by, from, taxonomy: taxonomy.length, rows: seatRows(sums!) }).toEqual({
            ...{ by, from, taxonomy: taxonomy.length },
            rows: seatRows(pieces),
          });
        }
      }
    }
  };
  await compare();
  // Writers add their pieces for the window held then (2024-12-20 here), and a fold keeps the sums.
  const [written] = (
    (await db.execute(sql`select e.id::text as id from entitlements e where e.ended_at is null
      and exists (select 1 from blocked_spell_pieces p where p.entitlement_id = e.id and p.ended_on is null)
      order by e.id desc limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows;
  await recordStatus(db, written!.id, "2025-03-10T09:00:00.000Z", [{ seats: 30, l1: "in_progress" }], {
    playbookVersion: "1.1.0",
  });
  await compare();
  await db.execute(sql`select unblock_compact_dwell_tallies()`);
  await compare();
  await sameThreeWays();
}

/** The seat tallies of a read (not its tenant counts), in one order. */
function seatRows(rows: readonly DwellTallyRow[]): string[] {
  return rows
    .filter((row) => row.kind === "open" || row.kind === "unblocked" || row.kind === "cohort")
    .map((row) =>
      JSON.stringify([row.key, row.l2, row.l3, row.serviceId, row.kind, row.days, row.ended, row.seats]),
    )
    .sort();
}

/** Dwell times from the tallies, the spell pieces and the walk through history, for the whole portfolio. */
async function sameThreeWays() {
  for (const actor of [systemActor, engineer]) {
    for (const query of [{}, { by: "l3" }, { by: "service" }, { from: "2024-09-01" }] as DwellQuery[]) {
      const sums = await getDwellTimes(deps, actor, query);
      expect({ query, answer: await getDwellTimes(deps, actor, { ...query, fromPieces: true }) }).toEqual({
        query,
        answer: sums,
      });
      expect({
        query,
        answer: await getDwellTimes(deps, actor, { ...query, rebuildFromHistory: true }),
      }).toEqual({ query, answer: sums });
    }
  }
}
