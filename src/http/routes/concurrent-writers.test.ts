import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";

/**
 * Fifty writers on one service status, each reading the current version and
 * then writing its own note: every write lands or gets 409 with the current
 * state, the history holds exactly the writes that landed, each one's
 * "before" is the previous one's "after", and the final state is the last
 * landed write. Runs on PGlite, and on the server with DATABASE_URL set.
 */
describe("50 concurrent writers on one service status", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let headers: { authorization: string };
  let entitlementId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    const fm = await createUser(database.db, { role: "delivery_fm" });
    const entitlement = await createEntitlement(database.db, {
      serviceId: "teams",
      availableSeats: 500,
      stage: "delivery",
      segments: [
        {
          seats: 500,
          l1: "in_progress",
          scenarioId: "in_progress_delivery",
          serviceStatus: "assess",
          engagementScenario: "customer_led",
          targetDate: "2025-06-30",
          note: "Deploying; assessing the network.",
        },
      ],
    });
    entitlementId = entitlement.id;
    await assign(database.db, fm.id, { tenantId: entitlement.tenantId });
    headers = await bearerFor(deps, fm);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const noteOf = (writer: number) =>
    `Blocked: the proxy drops media traffic (writer ${writer}); clears when the proxy is replaced.`;

  interface Attempt {
    index: number;
    version: number;
    response: Awaited<ReturnType<FastifyInstance["inject"]>>;
  }

  /** One writer: reads the version, writes; on 409 it takes the current version from the answer and tries again. */
  async function writer(index: number, attempts: Attempt[]) {
    // Staggered starts: some writers read after others landed, so several land and many collide.
    await new Promise((resolve) => setTimeout(resolve, (index % 10) * 15));
    const current = await server.inject({
      method: "GET",
      url: `/api/entitlements/${entitlementId}`,
      headers,
    });
    let version = Number(String(current.headers.etag).replaceAll('"', ""));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await server.inject({
        method: "PUT",
        url: `/api/entitlements/${entitlementId}/status`,
        headers,
        payload: {
          version,
          segments: [
            {
              seats: 500,
              l1: "blocked",
              l2: "customer_it_infrastructure_remediation",
              targetDate: "2025-05-30",
              note: noteOf(index),
            },
          ],
        },
      });
      attempts.push({ index, version, response });
      if (response.statusCode !== 409) return;
      version = response.json().current.version;
    }
  }

  it("lands or refuses each write, keeps every landed one in the history, and loses none", async () => {
    const results: Attempt[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, index) => writer(index, results)));
    const statuses = results.map((result) => result.response.statusCode);
    expect(
      statuses.every((status) => status === 200 || status === 409),
      statuses.join(","),
    ).toBe(true);

    const landed = results.filter((result) => result.response.statusCode === 200);
    const refused = results.filter((result) => result.response.statusCode === 409);
    expect(landed.length).toBeGreaterThanOrEqual(1);
    for (const result of refused) {
      const body = result.response.json();
      expect(body.code).toBe("version_conflict");
      expect(body.current.version).toBeGreaterThan(result.version);
      // What the editor shows: "changed by X at T: review and retry".
      expect(body.changedBy).toMatchObject({ role: "delivery_fm" });
      expect(body.detail).toMatch(/changed by User .+ at \d+ \w+ \d{4}, \d\d:\d\d UTC \(version/);
    }
    // Each landed write made exactly one new version, from the version it read.
    const landedVersions = landed.map((result) => result.response.json().version).sort((a, b) => a - b);
    expect(landedVersions).toEqual(landed.map((_, position) => position + 2));
    for (const result of landed) expect(result.response.json().version).toBe(result.version + 1);

    const history = (
      await server.inject({ method: "GET", url: `/api/entitlements/${entitlementId}/history`, headers })
    ).json().items as {
      versionAfter: number;
      before: { segments: { note: string }[] };
      after: { segments: { note: string }[] };
    }[];
    expect(history).toHaveLength(landed.length);
    const oldestFirst = [...history].sort((a, b) => a.versionAfter - b.versionAfter);
    const landedNotes = new Map(
      landed.map((result) => [result.response.json().version, noteOf(result.index)]),
    );
    oldestFirst.forEach((entry, position) => {
      expect(entry.after.segments[0]?.note).toBe(landedNotes.get(entry.versionAfter));
      // No lost update: every change started from the state the previous one left.
      if (position > 0) expect(entry.before).toEqual(oldestFirst[position - 1]!.after);
    });

    const final = (
      await server.inject({ method: "GET", url: `/api/entitlements/${entitlementId}`, headers })
    ).json();
    expect(final.version).toBe(1 + landed.length);
    expect(final.segments[0].note).toBe(landedNotes.get(final.version));
  });
});
