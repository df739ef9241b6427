import { sql } from "drizzle-orm";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { EntitlementView, StoredSegment } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { preparedStatement } from "../infra/prepared-statement.ts";
import { isUuid, uuidArray } from "../infra/raw-rows.ts";
import { statusWriteQueueOf } from "../infra/status-write-queue.ts";
import { entitlementViewJoins, entitlementViewJson } from "../sql/entitlement-view-sql.ts";
import type { ChangeSource } from "./history-repository.ts";

/**
 * Full views of the given entitlements as JSON text, in the order of `ids`
 * (unknown ids are skipped): one statement, segments included, built by
 * PostgreSQL (entitlementViewJson) for callers that send them on as they are.
 */
export async function loadEntitlementViewsJson(db: Db, ids: readonly string[]): Promise<string[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  // Driven from the id list, so each join is an index lookup per row: written as
  // `e.id = any(...)`, the planner may hash the whole tenants table for a 200-row page
  // (100 ms of a 115 ms statement at 10,000 tenants on PGlite). `with ordinality` keeps the order.
  const rows = await entitlementViews(db, { ids: uuidArray(wanted) });
  return rows.map((row) => row.view);
}

// Planned once per connection: planning this statement took 0.7 ms of a list page's 2.8 ms in the
// database (docs/PERFORMANCE.md). The ids come through a scalar subquery, so the plan does not
// depend on how many there are: a page of 500 is joined by index lookups like a page of 5.
const entitlementViews = preparedStatement("entitlement_views", (db) =>
  db
    .select({ view: sql<string>`${entitlementViewJson}` })
    .from(
      sql`unnest((select ${sql.placeholder("ids")}::uuid[])) with ordinality as wanted(id, position)
          join entitlements e on e.id = wanted.id
          ${entitlementViewJoins}`,
    )
    .orderBy(sql`wanted.position`),
);

/** Full views of the given entitlements, in the order of `ids` (unknown ids are skipped). */
export async function loadEntitlementViews(db: Db, ids: readonly string[]): Promise<EntitlementView[]> {
  return (await loadEntitlementViewsJson(db, ids)).map((text) => JSON.parse(text) as EntitlementView);
}

/** Checked UUIDs as one array parameter: one bind value and one plan whatever their number. */
export async function findEntitlementView(db: Db, id: string): Promise<EntitlementView | null> {
  const [view] = await loadEntitlementViews(db, [id]);
  return view ?? null;
}

/** The state a change of this entitlement is judged against. */
export function lockedOf(view: EntitlementView): LockedEntitlement {
  return {
    id: view.id,
    serviceId: view.service.id,
    stage: view.stage,
    availableSeats: view.availableSeats,
    version: view.version,
    segments: view.segments,
  };
}

/** The state of an entitlement a change is judged against (read under its row lock by the importer). */
export interface LockedEntitlement {
  id: string;
  serviceId: string;
  stage: Stage;
  availableSeats: number;
  version: number;
  segments: StoredSegment[];
}

export interface StatusWrite {
  /** The entitlement as read (under its row lock for the importer); the write needs its version unchanged. */
  locked: LockedEntitlement;
  stage: Stage;
  /** New available seats (an import with --update-seats); absent keeps the locked value. */
  availableSeats?: number;
  /** Segments already judged by the playbook rules. */
  segments: StatusSegment[];
  actor: { id: string | null; role: string };
  source: ChangeSource;
  requestId: string | null;
  playbookVersion: string;
  now: Date;
}

/**
 * Stores a judged status with one statement (writeStatuses): the segments,
 * version + 1, the stamp and the history row, only while the entitlement is
 * still at the version it was judged against. Returns the new version, or
 * null when someone else changed it since (nothing was written). It checks no
 * rules: callers (setStatus, the importer) run them first.
 */
export async function applyStatus(db: Db, write: StatusWrite): Promise<number | null> {
  // Concurrent writes share one statement and one commit (group commit, status-write-queue.ts).
  const written = await statusWriteQueueOf(db).write(write);
  return written ? write.locked.version + 1 : null;
}
