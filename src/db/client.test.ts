import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";

const serverUrl = process.env.DATABASE_URL;

/** A connection of its own, to watch the pool's from outside. */
async function adminClient(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  return admin;
}

/** How many of these backends the server still runs. */
async function stillRunning(admin: pg.Client, pids: number[]): Promise<number> {
  const { rows } = await admin.query("select count(*)::int as n from pg_stat_activity where pid = any($1)", [
    pids,
  ]);
  return rows[0].n;
}

// The connection pool is the server's; PGlite has one in-process connection.
describe.runIf(serverUrl)(`${openDatabase.name} on a PostgreSQL server`, () => {
  it("has closed every connection when close resolves", async () => {
    const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === "TCPSocketWrap").length;
    const before = sockets();
    const database = await openDatabase({ url: serverUrl, poolSize: 4 });
    await Promise.all([1, 2, 3, 4].map(() => database.execute("select pg_sleep(0.05)")));
    expect(sockets()).toBeGreaterThan(before + 1);
    await database.close();
    // Nothing left for a database drop (the test databases' teardown) to cut off mid-close.
    expect(sockets()).toBe(before);
  });

  it("keeps answering after the server ends an idle connection", async () => {
    const database = await openDatabase({ url: serverUrl, poolSize: 1 });
    try {
      const pid = Number((await database.execute("select pg_backend_pid() as pid")).rows[0]!.pid);
      const admin = await adminClient();
      try {
        await admin.query("select pg_terminate_backend($1)", [pid]);
        // The pool hears of it when the server's message arrives; until then it may still hand the
        // dead connection out. Without the pool's error listener this would end the test process.
        for (let wait = 0; wait < 50 && (await stillRunning(admin, [pid])) > 0; wait += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await database.execute("select pg_backend_pid() as pid");
      expect(Number(rows[0]!.pid)).not.toBe(pid);
    } finally {
      await database.close();
    }
  });
});
