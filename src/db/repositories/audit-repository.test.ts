import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { appendAudit, auditEntries } from "./audit-repository.ts";

describe("audit_log", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    const admin = await createUser(database.db, { role: "admin", email: "root@example.test" });
    await appendAudit(database.db, {
      at: new Date("2025-03-10T09:00:00.000Z"),
      actor: { id: admin.id, email: admin.email, role: "admin" },
      source: "api",
      action: "user.create",
      targetType: "user",
      targetId: admin.id,
      before: null,
      after: { role: "delivery_fm" },
      requestId: "req-1",
    });
  });
  afterAll(() => database.close());

  it("refuses UPDATE of an audit row", async () => {
    await expect(database.execute("update audit_log set actor_role = 'viewer'")).rejects.toThrow(
      /append-only/,
    );
    const { rows } = await database.execute("select actor_role from audit_log");
    expect(rows).toEqual([{ actor_role: "admin" }]);
  });

  it("refuses DELETE of an audit row", async () => {
    await expect(database.execute("delete from audit_log")).rejects.toThrow(/append-only/);
    const { rows } = await database.execute("select count(*)::int as n from audit_log");
    expect(rows[0]?.n).toBe(1);
  });

  it("refuses TRUNCATE of the audit log", async () => {
    await expect(database.execute("truncate audit_log")).rejects.toThrow(/append-only/);
  });

  it("merges status changes into the trail, oldest first, and pages without repeats", async () => {
    const entitlement = await createEntitlement(database.db);
    for (const minute of [1, 2, 3]) {
      await database.execute(
        `insert into status_history (entitlement_id, at, actor_role, source, playbook_version, version_after, before, after)
         values ($1, $2, 'delivery_fm', 'api', '1.0.0', $3, '{}', '{}')`,
        [entitlement.id, `2025-03-10T09:0${minute}:00.000123Z`, minute + 1],
      );
    }
    const query = { from: null, to: null, action: null, actorEmail: null, targetId: null, after: null };
    const all = await auditEntries(database.db, { ...query, limit: 10 });
    expect(all.map((entry) => entry.action)).toEqual([
      "user.create",
      "status.set",
      "status.set",
      "status.set",
    ]);
    expect(all[1]).toMatchObject({
      targetType: "entitlement",
      targetId: entitlement.id,
      actorEmail: "system",
    });

    const first = await auditEntries(database.db, { ...query, limit: 2 });
    const last = first.at(-1)!;
    const rest = await auditEntries(database.db, {
      ...query,
      after: { at: last.at, key: last.key },
      limit: 10,
    });
    expect([...first, ...rest].map((entry) => entry.key)).toEqual(all.map((entry) => entry.key));
  });
});
