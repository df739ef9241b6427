import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

export interface RateLimitCount {
  /** Requests counted in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * Counts one request under `key`: the first of a window, or one more in the
 * current one. One statement, so servers counting the same key at once add
 * up; the database's clock decides when a window ends, so theirs need not
 * agree.
 */
export async function countRateLimitHit(db: Db, key: string, windowMs: number): Promise<RateLimitCount> {
  const [row] = await rowsOf<RateLimitCount>(
    db,
    sql`insert into rate_limit_hits as r (key, hits, window_ends_at)
        values (${key}, 1, now() + ${windowMs}::double precision * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
          window_ends_at = case when r.window_ends_at <= now() then excluded.window_ends_at else r.window_ends_at end
        returning hits,
          greatest(0, ceil(extract(epoch from window_ends_at - now()) * 1000))::int as "ttlMs"`,
  );
  return row!;
}

/** Drops the counts whose window ended more than an hour ago: the table holds only live ones. */
export async function forgetEndedRateLimits(db: Db): Promise<number> {
  const rows = await rowsOf<{ key: string }>(
    db,
    sql`delete from rate_limit_hits where window_ends_at < now() - interval '1 hour' returning key`,
  );
  return rows.length;
}
