import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/**
 * Reads of the report aggregates that triggers keep in the transaction of
 * every segment and history write (drizzle/0005_report_aggregates.sql). They
 * answer the portfolio-wide reports, whole or for one service, with a few
 * hundred rows; narrower scopes (one customer, a user's own tenants) aggregate
 * the segments directly. Writers append delta rows; a reader that finds many
 * folds them into the cells, so a report stays a small read.
 */

export type CellReport = "l2_service" | "l3" | "projected" | "aging";

export interface CellRow {
  serviceId: string;
  k1: string;
  k2: string;
  seats: number;
  segments: number;
  tenants: number;
}

/** Delta rows a reader tolerates before folding them into the cells. */
const compactAfter = 2000;

interface ReportState {
  name: string;
  asOf: string | null;
  stale: boolean;
}

async function stateOf(db: Db): Promise<Map<string, ReportState>> {
  const rows = await rowsOf<ReportState>(
    db,
    sql`select name, as_of::text as "asOf", stale from report_state`,
  );
  return new Map(rows.map((row) => [row.name, row]));
}

/**
 * Makes the cells current for `report`: rebuilt when a write marked them
 * stale (a seed, a cascaded delete), and for aging when they count days from
 * another day than `today`. Returns false when they cannot answer: aging as of
 * a day other than the current one (`currentDay`) is left to the direct query
 * rather than rebuilding the buckets for a one-off date.
 */
async function ensureCells(db: Db, report: CellReport, today: string, currentDay: string): Promise<boolean> {
  const state = await stateOf(db);
  const agingDay = state.get("aging")?.asOf ?? null;
  if (state.get("cells")?.stale !== false) {
    await db.execute(sql`select unblock_rebuild_report_cells(${agingDay ?? currentDay}::date, false)`);
    return ensureCells(db, report, today, currentDay);
  }
  if (report !== "aging" || agingDay === today) return true;
  if (today !== currentDay) return false;
  await db.execute(sql`select unblock_rebuild_report_cells(${today}::date, true)`);
  return true;
}

/**
 * The cells of one report: every service's (`serviceId` undefined, for
 * l2_service whose cells are per service), all services together
 * (`serviceId` null) or one service's. Null when the aggregates cannot answer.
 */
export async function readCells(
  db: Db,
  report: CellReport,
  options: { serviceId: string | null | undefined; today: string; currentDay: string },
): Promise<CellRow[] | null> {
  if (!(await ensureCells(db, report, options.today, options.currentDay))) return null;
  const service = options.serviceId === undefined ? sql`` : sql`and service_id = ${options.serviceId ?? ""}`;
  const rows = await rowsOf<CellRow & { pending: number }>(
    db,
    sql`select service_id as "serviceId", k1, k2, sum(seats)::int as seats, sum(segments)::int as segments,
          sum(tenants)::int as tenants, (sum(sum(pending)) over ())::int as pending
        from (
          select service_id, k1, k2, seats, segments, tenants, 0 as pending
            from report_cells where report = ${report} ${service}
          union all
          select service_id, k1, k2, seats, segments, tenants, 1 as pending
            from report_cell_deltas where report = ${report} ${service}
        ) cells
        group by service_id, k1, k2`,
  );
  if ((rows[0]?.pending ?? 0) > compactAfter) await db.execute(sql`select unblock_compact_report_cells()`);
  return rows.filter((row) => row.segments > 0).map(({ pending: _, ...row }) => row);
}

export interface WeekRow {
  weekStart: string;
  seats: number;
  tenants: number;
}

/** Blocked seats and tenants at the end of each week from `from` to `to`, for all services or one. */
export async function readBlockedWeeks(
  db: Db,
  scope: { from: string; to: string; serviceId: string | null },
): Promise<WeekRow[]> {
  const state = await stateOf(db);
  if (state.get("weeks")?.stale !== false) await db.execute(sql`select unblock_rebuild_blocked_weeks()`);
  const service = scope.serviceId ?? "";
  const rows = await rowsOf<WeekRow & { pending: number }>(
    db,
    sql`with changes as (
          select week_start, seats, tenants, 0 as pending from blocked_weeks where service_id = ${service}
          union all
          select week_start, seats, tenants, 1 as pending from blocked_week_deltas where service_id = ${service}
        ),
        weeks as (
          select generate_series(
            date_trunc('week', ${scope.from}::date)::date,
            date_trunc('week', ${scope.to}::date)::date,
            interval '7 days'
          )::date as week_start
        )
        select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart",
          coalesce((select sum(c.seats) from changes c where c.week_start <= w.week_start), 0)::int as seats,
          coalesce((select sum(c.tenants) from changes c where c.week_start <= w.week_start), 0)::int as tenants,
          (select count(*) from changes c where c.pending = 1)::int as pending
        from weeks w
        order by w.week_start`,
  );
  if ((rows[0]?.pending ?? 0) > compactAfter) await db.execute(sql`select unblock_compact_report_cells()`);
  return rows.map(({ pending: _, ...row }) => row);
}
