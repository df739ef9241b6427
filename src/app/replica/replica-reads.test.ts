import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import {
  postgresBinaries,
  type ReplicaCluster,
  startReplicaCluster,
} from "../../../test/support/replica-cluster.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { runMigrations } from "../../db/migrate.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { exportEntitlements } from "../entitlements/export-entitlements.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { getBlockedByL2Service } from "../reports/blocked-by-l2-service.ts";
import { comparePortfolio } from "../reports/compare-portfolio.ts";
import { getL1Flow } from "../reports/l1-flow.ts";
import type { ReplicaReads } from "./replica-reads.ts";

/**
 * Two real clusters, a primary and its streaming replica, started by the test.
 * The proof that a read came from the replica: with the replica's replay
 * paused, a write on the primary is missing from the report and the export,
 * while the primary's own answer has it.
 */
const bin = postgresBinaries();
const skipped = bin === null ? " (skipped: no PostgreSQL binaries under /usr/lib/postgresql/*/bin)" : "";

let cluster: ReplicaCluster;
let primary: Database;
let replica: Database;
let deps: AppDeps;
let replicaReads: ReplicaReads;
let setNow: (now: Date) => void;
const logged: { level: "info" | "warn"; message: string }[] = [];

const blocked = (seats: number) => ({
  seats,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2: "app_compatibility",
  note: "Blocked until the customer's proxy is replaced.",
});

/** Blocked seats of the report's one cell, as `on` reads them. */
async function blockedSeats(on: AppDeps): Promise<number> {
  const report = await getBlockedByL2Service(on, systemActor, { serviceId: "teams" });
  return report.items.reduce((sum, row) => sum + row.seats, 0);
}

async function exportedCsv(): Promise<string> {
  const chunks: string[] = [];
  await exportEntitlements(deps, systemActor, {}, "csv", (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join("");
}

/** Polls until the replica has replayed everything the primary has written so far. */
async function replayed(): Promise<void> {
  const { rows } = await primary.execute("select pg_current_wal_lsn()::text as lsn");
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows: state } = await replica.execute("select pg_last_wal_replay_lsn() >= $1::pg_lsn as done", [
      rows[0]!.lsn,
    ]);
    if (state[0]!.done === true) return;
    if (Date.now() > deadline) throw new Error("the replica did not catch up within a minute");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Both clusters, the schema on the primary, one Blocked entitlement written there and replayed. */
async function startClusters(): Promise<void> {
  cluster = await startReplicaCluster(bin!);
  primary = await openDatabase({ url: cluster.primaryUrl, poolSize: 4 });
  replica = await openDatabase({ url: cluster.replicaUrl, poolSize: 4 });
  await runMigrations(primary);
  const log = (level: "info" | "warn") => (_: object, message: string) => logged.push({ level, message });
  replicaReads = { database: replica, maxLagMs: 5000, log: { info: log("info"), warn: log("warn") } };
  const made = await makeTestDeps(primary);
  setNow = made.setNow;
  deps = { ...made, replica: replicaReads };
  const tenant = await createTenant(primary.db, { name: "Primary Written", domain: "first.example" });
  await createEntitlement(primary.db, {
    tenantId: tenant.id,
    serviceId: "teams",
    segments: [blocked(100)],
  });
  await replayed();
}

/**
 * A Blocked -> In Progress change written on the primary while the replica's
 * replay is paused: what changed and the L1 flow miss it on the replica and
 * count its 40 seats on the primary.
 */
async function historyReportsOnReplica(): Promise<void> {
  const fm = await createUser(primary.db, { role: "delivery_fm", name: "Fay Replica" });
  const tenant = await createTenant(primary.db, { name: "History Written", domain: "history.example" });
  await assign(primary.db, fm.id, { tenantId: tenant.id });
  const entitlement = await createEntitlement(primary.db, {
    tenantId: tenant.id,
    serviceId: "exchange",
    stage: "delivery",
    availableSeats: 40,
  });
  setNow(new Date("2025-03-10T09:00:00Z"));
  const saved = await setStatus(deps, {
    entitlementId: entitlement.id,
    version: 1,
    segments: [
      {
        ...blocked(40),
        engagementScenario: "customer_led_with_ftp_assist",
        targetDate: "2025-06-30",
        nextAction: "Test the new client build",
      },
    ],
    actor: fm,
    source: "api",
  });
  const window = { from: "2025-03-11", to: "2025-03-12", serviceId: "exchange" };
  const unblocked = async (on: AppDeps) => (await comparePortfolio(on, fm, window)).totals.unblockedSeats;
  const flowed = async (on: AppDeps) =>
    (await getL1Flow(on, fm, window)).items
      .filter((cell) => cell.fromL1 === "blocked" && cell.toL1 === "in_progress")
      .reduce((sum, cell) => sum + cell.seats, 0);
  await replayed();
  await replica.execute("select pg_wal_replay_pause()");
  try {
    setNow(new Date("2025-03-12T09:00:00Z"));
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: saved.entitlement.version,
      segments: [
        {
          seats: 40,
          l1: "in_progress",
          scenarioId: "in_progress_delivery",
          serviceStatus: "assess",
          engagementScenario: "customer_led_with_ftp_assist",
          targetDate: "2025-05-01",
          note: "Unblocked: the new client build works; rolling out to the first wave.",
        },
      ],
      actor: fm,
      source: "api",
    });
    replicaReads.maxLagMs = 3_600_000;
    const { replica: _, ...primaryOnly } = deps;
    expect(await unblocked(deps)).toBe(0);
    expect(await flowed(deps)).toBe(0);
    expect(await unblocked(primaryOnly)).toBe(40);
    expect(await flowed(primaryOnly)).toBe(40);
  } finally {
    await replica.execute("select pg_wal_replay_resume()");
    replicaReads.maxLagMs = 5000;
  }
  await replayed();
  expect(await unblocked(deps)).toBe(40);
}

describe.skipIf(bin === null)(`reports and exports on a streaming replica${skipped}`, () => {
  beforeAll(startClusters, 180_000);

  afterAll(async () => {
    await replica?.close();
    await primary?.close();
    await cluster?.stop();
  });

  it("has a primary that writes and a replica in recovery that refuses writes", async () => {
    const recovery = async (database: Database) =>
      (await database.execute("select pg_is_in_recovery() as standby")).rows[0]!.standby;
    expect(await recovery(primary)).toBe(false);
    expect(await recovery(replica)).toBe(true);
    await expect(replica.execute("create table refused (id int)")).rejects.toMatchObject({ code: "25006" });
  });

  it("reads a fresh replica, and moves the aggregates' upkeep to the primary", async () => {
    // Stale aggregates (as after a seed) are rebuilt by their reader: a write the standby refuses.
    await primary.execute("update report_state set stale = true");
    await replayed();
    expect(await blockedSeats(deps)).toBe(100);
    expect(logged.map((entry) => entry.message)).toEqual([
      "reports and exports read from the replica",
      "the replica cannot keep the report aggregates: read on the primary",
    ]);
    expect(await exportedCsv()).toContain("first.example");
  });

  it("serves the report and the export from the replica: a write the replica has not replayed is missing", async () => {
    await replica.execute("select pg_wal_replay_pause()");
    try {
      const tenant = await createTenant(primary.db, {
        name: "Written While Paused",
        domain: "second.example",
      });
      await createEntitlement(primary.db, {
        tenantId: tenant.id,
        serviceId: "teams",
        segments: [blocked(50)],
      });
      // However long the machine takes, the replica stays within the allowed lag here.
      replicaReads.maxLagMs = 3_600_000;
      expect(await blockedSeats(deps)).toBe(100);
      expect(await exportedCsv()).not.toContain("second.example");
      const { replica: _, ...primaryOnly } = deps;
      expect(await blockedSeats(primaryOnly)).toBe(150);

      // Staler than allowed: the primary answers, and the log says why.
      replicaReads.maxLagMs = 0;
      expect(await blockedSeats(deps)).toBe(150);
      expect(await exportedCsv()).toContain("second.example");
      expect(logged.at(-1)).toMatchObject({
        level: "warn",
        message: expect.stringMatching(/primary: it is \d+ ms behind/),
      });
    } finally {
      await replica.execute("select pg_wal_replay_resume()");
    }
    await replayed();
    replicaReads.maxLagMs = 5000;
    expect(await blockedSeats(deps)).toBe(150);
    expect(logged.at(-1)).toMatchObject({
      level: "info",
      message: "reports and exports read from the replica",
    });
  });

  it("reads the history reports on the replica too: what changed and the L1 flow", historyReportsOnReplica);
});
