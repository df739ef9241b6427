import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { statusHistory, statusSegments } from "../../db/schema.ts";
import { AppError } from "../../domain/app-error.ts";
import type { ProposedSegment } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getEntitlement } from "./get-entitlement.ts";
import { getEntitlementHistory } from "./get-entitlement-history.ts";
import { setStatus } from "./set-status.ts";

const blocked = (
  seats: number,
  note = "Blocked because the VPN devices cannot carry Exchange traffic.",
): ProposedSegment => ({
  seats,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  engagementScenario: "customer_led",
  note,
  nextActionDate: "2025-03-20",
});
const unknown = (seats: number): ProposedSegment => ({
  seats,
  l1: "status_unknown",
  l2: "customer_unresponsive",
  note: "Three calls and two emails over two weeks, no reply.",
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let database: Database;
let deps: AppDeps & { setNow(d: Date): void };
let assignmentFm: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  assignmentFm = await createUser(database.db, { role: "assignment_fm", name: "Ada Assign" });
});
afterAll(() => database.close());

/** Users of these tests; writing needs an assignment to the tenant, so each is assigned to every new one. */
const assigned: Actor[] = [];
async function userFor(role: string): Promise<Actor> {
  const user = await createUser(database.db, { role });
  assigned.push(user);
  return user;
}
async function entitlementFor(fields: Parameters<typeof createEntitlement>[1]) {
  const entitlement = await createEntitlement(database.db, fields);
  for (const user of [assignmentFm, ...assigned]) {
    await assign(database.db, user.id, { tenantId: entitlement.tenantId });
  }
  return entitlement;
}

async function snapshot(entitlementId: string) {
  const db = database.db;
  const segments = await db
    .select()
    .from(statusSegments)
    .where(eq(statusSegments.entitlementId, entitlementId));
  const history = await db.select().from(statusHistory).where(eq(statusHistory.entitlementId, entitlementId));
  const view = await getEntitlement(deps, systemActor, entitlementId);
  return { segments, history, version: view.version, updatedAt: view.updatedAt };
}

describe(setStatus.name, () => {
  it("stores the judged segments, bumps the version and appends one history row", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    const { entitlement: view } = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "api",
      requestId: "req-1",
    });

    expect(view.version).toBe(2);
    expect(view.blockedSeats).toBe(100);
    expect(view.updatedAt).toBe(deps.now().toISOString());
    expect(view.segments).toHaveLength(1);
    // Defaults from the scenario row are filled in by the rules and stored.
    expect(view.segments[0]).toMatchObject({
      l1: "blocked",
      owner: "Delivery FM",
      nextAction: "Kickoff Meeting",
    });
    expect(view.segments[0]?.l1Since).toBe(deps.now().toISOString());
    // The answer is built from what was written, not read back: it must be what a read gives.
    const { usageAssessment: _, ...read } = await getEntitlement(deps, systemActor, entitlement.id);
    expect(view).toEqual(read);

    const history = await getEntitlementHistory(deps, systemActor, entitlement.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actor: { id: assignmentFm.id, name: "Ada Assign", email: assignmentFm.email, role: "assignment_fm" },
      source: "api",
      requestId: "req-1",
      playbookVersion: deps.playbook.index.playbook.version,
      versionAfter: 2,
      before: { stage: "assignment", segments: [] },
      after: { stage: "assignment", segments: [{ l1: "blocked", seats: 100 }] },
    });
  });

  it("keeps l1Since for seats that stay in their L1 and starts it for seats that change L1", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    const first = new Date("2025-01-05T10:00:00.000Z");
    deps.setNow(first);
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "web",
    });
    const later = new Date("2025-02-01T10:00:00.000Z");
    deps.setNow(later);
    const { entitlement: view } = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 2,
      segments: [
        { ...blocked(70, "Blocked because the firewall drops the traffic."), splitReason: "geography" },
        { ...unknown(30), splitReason: "geography" },
      ],
      actor: assignmentFm,
      source: "web",
    });
    expect(view.segments.map((s) => [s.l1, s.seats, s.l1Since])).toEqual([
      ["blocked", 70, first.toISOString()],
      ["status_unknown", 30, later.toISOString()],
    ]);
    const history = await getEntitlementHistory(deps, systemActor, entitlement.id);
    expect(history.map((h) => h.versionAfter)).toEqual([3, 2]);
    expect(history[0]?.before.segments.map((s) => s.seats)).toEqual([100]);
  });
});

describe(`${setStatus.name}: refusals`, () => {
  it("refuses a status that breaks the rules and changes nothing", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "api",
    });
    const before = await snapshot(entitlement.id);

    const error = await caught(
      setStatus(deps, {
        entitlementId: entitlement.id,
        version: 2,
        // 90 seats of 100, and no L2: two violations at least.
        segments: [{ seats: 90, l1: "blocked", note: "Blocked because of the network." }],
        actor: assignmentFm,
        source: "api",
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.violations.map((v) => v.code)).toEqual(
      expect.arrayContaining(["l2_required", "seats_total_mismatch"]),
    );
    expect(await snapshot(entitlement.id)).toEqual(before);
  });

  it("refuses a Viewer, which only reads, naming who records the status", async () => {
    const viewer = await userFor("viewer");
    const entitlement = await entitlementFor({ availableSeats: 100 });
    const error = await caught(
      setStatus(deps, {
        entitlementId: entitlement.id,
        version: 1,
        segments: [blocked(100)],
        actor: viewer,
        source: "api",
      }),
    );
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/The Assignment FM assigned to the tenant records it/);
    expect((await snapshot(entitlement.id)).history).toHaveLength(0);
  });
});

describe(`${setStatus.name}: concurrent changes`, () => {
  it("answers a stale version with version_conflict and the current state, and changes nothing", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "api",
    });
    const before = await snapshot(entitlement.id);
    const error = await caught(
      setStatus(deps, {
        entitlementId: entitlement.id,
        version: 1,
        segments: [unknown(100)],
        actor: assignmentFm,
        source: "api",
      }),
    );
    expect(error.code).toBe("version_conflict");
    expect(error.detail.current).toMatchObject({
      id: entitlement.id,
      version: 2,
      segments: [{ l1: "blocked" }],
    });
    expect(await snapshot(entitlement.id)).toEqual(before);
  });

  it("lets exactly one of two concurrent changes of the same version land", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    const attempt = (segments: ProposedSegment[]) =>
      setStatus(deps, {
        entitlementId: entitlement.id,
        version: 1,
        segments,
        actor: assignmentFm,
        source: "api",
      });
    const results = await Promise.allSettled([attempt([blocked(100)]), attempt([unknown(100)])]);

    const landed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "version_conflict" });
    const after = await snapshot(entitlement.id);
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(1);
    expect(after.segments).toHaveLength(1);
  });
});

describe(`${setStatus.name}: stage, restatement, unknown ids`, () => {
  it("moves the entitlement to the delivery stage when asked", async () => {
    const deliveryFm = await userFor("delivery_fm");
    const entitlement = await entitlementFor({ availableSeats: 50 });
    const { entitlement: view } = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      stage: "delivery",
      segments: [
        {
          seats: 50,
          l1: "blocked",
          l2: "adoption_readiness",
          engagementScenario: "customer_led",
          targetDate: "2025-06-01",
          note: "Blocked because users are not ready for the change.",
        },
      ],
      actor: deliveryFm,
      source: "cli",
    });
    expect(view.stage).toBe("delivery");
    expect(view.segments[0]).toMatchObject({ targetDate: "2025-06-01", owner: "Account Team" });
  });

  it("writes nothing when the status is restated unchanged", async () => {
    const entitlement = await entitlementFor({ availableSeats: 100 });
    await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 1,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "api",
    });
    const { entitlement: view } = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: 2,
      segments: [blocked(100)],
      actor: assignmentFm,
      source: "api",
    });
    expect(view.version).toBe(2);
    expect((await snapshot(entitlement.id)).history).toHaveLength(1);
  });

  it("answers not_found for an unknown or malformed id", async () => {
    for (const entitlementId of ["00000000-0000-4000-8000-00000000abcd", "not-a-uuid"]) {
      const error = await caught(
        setStatus(deps, {
          entitlementId,
          version: 1,
          segments: [blocked(100)],
          actor: assignmentFm,
          source: "api",
        }),
      );
      expect(error.code).toBe("not_found");
    }
  });
});
