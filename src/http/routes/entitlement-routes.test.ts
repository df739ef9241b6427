import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";
import {
  entitlementDetailSchema,
  entitlementPageSchema,
  entitlementViewSchema,
} from "../schemas/entitlements.ts";

// testNow is 2025-03-10: dates below are relative to it.
const future = "2025-05-30";
const past = "2025-03-01";

describe("PUT /api/entitlements/:id/status", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let deliveryFm: string;
  let assignmentFm: string;
  let accountTeam: string;
  /** Sign-in headers (an API token) per email; every user is assigned to each test's tenant. */
  const headersOf = new Map<string, { authorization: string }>();
  const userIds: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    for (const role of ["delivery_fm", "assignment_fm", "account_team"]) {
      const user = await createUser(database.db, { role });
      headersOf.set(user.email, await bearerFor(deps, user));
      userIds.push(user.id);
      if (role === "delivery_fm") deliveryFm = user.email;
      if (role === "assignment_fm") assignmentFm = user.email;
      if (role === "account_team") accountTeam = user.email;
    }
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  let entitlementId: string;
  let tenantId: string;
  beforeEach(async () => {
    const entitlement = await createEntitlement(database.db, {
      serviceId: "teams",
      availableSeats: 1000,
      stage: "delivery",
      segments: [
        {
          seats: 1000,
          l1: "in_progress",
          scenarioId: "in_progress_delivery",
          serviceStatus: "assess",
          engagementScenario: "customer_led_with_ftp_assist",
          targetDate: future,
          note: "Deploying; at assessment of the network.",
        },
      ],
    });
    entitlementId = entitlement.id;
    tenantId = entitlement.tenantId;
    for (const userId of userIds) await assign(database.db, userId, { tenantId: entitlement.tenantId });
  });

  const blockedDelivery = (overrides: Record<string, unknown> = {}) => ({
    seats: 1000,
    l1: "blocked",
    l2: "app_compatibility",
    targetDate: future,
    note: "Blocked: the claims LOB app is not certified for Teams; clears when the vendor ships its update.",
    ...overrides,
  });

  const put = (body: unknown, as: string = deliveryFm) =>
    server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: headersOf.get(as)!,
      payload: body as Record<string, unknown>,
    });

  const history = async () =>
    (
      await server.inject({
        method: "GET",
        url: `/api/entitlements/${entitlementId}/history`,
        headers: headersOf.get(deliveryFm)!,
      })
    ).json().items;

  async function expectNothingChanged() {
    const current = (
      await server.inject({
        method: "GET",
        url: `/api/entitlements/${entitlementId}`,
        headers: headersOf.get(deliveryFm)!,
      })
    ).json();
    expect(current.version).toBe(1);
    expect(current.segments.map((s: { l1: string }) => s.l1)).toEqual(["in_progress"]);
    expect(await history()).toHaveLength(0);
  }

  function expectViolation(response: Awaited<ReturnType<typeof put>>, field: string, code: string) {
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors).toContainEqual(expect.objectContaining({ field, code }));
  }

  it("answers a write and lists views that match the published schema exactly, no key missing or extra", async () => {
    const written = await put({ version: 1, segments: [blockedDelivery()] });
    expect(written.statusCode).toBe(200);
    expect(written.headers["content-type"]).toMatch(/^application\/json/);
    // The write's answer is built from what was written, not read back: it must be what a read gives.
    expect(entitlementViewSchema.parse(written.json())).toEqual(written.json());
    const response = await server.inject({
      method: "GET",
      url: `/api/entitlements?tenantId=${tenantId}&limit=5`,
      headers: headersOf.get(deliveryFm)!,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = response.json();
    expect(body.items).toHaveLength(1);
    // parse drops keys the schema does not know and throws on missing or mistyped ones.
    expect(entitlementPageSchema.parse(body)).toEqual(body);
    // The count beside the list takes the same filters and ignores paging.
    const count = await server.inject({
      method: "GET",
      url: `/api/entitlements/count?tenantId=${tenantId}&sort=customer`,
      headers: headersOf.get(deliveryFm)!,
    });
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ count: 1, exact: true });
    const refused = await server.inject({
      method: "GET",
      url: "/api/entitlements/count?limit=5",
      headers: headersOf.get(deliveryFm)!,
    });
    expect(refused.statusCode).toBe(400);
    const single = await server.inject({
      method: "GET",
      url: `/api/entitlements/${entitlementId}`,
      headers: headersOf.get(deliveryFm)!,
    });
    // The single read adds the playbook's reading of the usage to the same view.
    expect(entitlementDetailSchema.parse(single.json())).toEqual(single.json());
    const { usageAssessment, ...view } = single.json();
    expect(usageAssessment).toMatchObject({ activeSeats: null, contradictions: [] });
    expect(body.items[0]).toEqual(view);
    expect(written.json()).toEqual(view);
  });

  it("answers bad list filters with 400 or 422 problem+json naming the parameter and the rule", async () => {
    const cases: [string, number, string, RegExp][] = [
      ["usageShareMin=lots", 400, "querystring.usageShareMin", /number/],
      ["usageShareMax=-3", 400, "querystring.usageShareMax", /0 or more/],
      ["contradiction=sometimes", 400, "querystring.contradiction", /./],
      ["ended=yesterday", 400, "querystring.ended", /./],
      ["resplitNeeded=maybe", 400, "querystring.resplitNeeded", /./],
      ["sort=usage", 400, "querystring.sort", /./],
      ["usageShareMin=20&usageShareMax=5", 422, "usageShareMin", /above the highest/],
    ];
    for (const [query, status, field, message] of cases) {
      const response = await server.inject({
        method: "GET",
        url: `/api/entitlements?${query}`,
        headers: headersOf.get(deliveryFm)!,
      });
      expect(response.statusCode, query).toBe(status);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
      const error = response.json().errors[0];
      expect(error.field, query).toBe(field);
      expect(error.message, query).toMatch(message);
    }
  });

  it("stores a valid Delivery Blocked change with its history row", async () => {
    const response = await put({ version: 1, segments: [blockedDelivery()] });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.version).toBe(2);
    expect(response.headers.etag).toBe('"2"');
    expect(body.segments[0]).toMatchObject({
      l1: "blocked",
      l2: "app_compatibility",
      targetDate: future,
      owner: "Account Team",
      engagementScenario: "customer_led_with_ftp_assist",
      scenarioId: "blocked_delivery",
    });
    expect(body.blockedSeats).toBe(1000);
    const items = await history();
    expect(items).toHaveLength(1);
    expect(items[0].actor.email).toBe(deliveryFm);
    expect(items[0].before.segments[0].l1).toBe("in_progress");
    expect(items[0].after.segments[0].l2).toBe("app_compatibility");
  });

  it("refuses Blocked without a target date in Delivery", async () => {
    expectViolation(
      await put({ version: 1, segments: [blockedDelivery({ targetDate: null })] }),
      "segments.0.targetDate",
      "target_date_required",
    );
    await expectNothingChanged();
  });

  it("refuses a past target date in Delivery", async () => {
    expectViolation(
      await put({ version: 1, segments: [blockedDelivery({ targetDate: past })] }),
      "segments.0.targetDate",
      "target_date_past",
    );
    await expectNothingChanged();
  });

  it("refuses an L2 from another L1", async () => {
    const response = await put({ version: 1, segments: [blockedDelivery({ l2: "executive_sponsorship" })] });
    expectViolation(response, "segments.0.l2", "l2_unknown");
    await expectNothingChanged();
  });

  it("refuses a Blocked note that only repeats the status, with the linter's hint, and writes nothing", async () => {
    const response = await put({ version: 1, segments: [blockedDelivery({ note: "Blocked." })] });
    expectViolation(response, "segments.0.note", "note_too_poor");
    expect(response.json().errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining("say what blocks deployment") }),
    ]);
    await expectNothingChanged();
  });

  it("refuses keyboard text as a Blocked note with note_too_poor, and writes nothing", async () => {
    const response = await put({ version: 1, segments: [blockedDelivery({ note: "asdf qwerty" })] });
    expectViolation(response, "segments.0.note", "note_too_poor");
    await expectNothingChanged();
  });

  it("refuses an empty note", async () => {
    expectViolation(
      await put({ version: 1, segments: [blockedDelivery({ note: "  " })] }),
      "segments.0.note",
      "note_required",
    );
    await expectNothingChanged();
  });

  it("refuses a target date in the Assignment stage", async () => {
    const response = await put(
      {
        version: 1,
        stage: "assignment",
        segments: [
          blockedDelivery({ engagementScenario: "customer_led", nextActionDate: future, targetDate: future }),
        ],
      },
      assignmentFm,
    );
    expectViolation(response, "segments.0.targetDate", "target_date_forbidden");
    await expectNothingChanged();
  });

  it("refuses segments that do not total the seats, and changes nothing", async () => {
    const response = await put({
      version: 1,
      segments: [
        blockedDelivery({ seats: 600, splitReason: "geography" }),
        {
          seats: 300,
          l1: "in_progress",
          serviceStatus: "assess",
          engagementScenario: "customer_led_with_ftp_assist",
          targetDate: future,
          note: "Deploying in the head office; at assessment.",
          splitReason: "geography",
        },
      ],
    });
    expectViolation(response, "segments", "seats_total_mismatch");
    expect(
      response.json().errors.find((e: { code: string }) => e.code === "seats_total_mismatch").message,
    ).toMatch(/900.*1,000/);
    await expectNothingChanged();
  });

  it("refuses the Account Team recording Blocked, saying who may", async () => {
    const response = await put({ version: 1, segments: [blockedDelivery()] }, accountTeam);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "forbidden", rule: "stage_writer" });
    expect(response.json().detail).toMatch(/Delivery stage.*the Delivery FM/);
    await expectNothingChanged();
  });

  it("answers a stale version with 409 and the current state", async () => {
    expect((await put({ version: 1, segments: [blockedDelivery()] })).statusCode).toBe(200);
    const stale = await put({ version: 1, segments: [blockedDelivery({ l2: "service_reliability" })] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    expect(stale.json().current.version).toBe(2);
    expect(stale.json().current.segments[0].l2).toBe("app_compatibility");
  });

  it("answers malformed input with 400 naming the field, never 500", async () => {
    const cases: unknown[] = [
      { version: 1, segments: [] },
      { version: "one", segments: [blockedDelivery()] },
      { version: 1, segments: [blockedDelivery({ seats: -5 })] },
      { version: 1, segments: [blockedDelivery({ colour: "red" })] },
      { segments: [blockedDelivery()] },
    ];
    for (const body of cases) {
      const response = await put(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.length).toBeGreaterThan(0);
      expect(response.json().errors[0].field).toMatch(/^body/);
    }
    const invalidJson = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: { "content-type": "application/json", ...headersOf.get(deliveryFm)! },
      payload: "{not json",
    });
    expect(invalidJson.statusCode).toBe(400);
    expect(invalidJson.headers["content-type"]).toMatch(/problem\+json/);
    await expectNothingChanged();
  });

  it("answers an unknown entitlement with 404 and a bad id with 400", async () => {
    const missing = await server.inject({
      method: "PUT",
      url: "/api/entitlements/00000000-0000-4000-8000-00000000dead/status",
      headers: headersOf.get(deliveryFm)!,
      payload: { version: 1, segments: [blockedDelivery()] },
    });
    expect(missing.statusCode).toBe(404);
    const bad = await server.inject({
      method: "GET",
      url: "/api/entitlements/not-a-uuid",
      headers: headersOf.get(deliveryFm)!,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("params.id");
  });
});
