import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { type Access, type Action, authorize } from "../../domain/policy/authorize.ts";
import { policyContextOf } from "../../domain/policy/policy-context.ts";
import { knownRoles } from "../../domain/policy/role-grants.ts";
import { buildServer } from "../build-server.ts";

/**
 * The permission matrix checked through the HTTP API: for every role, every
 * action and every way of being assigned to the target tenant, the answer the
 * server gives (2xx, 403, 404) must be the one the policy module decides.
 * The policy's own matrix is written out by hand in authorize.test.ts; this
 * proves every route asks it with the right facts.
 */

const context = policyContextOf(defaultPlaybook());

const relations: Record<string, Access> = {
  none: { via: "none", primary: false },
  tenant: { via: "tenant", primary: false },
  "tenant*": { via: "tenant", primary: true },
  customer: { via: "customer", primary: false },
  "customer*": { via: "customer", primary: true },
};

/** A customer with one tenant, one entitlement per stage, and the actor assigned as the relation says. */
interface Place {
  customerId: string;
  tenantId: string;
  assignmentStage: string;
  deliveryStage: string;
}

const future = "2025-05-30";

const inProgressDelivery = {
  seats: 1000,
  l1: "in_progress",
  scenarioId: "in_progress_delivery",
  serviceStatus: "assess",
  engagementScenario: "customer_led_with_ftp_assist",
  targetDate: future,
  note: "Deploying; at assessment of the network.",
};

const blockedInAssignment = {
  version: 1,
  segments: [
    {
      seats: 1000,
      l1: "blocked",
      l2: "customer_it_infrastructure_remediation",
      engagementScenario: "customer_led",
      note: "Blocked because the VPN devices cannot carry Exchange traffic.",
      nextActionDate: "2025-03-20",
    },
  ],
};

const blockedInDelivery = {
  version: 1,
  segments: [
    {
      seats: 1000,
      l1: "blocked",
      l2: "app_compatibility",
      targetDate: future,
      note: "Blocked: the claims app is not certified for Teams; clears when the vendor ships its update.",
    },
  ],
};

interface Probe {
  action: Action;
  request(place: Place): { method: "GET" | "POST" | "PUT"; url: string; payload?: object };
  /** For actions with no route of their own: read the answer from /api/me's permissions. */
  viaPermission?: string;
}

let emailCounter = 0;
let assigneeId = "";

const probes: Record<string, Probe> = {
  read: {
    action: { type: "tenant.read" },
    request: (place) => ({ method: "GET", url: `/api/entitlements/${place.deliveryStage}` }),
  },
  "read.tenant": {
    action: { type: "tenant.read" },
    request: (place) => ({ method: "GET", url: `/api/tenants/${place.tenantId}` }),
  },
  "read.history": {
    action: { type: "tenant.read" },
    request: (place) => ({ method: "GET", url: `/api/entitlements/${place.assignmentStage}/history` }),
  },
  "write.assignment": {
    action: { type: "status.write", stage: "assignment" },
    request: (place) => ({
      method: "PUT",
      url: `/api/entitlements/${place.assignmentStage}/status`,
      payload: blockedInAssignment,
    }),
  },
  "write.delivery": {
    action: { type: "status.write", stage: "delivery" },
    request: (place) => ({
      method: "PUT",
      url: `/api/entitlements/${place.deliveryStage}/status`,
      payload: blockedInDelivery,
    }),
  },
  "assign.tenant": {
    action: { type: "assignments.manage", level: "tenant" },
    request: (place) => ({
      method: "POST",
      url: "/api/assignments",
      payload: { userId: assigneeId, tenantId: place.tenantId },
    }),
  },
  "assign.customer": {
    action: { type: "assignments.manage", level: "customer" },
    request: (place) => ({
      method: "POST",
      url: "/api/assignments",
      payload: { userId: assigneeId, customerId: place.customerId },
    }),
  },
  reports: {
    action: { type: "reports.read", rows: false },
    request: () => ({ method: "GET", url: "/api/reports/blocked-by-l2-service" }),
  },
  "reports.rows": {
    action: { type: "reports.read", rows: true },
    request: () => ({ method: "GET", url: "/api/reports/overdue-next-actions" }),
  },
  "users.manage": {
    action: { type: "users.manage" },
    request: () => ({
      method: "POST",
      url: "/api/users",
      payload: { email: `made-${++emailCounter}@example.test`, name: "Made In Matrix", role: "viewer" },
    }),
  },
  "audit.export": {
    action: { type: "audit.export" },
    request: () => ({ method: "GET", url: "/api/audit/export?format=json" }),
  },
  "playbook.edit": {
    action: { type: "playbook.edit" },
    // The playbook is a file loaded at start: there is no edit route, only the permission the app shows.
    request: () => ({ method: "GET", url: "/api/me" }),
    viaPermission: "playbook.edit",
  },
};

function letterOf(response: LightMyRequestResponse, probe: Probe): string {
  if (probe.viaPermission) {
    return (response.json().permissions as string[]).includes(probe.viaPermission) ? "A" : "F";
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return "A";
  if (response.statusCode === 403) return "F";
  if (response.statusCode === 404) return "H";
  return `?${response.statusCode}`;
}

function expectedLetter(role: string, action: Action, access: Access): string {
  const decision = authorize(context, role, action, access);
  if (decision.allowed) return "A";
  return decision.concealed ? "H" : "F";
}

describe("permission matrix through the HTTP API", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    assigneeId = (await createUser(database.db, { role: "viewer" })).id;
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  async function placeFor(actor: Actor, access: Access): Promise<Place> {
    const customer = await createCustomer(database.db);
    const tenant = await createTenant(database.db, { customerId: customer.id });
    const assignmentStage = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "exchange",
      availableSeats: 1000,
      stage: "assignment",
    });
    const deliveryStage = await createEntitlement(database.db, {
      tenantId: tenant.id,
      serviceId: "teams",
      stage: "delivery",
      segments: [inProgressDelivery],
    });
    if (access.via !== "none") {
      const target = access.via === "tenant" ? { tenantId: tenant.id } : { customerId: customer.id };
      await assign(database.db, actor.id, target, { primary: access.primary });
    }
    return {
      customerId: customer.id,
      tenantId: tenant.id,
      assignmentStage: assignmentStage.id,
      deliveryStage: deliveryStage.id,
    };
  }

  const versionOf = async (entitlementId: string) =>
    (await database.execute("select version from entitlements where id = $1", [entitlementId])).rows[0]
      ?.version;

  for (const role of knownRoles) {
    it(`answers ${role} as the policy decides, for every action and assignment`, async () => {
      const actor = await createUser(database.db, { role });
      const headers = await bearerFor(deps, actor);
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [relationName, access] of Object.entries(relations)) {
        const place = await placeFor(actor, access);
        for (const [name, probe] of Object.entries(probes)) {
          const response = await server.inject({ ...probe.request(place), headers });
          const letter = letterOf(response, probe);
          actual[name] = (actual[name] ?? "") + letter;
          expected[name] = (expected[name] ?? "") + expectedLetter(role, probe.action, access);
          if (letter.startsWith("?")) throw new Error(`${role} ${name} ${relationName}: ${response.body}`);
        }
        // A refused status write changed nothing; an allowed one landed once.
        for (const [stage, id] of [
          ["assignment", place.assignmentStage],
          ["delivery", place.deliveryStage],
        ] as const) {
          const allowed = expectedLetter(role, { type: "status.write", stage }, access) === "A";
          expect(await versionOf(id), `${role} ${stage} ${relationName}`).toBe(allowed ? 2 : 1);
        }
      }
      expect(actual).toEqual(expected);
    });
  }
});
