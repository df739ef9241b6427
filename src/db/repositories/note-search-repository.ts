import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/** Marked entitlements taken per statement: one short transaction, about 50 ms at 2,000. */
const takenPerCall = 2000;

/**
 * Copies the notes of entitlements whose notes changed into note_search
 * (unblock_index_notes, drizzle/0025), a batch at a time until none is left
 * or `most` were taken. Returns how many were taken.
 */
export async function indexPendingNotes(db: Db, most = 50_000): Promise<number> {
  let taken = 0;
  while (taken < most) {
    const [row] = await rowsOf<{ taken: number }>(
      db,
      sql`select unblock_index_notes(${Math.min(takenPerCall, most - taken)}::int) as taken`,
    );
    const batch = row?.taken ?? 0;
    taken += batch;
    if (batch < takenPerCall) break;
  }
  return taken;
}

/** Entitlements whose notes note_search has yet to take. */
export async function pendingNoteCount(db: Db): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    db,
    sql`select count(*)::int as count from note_search_pending`,
  );
  return row?.count ?? 0;
}
