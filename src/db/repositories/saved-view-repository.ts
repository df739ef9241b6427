import { and, asc, count, eq, sql } from "drizzle-orm";
import type { SavedView } from "../../http/schemas/saved-views.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { savedViews } from "../schema.ts";

const viewColumns = {
  id: savedViews.id,
  name: savedViews.name,
  query: savedViews.query,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
};

export async function listSavedViewRows(db: Db, userId: string): Promise<SavedView[]> {
  return db
    .select(viewColumns)
    .from(savedViews)
    .where(eq(savedViews.userId, userId))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
}

export async function countSavedViews(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedViews).where(eq(savedViews.userId, userId));
  return row?.n ?? 0;
}

/** Whether the user already has a view of that name, in any case. */
export async function hasSavedViewNamed(db: Db, userId: string, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), sql`lower(${savedViews.name}) = lower(${name})`));
  return row !== undefined;
}

/** Stores the view, replacing the user's view of the same name (in any case) in one statement. */
export async function upsertSavedView(
  db: Db,
  input: { userId: string; name: string; query: string; at: Date },
): Promise<SavedView> {
  // Raw SQL: the conflict target is the expression index on lower(name), which drizzle's builder cannot name.
  const [stored] = await rowsOf<{ id: string }>(
    db,
    sql`insert into saved_views (user_id, name, query, created_at, updated_at)
        values (${input.userId}, ${input.name}, ${input.query}, ${input.at}, ${input.at})
        on conflict (user_id, lower(name))
        do update set name = excluded.name, query = excluded.query, updated_at = excluded.updated_at
        returning id::text as id`,
  );
  const [row] = stored
    ? await db.select(viewColumns).from(savedViews).where(eq(savedViews.id, stored.id))
    : [];
  if (!row) throw new Error("The saved view was not stored");
  return row;
}

/** Deletes one of the user's views; false when the user has no view with that id. */
export async function deleteSavedViewRow(db: Db, userId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const deleted = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return deleted.length > 0;
}
