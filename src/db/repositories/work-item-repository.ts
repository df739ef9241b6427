import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { WorkItemFields, WorkItemState } from "../../domain/work-items/work-item-fields.ts";
import type { Db } from "../client.ts";
import { isUuid } from "../infra/raw-rows.ts";
import { workItems } from "../schema.ts";

/** A work item as stored (docs/ROADMAP.md); the use-cases add names and seat counts. */
export interface WorkItemRow {
  id: string;
  title: string;
  externalUrl: string | null;
  state: WorkItemState;
  l2: string;
  l3: string | null;
  serviceIds: string[];
  expectedDate: string | null;
  shippedDate: string | null;
  shippedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: workItems.id,
  title: workItems.title,
  externalUrl: workItems.externalUrl,
  state: workItems.state,
  l2: workItems.l2,
  l3: workItems.l3,
  serviceIds: workItems.serviceIds,
  expectedDate: workItems.expectedDate,
  shippedDate: workItems.shippedDate,
  shippedAt: workItems.shippedAt,
  version: workItems.version,
  createdAt: workItems.createdAt,
  updatedAt: workItems.updatedAt,
};

const asRow = (row: Omit<WorkItemRow, "state"> & { state: string }): WorkItemRow => ({
  ...row,
  state: row.state as WorkItemState,
});

export async function insertWorkItem(
  db: Db,
  fields: WorkItemFields,
  by: string | null,
  at: Date,
): Promise<WorkItemRow> {
  const [row] = await db
    .insert(workItems)
    .values({ ...fields, createdBy: by, updatedBy: by, createdAt: at, updatedAt: at })
    .returning(columns);
  return asRow(row!);
}

export async function findWorkItem(db: Db, id: string): Promise<WorkItemRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(columns).from(workItems).where(eq(workItems.id, id));
  return row ? asRow(row) : null;
}

/**
 * Writes an edit only while the stored version is the one edited (version + 1);
 * null when it is not (someone changed it since) or the item is gone.
 */
export async function updateWorkItemFields(
  db: Db,
  id: string,
  version: number,
  fields: Omit<WorkItemFields, "state"> & { state?: WorkItemFields["state"] },
  by: string | null,
  at: Date,
): Promise<WorkItemRow | null> {
  const [row] = await db
    .update(workItems)
    .set({ ...fields, version: sql`${workItems.version} + 1`, updatedBy: by, updatedAt: at })
    .where(and(eq(workItems.id, id), eq(workItems.version, version)))
    .returning(columns);
  return row ? asRow(row) : null;
}

/**
 * Marks the item shipped, once: the update matches only an item not shipped
 * yet (and, when given, at `version`). Of two ships at once, the second
 * waits for the first's row lock and then finds it shipped: null.
 */
export async function markShipped(
  db: Db,
  id: string,
  input: { shippedDate: string; version?: number | undefined },
  by: string | null,
  at: Date,
): Promise<WorkItemRow | null> {
  const conditions: SQL[] = [eq(workItems.id, id), isNull(workItems.shippedAt)];
  if (input.version !== undefined) conditions.push(eq(workItems.version, input.version));
  const [row] = await db
    .update(workItems)
    .set({
      state: "shipped",
      shippedDate: input.shippedDate,
      shippedAt: at,
      version: sql`${workItems.version} + 1`,
      updatedBy: by,
      updatedAt: at,
    })
    .where(and(...conditions))
    .returning(columns);
  return row ? asRow(row) : null;
}

export interface WorkItemFilter {
  state: string | null;
  l2: string | null;
  externalUrl: string | null;
}

/** Work items not shipped first (by expected date), then shipped ones, newest ship first. */
export async function listWorkItemRows(db: Db, filter: WorkItemFilter): Promise<WorkItemRow[]> {
  const conditions: SQL[] = [];
  if (filter.state) conditions.push(eq(workItems.state, filter.state));
  if (filter.l2) conditions.push(eq(workItems.l2, filter.l2));
  if (filter.externalUrl) conditions.push(eq(workItems.externalUrl, filter.externalUrl));
  const rows = await db
    .select(columns)
    .from(workItems)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(
      sql`(${workItems.shippedAt} is not null)`,
      sql`${workItems.expectedDate} asc nulls last`,
      desc(workItems.shippedDate),
      asc(workItems.createdAt),
      asc(workItems.id),
    );
  return rows.map(asRow);
}
