import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { countRateLimitHit, forgetEndedRateLimits } from "./rate-limit-repository.ts";

describe("rate limit counts", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  /** Moves a key's window so that it ended `agoMs` ago, as time passing would. */
  const endWindow = (key: string, agoMs: number) =>
    database.db.execute(
      sql`update rate_limit_hits set window_ends_at = now() - ${agoMs}::double precision * interval '1 millisecond'
          where key = ${key}`,
    );

  it(`${countRateLimitHit.name} counts the requests of a window and starts over when it ends`, async () => {
    const first = await countRateLimitHit(database.db, "login 10.0.0.1", 60_000);
    expect(first.hits).toBe(1);
    expect(first.ttlMs).toBeGreaterThan(59_000);
    expect(first.ttlMs).toBeLessThanOrEqual(60_000);
    expect((await countRateLimitHit(database.db, "login 10.0.0.1", 60_000)).hits).toBe(2);
    expect((await countRateLimitHit(database.db, "login 10.0.0.2", 60_000)).hits).toBe(1);

    await endWindow("login 10.0.0.1", 1);
    const again = await countRateLimitHit(database.db, "login 10.0.0.1", 60_000);
    expect(again.hits).toBe(1);
    expect(again.ttlMs).toBeGreaterThan(59_000);
  });

  it("adds up requests counted at the same moment", async () => {
    const counts = await Promise.all(
      Array.from({ length: 8 }, () => countRateLimitHit(database.db, "login 10.0.0.3", 60_000)),
    );
    expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it(`${forgetEndedRateLimits.name} drops only counts whose window ended over an hour ago`, async () => {
    await countRateLimitHit(database.db, "old", 1000);
    await countRateLimitHit(database.db, "recent", 1000);
    await endWindow("old", 3_700_000);
    await endWindow("recent", 60_000);
    expect(await forgetEndedRateLimits(database.db)).toBe(1);
    const keys = await rowsOf<{ key: string }>(
      database.db,
      sql`select key from rate_limit_hits order by key`,
    );
    expect(keys.map((row) => row.key)).toContain("recent");
    expect(keys.map((row) => row.key)).not.toContain("old");
  });
});
