import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { type ServeProcess, startServe } from "../../test/support/serve-process.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";

const writers = 16;
/** Landed writes before the signal: the load is well under way, and the signal lands mid-load. */
const landedBeforeSignal = 120;
const deadlineMs = 10_000;

interface Outcome {
  requestId: string;
  /** The HTTP status, or the network error's text. */
  answer: number | string;
  detail?: string;
}

/**
 * `unblock serve` in its own process, SIGTERM while 16 writers change
 * statuses as fast as it answers: every write answered 200 is in the
 * database afterwards, no write answered otherwise (503 while draining, a
 * refused connection) is, and the process exits 0 within its deadline.
 * PGlite by default; the PostgreSQL server with DATABASE_URL set.
 */
describe("unblock serve stopping under write load", () => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let serve: ServeProcess;
  let token: string;
  const entitlementIds: string[] = [];

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, UNBLOCK_SHUTDOWN_TIMEOUT: String(deadlineMs / 1000) };
    let prepared: Database;
    if (process.env.DATABASE_URL) {
      database = await openTestDatabase();
      prepared = database;
      env.DATABASE_URL = database.url;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), "unblock-shutdown-"));
      prepared = await openDatabase({ dataDir });
      await runMigrations(prepared);
      delete env.DATABASE_URL;
      env.UNBLOCK_DATA_DIR = dataDir;
    }
    const deps = await makeTestDeps(prepared, new Date());
    const admin = await createUser(prepared.db, { role: "admin" });
    for (let index = 0; index < writers; index += 1) {
      const entitlement = await createEntitlement(prepared.db, {
        serviceId: "teams",
        availableSeats: 500,
        stage: "delivery",
      });
      entitlementIds.push(entitlement.id);
    }
    token = (await bearerFor(deps, admin)).authorization;
    // PGlite's data directory has one owner at a time: the server's, from here on.
    if (!database) await prepared.close();
    serve = await startServe(env);
  }, 600_000);
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const targetDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

  /** Writes one entitlement's status again and again until the server stops answering 200. */
  async function writer(index: number, landed: Outcome[], refused: Outcome[], onLanded: () => void) {
    const id = entitlementIds[index]!;
    let version = 1;
    for (let attempt = 0; ; attempt += 1) {
      const requestId = `shutdown-${index}-${attempt}`;
      const answer = await fetch(`${serve.base}/api/entitlements/${id}/status`, {
        method: "PUT",
        headers: { authorization: token, "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({
          version,
          segments: [
            {
              seats: 500,
              l1: "blocked",
              l2: "customer_it_infrastructure_remediation",
              engagementScenario: "customer_led",
              targetDate,
              note: `Blocked: the proxy drops media traffic (write ${requestId}); clears when it is replaced.`,
            },
          ],
        }),
      }).then(
        async (response) => ({ status: response.status, body: await response.json().catch(() => null) }),
        (error: Error) => ({ status: String(error.cause ?? error.message), body: null }),
      );
      if (answer.status !== 200) {
        refused.push({ requestId, answer: answer.status, detail: JSON.stringify(answer.body) });
        return;
      }
      landed.push({ requestId, answer: 200 });
      version = (answer.body as { version: number }).version;
      onLanded();
    }
  }

  it("keeps every write it answered 200, none it refused, and exits within the deadline", async () => {
    const landed: Outcome[] = [];
    const refused: Outcome[] = [];
    let signalled: number | undefined;
    const onLanded = () => {
      if (signalled === undefined && landed.length >= landedBeforeSignal) {
        signalled = Date.now();
        serve.child.kill("SIGTERM");
      }
    };
    const load = Array.from({ length: writers }, (_, index) => writer(index, landed, refused, onLanded));
    await Promise.all(load);
    expect(signalled, `only ${landed.length} writes landed: ${JSON.stringify(refused)}`).toBeDefined();
    const exit = await serve.exited;
    const stoppedIn = Date.now() - (signalled ?? Date.now());

    expect(exit, serve.stderr()).toEqual({ code: 0, signal: null });
    expect(stoppedIn).toBeLessThan(deadlineMs);
    // Refused while draining (503) or after the listener closed: never a 500.
    for (const outcome of refused) expect(String(outcome.answer)).not.toMatch(/^5(?!03)/);
    expect(refused).toHaveLength(writers);

    const written = await writtenRequestIds();
    const lost = landed.filter((outcome) => !written.has(outcome.requestId));
    const phantom = refused.filter((outcome) => written.has(outcome.requestId));
    expect(lost).toEqual([]);
    expect(phantom).toEqual([]);
    expect(written.size).toBe(landed.length);
  }, 600_000);

  /** The request ids of the history rows the writers made, read once the server has gone. */
  async function writtenRequestIds(): Promise<Set<string>> {
    const reader = database ?? (await openDatabase({ dataDir }));
    try {
      const { rows } = await reader.execute(
        "select request_id from status_history where request_id like 'shutdown-%'",
      );
      return new Set(rows.map((row) => String(row.request_id)));
    } finally {
      if (!database) await reader.close();
    }
  }
});
