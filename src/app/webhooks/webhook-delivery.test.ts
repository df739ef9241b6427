import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Db } from "../../db/client.ts";
import { claimJobs } from "../../db/repositories/job-repository.ts";
import type { ProposedSegment } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { setStatus } from "../entitlements/set-status.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { createWebhook } from "./create-webhook.ts";
import { deliverWebhookJob } from "./deliver-webhook-job.ts";
import { listWebhookDeliveries } from "./list-webhook-deliveries.ts";
import { redeliverWebhook } from "./redeliver-webhook.ts";

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A receiver on 127.0.0.1 that answers 503 to its first `downFor` requests, then 204 and keeps what came. */
async function startReceiver(downFor: number) {
  const received: Received[] = [];
  /** The webhook-id of every request, answered or not. */
  const seen: string[] = [];
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests += 1;
      seen.push(String(request.headers["webhook-id"]));
      if (requests <= downFor) {
        response.writeHead(503).end();
        return;
      }
      received.push({
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, seen, requests: () => requests, server };
}

/** The receiver's check, written from the Standard Webhooks text rather than with the sender's code. */
function validSignature(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key)
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest("base64");
  return message.signature.split(" ").includes(`v1,${expected}`);
}

const blocked: ProposedSegment = {
  seats: 100,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  engagementScenario: "customer_led",
  note: "Blocked because the VPN devices cannot carry Exchange traffic.",
  nextActionDate: "2025-03-20",
};
const unknown: ProposedSegment = {
  seats: 100,
  l1: "status_unknown",
  l2: "customer_unresponsive",
  note: "Three calls and two emails over two weeks, no reply.",
};

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let writer: Actor;
const admin = { actor: systemActor, source: "api" };

beforeAll(async () => {
  process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE = "1";
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  receiver = await startReceiver(3);
  writer = await createUser(database.db, { role: "admin" });
});
afterAll(async () => {
  delete process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE;
  receiver.server.close();
  await database.close();
});

/** Runs due jobs; when none is due, moves the clock to the next one's time. Stops once `done` holds. */
async function runUntil(runner: JobRunner, done: () => boolean, rounds = 500): Promise<void> {
  for (let round = 0; round < rounds && (round === 0 || !done()); round++) {
    if ((await runner.tick()) > 0) continue;
    const { rows } = await database.execute(
      "select (extract(epoch from min(run_at)) * 1000)::float8 as at from jobs where state = 'queued'",
    );
    const next = rows[0]?.at as number | null;
    if (next === null) break;
    deps.setNow(new Date(Math.max(next, deps.now().getTime())));
  }
  if (rounds > 1) expect(done()).toBe(true);
}

async function write(entitlementId: string, version: number, segment: ProposedSegment, onDb?: Db) {
  const on = onDb ? { ...deps, database: { ...deps.database, db: onDb } } : deps;
  await setStatus(on, { entitlementId, version, segments: [segment], actor: writer, source: "api" });
}

describe("webhook deliveries", () => {
  it("delivers every event after the receiver was down for three attempts, signed and in order per entitlement", async () => {
    const hook = await createWebhook(deps, admin, {
      url: receiver.url,
      events: ["status.changed", "entitlement.blocked", "entitlement.unblocked"],
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createEntitlement(database.db, { availableSeats: 100 })).id);
    for (const id of ids) {
      await write(id, 1, blocked);
      await write(id, 2, unknown);
      await write(id, 3, blocked);
    }
    // A change rolled back with its transaction leaves no event behind.
    const rolledBack = (await createEntitlement(database.db, { availableSeats: 100 })).id;
    await expect(
      database.db.transaction(async (tx) => {
        await write(rolledBack, 1, blocked, tx as unknown as Db);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");

    const runner = new JobRunner(deps, { handlers: [deliverWebhookJob], concurrency: 4 });
    await runUntil(runner, () => receiver.received.length >= 18);

    expect(receiver.requests()).toBe(21);
    expect(new Set(receiver.received.map((message) => message.id)).size).toBe(18);
    for (const message of receiver.received) expect(validSignature(hook.secret, message)).toBe(true);
    const events = receiver.received.map((message) => JSON.parse(message.body));
    expect(events.some((event) => event.data.entitlementId === rolledBack)).toBe(false);
    for (const id of ids) {
      const sequence = events
        .filter((event) => event.data.entitlementId === id)
        .map((event) => `${event.data.version} ${event.type}`);
      expect(sequence).toEqual([
        "2 status.changed",
        "2 entitlement.blocked",
        "3 status.changed",
        "3 entitlement.unblocked",
        "4 status.changed",
        "4 entitlement.blocked",
      ]);
    }

    const log = await listWebhookDeliveries(deps, systemActor, { webhookId: hook.id });
    expect(log).toHaveLength(18);
    expect(log.every((delivery) => delivery.state === "delivered" && delivery.lastStatus === 204)).toBe(true);
    expect(log.reduce((sum, delivery) => sum + delivery.attempts, 0)).toBe(21);

    // Sent again by hand: the same webhook-id, so the receiver can tell.
    const first = log[log.length - 1]!;
    await redeliverWebhook(deps, admin, { webhookId: hook.id, deliveryId: first.id });
    await runUntil(runner, () => receiver.received.length >= 19);
    expect(receiver.received[18]?.id).toBe(first.messageId);
  });
});

describe("webhook retries", () => {
  it("retries a failing delivery with growing gaps for 24 hours, then sends the next one of its entitlement", async () => {
    const down = await startReceiver(Number.MAX_SAFE_INTEGER);
    try {
      const hook = await createWebhook(deps, admin, { url: down.url, events: ["status.changed"] });
      const id = (await createEntitlement(database.db, { availableSeats: 100 })).id;
      const start = deps.now().getTime();
      await write(id, 1, blocked);
      await write(id, 2, unknown);
      const runner = new JobRunner(deps, { handlers: [deliverWebhookJob] });
      const settled = async () =>
        (await listWebhookDeliveries(deps, systemActor, { webhookId: hook.id })).every(
          (delivery) => delivery.state !== "pending",
        );
      for (let round = 0; round < 200 && !(await settled()); round++) await runUntil(runner, () => true, 1);
      expect(await settled()).toBe(true);

      const [second, first] = await listWebhookDeliveries(deps, systemActor, { webhookId: hook.id });
      expect(first).toMatchObject({ state: "failed", lastStatus: 503 });
      expect(first!.lastAttemptAt!.getTime() - start).toBeLessThanOrEqual(86_400_000);
      expect(first!.lastAttemptAt!.getTime() - start).toBeGreaterThan(20 * 3_600_000);
      // 5 s, 10 s, 20 s ... doubling to two hours apart: about 20 attempts in a day, not thousands.
      expect(first!.attempts).toBeGreaterThan(15);
      expect(first!.attempts).toBeLessThan(30);
      // The second was held back until the first gave up, then tried for what was left of its day.
      expect(second).toMatchObject({ state: "failed", lastStatus: 503 });
      expect(second!.lastAttemptAt!.getTime() - start).toBeLessThanOrEqual(86_400_000);
      expect(down.seen).toEqual([
        ...Array<string>(first!.attempts).fill(first!.messageId),
        ...Array<string>(second!.attempts).fill(second!.messageId),
      ]);
    } finally {
      down.server.close();
    }
  });
});

describe("webhook delivery after a crash", () => {
  it("sends an event whose first sender died after claiming it, once its lease lapsed", async () => {
    const up = await startReceiver(0);
    try {
      const hook = await createWebhook(deps, admin, { url: up.url, events: ["entitlement.blocked"] });
      const id = (await createEntitlement(database.db, { availableSeats: 100 })).id;
      await write(id, 1, blocked);
      // A server claims every queued delivery and dies before sending any.
      const claimed = await claimJobs(database.db, {
        worker: "crashed",
        kinds: ["webhook.deliver"],
        limit: 1000,
        now: deps.now(),
        leaseMs: 60_000,
      });
      expect(claimed.length).toBeGreaterThan(0);
      const runner = new JobRunner(deps, { handlers: [deliverWebhookJob] });
      expect(await runner.tick()).toBe(0);
      deps.setNow(new Date(deps.now().getTime() + 60_001));
      await runUntil(runner, () => up.received.length >= 1);
      expect(up.received).toHaveLength(1);
      expect(validSignature(hook.secret, up.received[0]!)).toBe(true);
      expect(JSON.parse(up.received[0]!.body)).toMatchObject({
        type: "entitlement.blocked",
        data: { entitlementId: id },
      });
    } finally {
      up.server.close();
    }
  });
});
