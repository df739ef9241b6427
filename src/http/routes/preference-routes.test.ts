import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

describe("preference routes", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database); // 2025-03-10 09:00 UTC
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const patch = (headers: Record<string, string>, payload: unknown) =>
    server.inject({ method: "PATCH", url: "/api/me/preferences", headers, payload: payload as object });

  it("starts from UTC, a daily digest and notices by mail, and changes only the fields given", async () => {
    const ann = await bearerFor(deps, await createUser(database.db, { role: "delivery_fm" }));
    const bob = await bearerFor(deps, await createUser(database.db, { role: "viewer" }));
    const initial = await server.inject({ method: "GET", url: "/api/me/preferences", headers: ann });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({
      timeZone: "UTC",
      timeZoneChosen: false,
      digest: "daily",
      noticeMail: true,
      language: null,
    });

    const zoned = await patch(ann, { timeZone: "pacific/auckland" });
    expect(zoned.json()).toEqual({
      timeZone: "Pacific/Auckland",
      timeZoneChosen: true,
      digest: "daily",
      noticeMail: true,
      language: null,
    });
    expect((await patch(ann, { digest: "weekly", noticeMail: false })).json()).toMatchObject({
      timeZone: "Pacific/Auckland",
      digest: "weekly",
      noticeMail: false,
    });
    // Her My work is judged on her calendar: 09:00 UTC on the 10th is 22:00 on the 10th in Auckland,
    // 23:00 on the 9th in Honolulu.
    const work = async () =>
      (await server.inject({ method: "GET", url: "/api/my-work", headers: ann })).json<{ today: string }>();
    expect(await work()).toMatchObject({ today: "2025-03-10", timeZone: "Pacific/Auckland" });
    await patch(ann, { timeZone: "Pacific/Honolulu" });
    expect(await work()).toMatchObject({
      today: "2025-03-09",
      weekEnds: "2025-03-09",
      timeZone: "Pacific/Honolulu",
    });
    // Each person's own: Bob's are untouched.
    expect((await server.inject({ method: "GET", url: "/api/me/preferences", headers: bob })).json()).toEqual(
      {
        timeZone: "UTC",
        timeZoneChosen: false,
        digest: "daily",
        noticeMail: true,
        language: null,
      },
    );
  });

  it("refuses an unknown time zone naming the field, a bad frequency, and no sign-in", async () => {
    const ann = await bearerFor(deps, await createUser(database.db, { role: "delivery_fm" }));
    const unknown = await patch(ann, { timeZone: "Mars/Olympus_Mons" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json()).toMatchObject({ errors: [{ field: "timeZone", code: "time_zone_unknown" }] });
    expect((await patch(ann, { timeZone: "+02:00" })).statusCode).toBe(422);
    const badDigest = await patch(ann, { digest: "hourly" });
    expect(badDigest.statusCode).toBe(400);
    expect(badDigest.json().errors[0].field).toBe("body.digest");
    expect((await patch(ann, { colour: "blue" })).statusCode).toBe(400);
    expect((await server.inject({ method: "GET", url: "/api/me/preferences" })).statusCode).toBe(401);
    expect((await patch({}, { digest: "off" })).statusCode).toBe(401);
  });
});
