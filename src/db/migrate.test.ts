import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/test-database.ts";
import type { Database } from "./client.ts";

describe("status_history", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.execute(
      "insert into services (id, name, code, family) values ('teams', 'Teams', 'TEAMS', 'o365')",
    );
    await database.execute(
      "insert into customers (id, external_id, name) values ('00000000-0000-4000-8000-000000000001', 'C1', 'Contoso')",
    );
    await database.execute(
      "insert into tenants (id, customer_id, name, domain) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Contoso', 'contoso.example')",
    );
    await database.execute(
      "insert into entitlements (id, tenant_id, service_id, available_seats) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'teams', 10)",
    );
    await database.execute(
      "insert into status_history (entitlement_id, actor_role, source, playbook_version, version_after, before, after) values ('00000000-0000-4000-8000-000000000003', 'delivery_fm', 'test', '1.0.0', 2, '[]', '[]')",
    );
  });
  afterAll(() => database.close());

  it("refuses UPDATE of a history row", async () => {
    await expect(database.execute("update status_history set actor_role = 'admin'")).rejects.toThrow(
      /append-only/,
    );
  });

  it("refuses DELETE of a history row", async () => {
    await expect(database.execute("delete from status_history")).rejects.toThrow(/append-only/);
    const { rows } = await database.execute("select count(*)::int as n from status_history");
    expect(rows[0]?.n).toBe(1);
  });

  it("refuses TRUNCATE of the history", async () => {
    await expect(database.execute("truncate status_history")).rejects.toThrow(/append-only/);
  });
});
