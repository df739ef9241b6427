import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { channelListener } from "./channel-listener.ts";

// LISTEN and NOTIFY between connections: a PostgreSQL server (PGlite has no second connection).
describe.skipIf(!process.env.DATABASE_URL)(channelListener.name, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("hears what another connection notifies, and listens again after its connection is cut", async () => {
    const listener = channelListener(database.url!);
    let heard = 0;
    try {
      await listener.listen("unblock_test_channel", () => {
        heard += 1;
      });
      await database.notify("unblock_test_channel");
      await expect.poll(() => heard, { timeout: 5000 }).toBe(1);

      // An administrator or a restart ends its connection: what was sent meanwhile may be lost, so
      // the handler is called at once, and the listener connects again.
      await database.execute(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`,
      );
      await expect.poll(() => heard, { timeout: 5000 }).toBe(2);
      // Once it listens again (a second on), a notification reaches it: keep sending until one does.
      await expect
        .poll(
          async () => {
            await database.notify("unblock_test_channel");
            return heard;
          },
          { timeout: 5000, interval: 200 },
        )
        .toBeGreaterThanOrEqual(3);
    } finally {
      await listener.close();
    }
  });
});
