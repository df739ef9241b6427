import type { Database } from "../client.ts";

export type Freshness =
  | { usable: true; lagMs: number }
  | { usable: false; lagMs: number | null; reason: string };

/**
 * How far a streaming replica is behind its primary, read now. A replica that
 * has replayed the primary's current WAL position has every transaction
 * committed before this call: no lag, however long the primary has been
 * idle. Otherwise the lag is the time since the last transaction it replayed
 * committed, an upper bound (what it has not replayed yet committed later),
 * which errs towards the primary after a quiet spell. A server that is not in
 * recovery (promoted, or the primary named twice) is not used as a replica.
 */
export async function replicaFreshness(primary: Database, replica: Database): Promise<Freshness> {
  const { rows: written } = await primary.execute("select pg_current_wal_lsn()::text as lsn");
  const { rows } = await replica.execute(
    `select pg_is_in_recovery() as "standby",
       coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as "caughtUp",
       (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as "lagMs"`,
    [written[0]?.lsn],
  );
  const state = rows[0] as { standby: boolean; caughtUp: boolean; lagMs: number | null };
  if (!state.standby) return { usable: false, lagMs: null, reason: "it is not a standby" };
  if (state.caughtUp) return { usable: true, lagMs: 0 };
  if (state.lagMs === null)
    return { usable: false, lagMs: null, reason: "it has replayed no transaction yet" };
  return { usable: true, lagMs: Math.max(0, state.lagMs) };
}
