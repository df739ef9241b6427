import { listWorkItemRows } from "../../db/repositories/work-item-repository.ts";
import { unblockedAfterShip } from "../../db/repositories/work-item-seats-repository.ts";
import type { ShippedReport } from "../../http/schemas/work-items.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { aggregateScopeOf, requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { seatCountFor, taxonomyNames } from "./work-item-view.ts";

/** Days after a ship whose unblocks the report counts. */
export const shipWindowDays = 90;

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * Seats unblocked in the 90 days after each ship, newest ship first, from
 * the status history (docs/ROADMAP.md): seats that left Blocked with the
 * item's L2/L3 on its services between the shipped date and day 90, or today
 * while the window is open. Totalled over the reader's tenants, as reports
 * are; counts under 5 tenants are withheld from aggregate-only readers.
 */
export async function getShippedReport(deps: AppDeps, actor: Actor): Promise<ShippedReport> {
  requireAllowed(deps, requireActor(deps, actor), { type: "reports.read", rows: false });
  const db = deps.database.db;
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const rows = (await listWorkItemRows(db, { state: "shipped", l2: null, externalUrl: null }))
    .filter((row) => row.shippedDate !== null)
    .sort(
      (a, b) => (b.shippedDate ?? "").localeCompare(a.shippedDate ?? "") || a.title.localeCompare(b.title),
    );
  const counts = await unblockedAfterShip(
    db,
    rows.map((row) => row.id),
    aggregateScopeOf(deps, actor),
    now,
  );
  const items = rows.map((row) => {
    const shippedDate = row.shippedDate ?? today;
    const windowEnds = addDays(shippedDate, shipWindowDays);
    const shown = seatCountFor(actor.role, counts.get(row.id));
    return {
      workItemId: row.id,
      title: row.title,
      l2: row.l2,
      l3: row.l3,
      ...taxonomyNames(deps, actor, row),
      serviceIds: row.serviceIds,
      shippedDate,
      windowEnds,
      complete: today > windowEnds,
      unblocked: shown.count,
      suppressed: shown.suppressed,
    };
  });
  return { items, suppressedCells: items.filter((item) => item.suppressed).length };
}
