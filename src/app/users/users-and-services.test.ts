import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { listServiceRows } from "../../db/repositories/service-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { syncServices } from "../playbook/sync-services.ts";
import { ensureUser, findUserByEmail, findUserById, listUsers } from "./find-user.ts";

describe("users and the service catalogue", () => {
  let database: Database;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
  });
  afterAll(() => database.close());

  it("copies every playbook service into the catalogue, and renames on a second sync", async () => {
    const { services } = await syncServices(deps);
    const rows = await listServiceRows(database.db);
    const expected = deps.playbook.index.services();
    expect(services).toBe(expected.length);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(rows.find((r) => r.id === "exchange")).toMatchObject({ code: "EXO", family: "office_365" });

    const renamed = structuredClone(deps.playbook.index.playbook);
    renamed.serviceFamilies[0]!.services[0]!.name = "Exchange Online";
    const { indexPlaybook } = await import("../../domain/playbook/playbook-index.ts");
    await syncServices({ ...deps, playbook: { ...deps.playbook, index: indexPlaybook(renamed) } });
    expect((await listServiceRows(database.db)).find((r) => r.id === "exchange")?.name).toBe(
      "Exchange Online",
    );
  });

  it("creates a user once and finds it by email in any case", async () => {
    const created = await ensureUser(deps, {
      email: "Dee.Fm@Example.test",
      name: "Dee",
      role: "Delivery FM",
    });
    expect(created).toMatchObject({ email: "dee.fm@example.test", role: "delivery_fm" });
    const again = await ensureUser(deps, {
      email: "dee.fm@example.test",
      name: "Dee Liver",
      role: "delivery_fm",
    });
    expect(again.id).toBe(created.id);
    expect(await findUserByEmail(deps, "DEE.FM@example.test")).toMatchObject({
      id: created.id,
      name: "Dee Liver",
    });
    expect(await findUserById(deps, created.id)).toMatchObject({ email: "dee.fm@example.test" });
    expect(await findUserByEmail(deps, "nobody@example.test")).toBeNull();
    expect(await findUserById(deps, "not-an-id")).toBeNull();
    expect((await listUsers(deps)).map((u) => u.email)).toContain("dee.fm@example.test");
  });

  it("refuses a role the playbook does not define", async () => {
    await expect(
      ensureUser(deps, { email: "x@example.test", name: "X", role: "wizard" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [{ field: "role", code: "role_unknown" }],
    });
    expect(await findUserByEmail(deps, "x@example.test")).toBeNull();
  });
});
