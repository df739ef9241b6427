import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { statusSegments } from "../../db/schema.ts";
import { AppError } from "../../domain/app-error.ts";
import type { ProposedSegmentWithOwner } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { getEntitlement } from "./get-entitlement.ts";
import { getEntitlementHistory } from "./get-entitlement-history.ts";
import { getOwnerChoices } from "./get-owner-choices.ts";
import { listEntitlements } from "./list-entitlements.ts";
import { setStatus } from "./set-status.ts";

const blockedAssignment = (owner: Partial<ProposedSegmentWithOwner> = {}): ProposedSegmentWithOwner => ({
  seats: 100,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  engagementScenario: "customer_led",
  note: "Blocked because the VPN devices cannot carry Exchange traffic.",
  nextActionDate: "2025-03-20",
  ...owner,
});
const blockedDelivery = (owner: Partial<ProposedSegmentWithOwner> = {}): ProposedSegmentWithOwner => ({
  seats: 100,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  targetDate: "2025-06-30",
  note: "Blocked because the VPN devices cannot carry Exchange traffic.",
  ...owner,
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
let deps: AppDeps;
let customerId: string;
const people: Record<string, Actor> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  const customer = await createCustomer(db, { name: "Contoso" });
  customerId = customer.id;
  people.ana = await createUser(db, { role: "account_team", name: "Ana Lopez", email: "ana@x.test" });
  people.bo = await createUser(db, { role: "account_team", name: "Bo Chen", email: "bo@x.test" });
  people.dee = await createUser(db, { role: "delivery_fm", name: "Dee Delivery", email: "dee@x.test" });
  people.asa = await createUser(db, { role: "assignment_fm", name: "Asa Assign", email: "asa@x.test" });
  people.out = await createUser(db, { role: "delivery_fm", name: "Olu Outside", email: "olu@x.test" });
  people.twin1 = await createUser(db, { role: "account_team", name: "Sam Twin", email: "sam1@x.test" });
  people.twin2 = await createUser(db, { role: "account_team", name: "Sam Twin", email: "sam2@x.test" });
  for (const key of ["ana", "dee", "asa", "twin1", "twin2"]) {
    await assign(db, people[key]!.id, { customerId: customer.id });
  }
});
afterAll(() => database.close());

/** A new tenant of the customer, with Bo assigned to the tenant only, Ana to it and its customer. */
async function freshEntitlement() {
  const { id: tenantId } = await createTenant(database.db, { customerId });
  await assign(database.db, people.bo!.id, { tenantId });
  await assign(database.db, people.ana!.id, { tenantId });
  return createEntitlement(database.db, { tenantId, serviceId: "exchange", availableSeats: 100 });
}

async function write(actor: Actor, segment: ProposedSegmentWithOwner, stage?: "assignment" | "delivery") {
  const entitlement = await freshEntitlement();
  return setStatus(deps, {
    entitlementId: entitlement.id,
    version: 1,
    stage,
    segments: [segment],
    actor,
    source: "api",
  });
}

describe("owners written as text resolve to a team, a person or unresolved text", () => {
  it("stores the scenario row's default owner (Delivery FM) as the team, shown with its people", async () => {
    const { entitlement } = await write(people.asa!, blockedAssignment());
    const [row] = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, entitlement.id));
    expect(row).toMatchObject({ owner: "Delivery FM", ownerTeam: "delivery_fm", ownerUserId: null });
    const view = await getEntitlement(deps, systemActor, entitlement.id);
    expect(view.segments[0]!.ownerResolved).toMatchObject({
      kind: "team",
      display: "Delivery FM: Dee Delivery",
      people: [{ name: "Dee Delivery", email: "dee@x.test" }],
    });
    expect(entitlement.segments[0]!.ownerResolved).toEqual(view.segments[0]!.ownerResolved);
  });

  it.each([
    ["account_team", { kind: "team", role: "account_team" }, "Account Team"],
    ["ana@X.test", { kind: "person", userId: "ana" }, "Ana Lopez"],
    ["bo chen", { kind: "person", userId: "bo" }, "Bo Chen"],
    ["Sam Twin", null, "Sam Twin"],
    ["The Steering Committee", null, "The Steering Committee"],
  ] as const)("%s resolves to %j", async (text, ref, name) => {
    const { entitlement } = await write(people.asa!, blockedAssignment({ owner: text }));
    const view = await getEntitlement(deps, systemActor, entitlement.id);
    const expected = ref?.kind === "person" ? { ...ref, userId: people[ref.userId]!.id } : ref;
    expect(view.segments[0]!.ownerRef).toEqual(expected);
    expect(view.segments[0]!.owner).toBe(name);
    expect(view.segments[0]!.ownerResolved?.kind).toBe(ref ? ref.kind : "text");
  });
});

describe("a person owner must be assigned to the tenant or its customer", () => {
  it("refuses an unassigned person with 422 naming the field, the rule and who may be chosen", async () => {
    for (const segment of [
      blockedAssignment({ ownerRef: { kind: "person", userId: people.out!.id } }),
      blockedAssignment({ owner: "olu@x.test" }),
    ]) {
      const error = await caught(write(people.asa!, segment));
      expect(error.code).toBe("validation_failed");
      expect(error.violations).toEqual([
        expect.objectContaining({ field: "segments.0.owner", code: "owner_not_assigned" }),
      ]);
      expect(error.detail.instead).toEqual(
        expect.arrayContaining(["Account Team (team)", "Ana Lopez <ana@x.test>"]),
      );
      expect(error.detail.instead).not.toContain("Olu Outside <olu@x.test>");
    }
  });

  it("takes a structured person or team and records the owner as resolved in history", async () => {
    const { entitlement } = await write(
      people.asa!,
      blockedAssignment({ ownerRef: { kind: "person", userId: people.bo!.id } }),
    );
    expect(entitlement.segments[0]).toMatchObject({
      owner: "Bo Chen",
      ownerRef: { kind: "person", userId: people.bo!.id },
    });
    const [latest] = await getEntitlementHistory(deps, systemActor, entitlement.id);
    expect(latest!.after.segments[0]).toMatchObject({
      ownerRef: { kind: "person", userId: people.bo!.id },
      ownerResolved: { kind: "person", name: "Bo Chen", email: "bo@x.test" },
    });
    const team = await caught(
      write(people.asa!, blockedAssignment({ ownerRef: { kind: "team", role: "wizards" } })),
    );
    expect(team.violations[0]).toMatchObject({ field: "segments.0.ownerRef", code: "owner_team_unknown" });
  });
});

describe("stage change from Assignment to Delivery", () => {
  it("lets the customer's Delivery FM record it; Blocked shows the account team by name", async () => {
    const { entitlement } = await write(people.asa!, blockedAssignment());
    const moved = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: entitlement.version,
      stage: "delivery",
      segments: [blockedDelivery()],
      actor: people.dee!,
      source: "api",
    });
    expect(moved.entitlement.stage).toBe("delivery");
    const view = await getEntitlement(deps, systemActor, entitlement.id);
    expect(view.segments[0]!.ownerRef).toEqual({ kind: "team", role: "account_team" });
    expect(view.segments[0]!.ownerResolved?.display).toBe(
      "Account Team: Ana Lopez, Bo Chen, Sam Twin, Sam Twin",
    );
    const kept = await setStatus(deps, {
      entitlementId: entitlement.id,
      version: view.version,
      segments: [blockedDelivery({ ownerRef: { kind: "team", role: "delivery_fm" } })],
      actor: people.dee!,
      source: "api",
    });
    expect(kept.entitlement.segments[0]!.ownerResolved?.display).toBe("Delivery FM: Dee Delivery");
    const refused = await caught(
      setStatus(deps, {
        entitlementId: entitlement.id,
        version: kept.entitlement.version,
        segments: [blockedDelivery()],
        actor: people.out!,
        source: "api",
      }),
    );
    expect(refused.code).toBe("forbidden");
  });
});

describe("the list filters owners", () => {
  it("matches a person by id or email, a team, text, and unresolved text owners", async () => {
    const ana = (await write(people.asa!, blockedAssignment({ owner: "ana@x.test" }))).entitlement.id;
    const text = (await write(people.asa!, blockedAssignment({ owner: "Nobody Known" }))).entitlement.id;
    const ids = async (filter: Parameters<typeof listEntitlements>[2]) =>
      (await listEntitlements(deps, systemActor, { ...filter, customerId, limit: 500 })).items.map(
        (item) => item.id,
      );
    expect(await ids({ owner: people.ana!.id })).toContain(ana);
    expect(await ids({ owner: "ANA@x.test" })).toContain(ana);
    expect(await ids({ owner: "ana@x.test" })).not.toContain(text);
    expect(await ids({ owner: "delivery_fm" })).not.toContain(ana);
    expect(await ids({ owner: "nobody known" })).toEqual([text]);
    const unresolved = await ids({ ownerUnresolved: true });
    expect(unresolved).toContain(text);
    expect(unresolved).not.toContain(ana);
  });
});

describe(getOwnerChoices.name, () => {
  it("offers the teams first, then the people assigned here, then the others", async () => {
    const entitlement = await freshEntitlement();
    const choices = await getOwnerChoices(deps, systemActor, entitlement.id);
    expect(choices.teams.slice(0, 2).map((team) => team.name)).toEqual(["Delivery FM", "Account Team"]);
    expect(choices.teams[1]!.people.map((person) => person.name)).toEqual([
      "Ana Lopez",
      "Bo Chen",
      "Sam Twin",
      "Sam Twin",
    ]);
    expect(choices.assigned.map((person) => person.email)).toContain("bo@x.test");
    expect(choices.others.map((person) => person.email)).toContain("olu@x.test");
    expect(choices.others.map((person) => person.email)).not.toContain("ana@x.test");
  });
});
