import {
  countRateLimitHit,
  forgetEndedRateLimits,
  type RateLimitCount,
} from "../../db/repositories/rate-limit-repository.ts";
import type { AppDeps } from "../app-deps.ts";

/** How often a server clears the counts of ended windows (at most, as it counts). */
const sweepEveryMs = 10 * 60_000;
const lastSweep = new WeakMap<AppDeps["database"], number>();

/**
 * Counts one request against a rate limit kept in the database, shared by
 * every server on it (rate_limit_hits). Now and then, as it counts, a server
 * also drops the counts of windows long ended.
 */
export async function countRateLimitedRequest(
  deps: AppDeps,
  key: string,
  windowMs: number,
): Promise<RateLimitCount> {
  const count = await countRateLimitHit(deps.database.db, key, windowMs);
  const now = Date.now();
  if (now - (lastSweep.get(deps.database) ?? 0) >= sweepEveryMs) {
    lastSweep.set(deps.database, now);
    // Only housekeeping: a failed sweep leaves a few dead rows for the next one, and must not
    // fail the request that happened to run it.
    await forgetEndedRateLimits(deps.database.db).catch(() => 0);
  }
  return count;
}
