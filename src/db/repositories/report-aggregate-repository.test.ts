import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { everyTenant } from "../../domain/policy/tenant-scope.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { Database, Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { blockedSeatsByWeek } from "./blocked-trend-repository.ts";
import { applyStatuses } from "./bulk-status-repository.ts";
import {
  applyStatus,
  findEntitlementView,
  type LockedEntitlement,
  lockedOf,
  type StatusWrite,
} from "./entitlement-repository.ts";
import { readCells } from "./report-aggregate-repository.ts";
import {
  blockedAging,
  blockedByL2AndService,
  blockedByL3,
  projectedUnblocks,
  type ReportScope,
} from "./report-repository.ts";

/**
 * The report aggregates must always say what aggregating the segments and the
 * history directly says: after a seed (rebuilt in one pass), after single
 * status changes and bulk ones (kept by the triggers), for the whole portfolio
 * and for one service.
 */

const seedDay = "2025-03-10";
const laterDay = "2025-03-19";

describe(readCells.name, () => {
  let database: Database;
  let db: Db;
  let serviceId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await loadGeneratedPortfolio(database, { tenants: 60, seed: 11, today: seedDay });
    db = database.db;
    const [busiest] = await rowsOf<{ serviceId: string }>(
      db,
      sql`select e.service_id as "serviceId" from status_segments s join entitlements e on e.id = s.entitlement_id
          where s.l1 = 'blocked' group by 1 order by count(*) desc, 1 limit 1`,
    );
    serviceId = busiest!.serviceId;
  }, 120_000);
  afterAll(() => database.close());

  async function expectSameReports(today: string): Promise<void> {
    for (const service of [null, serviceId]) {
      const scope: ReportScope = {
        serviceId: service,
        customerId: null,
        excludedL1s: ["duplicate_invalid"],
        today,
        currentDay: today,
        visibleTo: everyTenant,
      };
      const direct = { ...scope, useAggregates: false };
      expect(await blockedByL2AndService(db, scope), `l2 x service ${service}`).toEqual(
        await blockedByL2AndService(db, direct),
      );
      expect(await blockedByL3(db, scope), `l3 ${service}`).toEqual(await blockedByL3(db, direct));
      expect(await blockedAging(db, scope), `aging ${service}`).toEqual(await blockedAging(db, direct));
      expect(await projectedUnblocks(db, scope), `projected ${service}`).toEqual(
        await projectedUnblocks(db, direct),
      );
      const weeks = {
        from: "2024-03-01",
        to: today,
        serviceId: service,
        customerId: null,
        visibleTo: everyTenant,
      };
      expect(await blockedSeatsByWeek(db, weeks), `weeks ${service}`).toEqual(
        await blockedSeatsByWeek(db, { ...weeks, useAggregates: false }),
      );
    }
  }

  /** The segment summaries on every entitlement are what aggregating its segments says. */
  async function expectSummariesCurrent(): Promise<void> {
    const stale = await rowsOf<{ id: string }>(
      db,
      sql`select e.id::text as id from entitlements e
          left join lateral (
            select coalesce(sum(s.seats) filter (where s.l1 = 'blocked'), 0)::int as blocked_seats,
                   min(s.target_date) as earliest_target_date, min(s.next_action_date) as earliest_next_action_date,
                   coalesce(array_agg(distinct e.service_id || '/' || coalesce(s.l2, ''))
                     filter (where s.l1 = 'blocked'), '{}'::text[]) as blocked_keys
              from status_segments s where s.entitlement_id = e.id) d on true
          where (e.blocked_seats, e.earliest_target_date, e.earliest_next_action_date, e.blocked_keys)
                is distinct from (d.blocked_seats, d.earliest_target_date, d.earliest_next_action_date, d.blocked_keys)`,
    );
    expect(stale).toEqual([]);
  }

  const stateOf = async (reader: Db, id: string) => lockedOf((await findEntitlementView(reader, id))!);

  /** A write of these segments over the state read, as the Admin through the API. */
  function writeOf(locked: LockedEntitlement, segments: StatusSegment[], now: Date): StatusWrite {
    const actor = { id: null, role: "admin" };
    return {
      locked,
      stage: locked.stage,
      segments,
      actor,
      source: "api",
      requestId: null,
      playbookVersion: "test",
      now,
    };
  }

  /** An L2 some Blocked segment has, for statuses flipped to Blocked. */
  async function anyBlockedL2(): Promise<string> {
    const [row] = await rowsOf<{ l2: string }>(
      db,
      sql`select l2 from status_segments where l1 = 'blocked' and l2 is not null limit 1`,
    );
    return row!.l2;
  }

  /** New segments for an entitlement: Blocked ones become In Progress, others become Blocked. */
  function flipped(locked: LockedEntitlement, l2: string): StatusSegment[] {
    const wasBlocked = locked.segments.some((segment) => segment.l1 === "blocked");
    const base = locked.segments[0]!;
    return [
      {
        ...base,
        seats: locked.availableSeats,
        l1: wasBlocked ? "in_progress" : "blocked",
        scenarioId: wasBlocked ? "in_progress_assignment" : "blocked_assignment",
        l2: wasBlocked ? null : l2,
        l3: null,
        targetDate: wasBlocked ? null : "2025-04-02",
        splitReason: null,
      },
    ];
  }

  async function entitlementIds(limit: number, offset: number): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(
      db,
      sql`select id::text as id from entitlements order by id limit ${limit} offset ${offset}`,
    );
    return rows.map((row) => row.id);
  }

  it("matches the direct aggregation after a seed", async () => {
    expect(await readCells(db, "l3", { serviceId: null, today: seedDay, currentDay: seedDay })).not.toEqual(
      [],
    );
    await expectSameReports(seedDay);
  });

  it("stays equal through single status changes and a bulk change touching several services of a tenant", async () => {
    const l2 = await anyBlockedL2();
    const now = new Date(`${laterDay}T10:00:00Z`);
    const write = (locked: LockedEntitlement) => writeOf(locked, flipped(locked, l2), now);
    for (const id of await entitlementIds(12, 0)) {
      expect(await applyStatus(db, write(await stateOf(db, id)))).not.toBeNull();
    }
    await expectSameReports(laterDay);

    // One statement for many entitlements, several of them of one tenant (ids of one tenant's services).
    const sameTenant = await rowsOf<{ id: string }>(
      db,
      sql`select e.id::text as id from entitlements e
          where e.tenant_id = (select tenant_id from entitlements group by tenant_id order by count(*) desc, 1 limit 1)`,
    );
    const bulk = [...sameTenant.map((row) => row.id), ...(await entitlementIds(30, 40))];
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const locked = [];
      for (const id of new Set(bulk)) locked.push(await stateOf(tx, id));
      await applyStatuses(
        tx,
        locked.map((entry) => write(entry)),
      );
    });
    await expectSameReports(laterDay);
    await expectSummariesCurrent();
  });

  it("stays equal through edits of Blocked statuses that change only notes or the order of split parts", async () => {
    const now = new Date(`${laterDay}T11:00:00Z`);
    const blocked = await rowsOf<{ id: string; parts: number }>(
      db,
      sql`select entitlement_id::text as id, count(*)::int as parts from status_segments
          group by entitlement_id having bool_or(l1 = 'blocked') order by count(*) desc, 1 limit 40`,
    );
    expect(blocked.some((row) => row.parts > 1)).toBe(true);
    const edit = (locked: LockedEntitlement, swap: boolean) => {
      const segments = locked.segments.map(({ l1Since: _since, ...segment }, position) => ({
        ...segment,
        note: `${segment.note} Checked again (${position}).`,
      }));
      return writeOf(locked, swap ? segments.reverse() : segments, now);
    };
    for (const { id } of blocked.slice(0, 10)) {
      expect(await applyStatus(db, edit(await stateOf(db, id), true))).not.toBeNull();
    }
    await expectSameReports(laterDay);
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const locked = [];
      for (const { id } of blocked.slice(10)) locked.push(await stateOf(tx, id));
      await applyStatuses(
        tx,
        locked.map((entry, index) => edit(entry, index % 2 === 0)),
      );
    });
    await expectSameReports(laterDay);
    await expectSummariesCurrent();
  });

  it("stays equal when a change arrives older than the latest one, or one tenant's changes fall in two weeks", async () => {
    const l2 = await anyBlockedL2();
    const flip = (locked: LockedEntitlement, now: Date) => writeOf(locked, flipped(locked, l2), now);
    // Older than the entitlement's latest history row: the weeks cannot be folded in order.
    const [late] = await rowsOf<{ id: string }>(
      db,
      sql`select entitlement_id::text as id from status_history group by entitlement_id
          having max(at) > ${`${seedDay}T00:00:00Z`}::timestamptz - interval '20 days' order by 1 limit 1`,
    );
    expect(
      await applyStatus(db, flip(await stateOf(db, late!.id), new Date("2024-06-03T10:00:00Z"))),
    ).not.toBeNull();
    await expectSameReports(laterDay);

    // Two services of one tenant changed in one statement, dated in different weeks: its one Blocked
    // service unblocked a week before another is blocked, so the tenant leaves the count for a week.
    const [tenant] = await rowsOf<{ blocked: string; other: string }>(
      db,
      sql`select (array_agg(e.id::text order by e.id) filter (where e.blocked_seats > 0))[1] as blocked,
                 (array_agg(e.id::text order by e.id) filter (where e.blocked_seats = 0))[1] as other
            from entitlements e group by e.tenant_id
          having count(*) filter (where e.blocked_seats > 0) = 1 and count(*) filter (where e.blocked_seats = 0) > 0
          order by e.tenant_id limit 1`,
    );
    // After every change so far, so that only the two weeks set this change apart.
    const at = Date.parse("2025-04-02T10:00:00Z");
    const weeksState = () =>
      rowsOf<{ stale: boolean }>(db, sql`select stale from report_state where name = 'weeks'`);
    // The read above rebuilt the weeks: this change meets current totals, which it must not fold into.
    expect(await weeksState()).toEqual([{ stale: false }]);
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await applyStatuses(tx, [
        flip(await stateOf(tx, tenant!.blocked), new Date(at - 8 * 86_400_000)),
        flip(await stateOf(tx, tenant!.other), new Date(at)),
      ]);
    });
    expect(await weeksState()).toEqual([{ stale: true }]);
    await expectSameReports("2025-04-02");
  });

  it("counts aging from another day by aggregating directly, and moves the buckets to a new current day", async () => {
    const scope: ReportScope = {
      serviceId: null,
      customerId: null,
      excludedL1s: ["duplicate_invalid"],
      today: "2025-09-01",
      visibleTo: everyTenant,
      currentDay: laterDay,
    };
    expect(
      await readCells(db, "aging", { serviceId: null, today: scope.today, currentDay: laterDay }),
    ).toBeNull();
    expect(await blockedAging(db, scope)).toEqual(await blockedAging(db, { ...scope, useAggregates: false }));
    const moved = { ...scope, currentDay: "2025-09-01" };
    expect(
      await readCells(db, "aging", { serviceId: null, today: moved.today, currentDay: moved.today }),
    ).not.toBeNull();
    expect(await blockedAging(db, moved)).toEqual(await blockedAging(db, { ...moved, useAggregates: false }));
  });
});
