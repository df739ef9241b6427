import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Db } from "../client.ts";
import { raiseWebhookEvent } from "./webhook-event-repository.ts";
import { insertSubscription } from "./webhook-repository.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const count = async (table: string) =>
  Number((await database.execute(`select count(*)::int as n from ${table}`)).rows[0]?.n);

describe("raiseWebhookEvent", () => {
  it("writes nothing while no subscription wants the type, then a delivery and a job per subscriber", async () => {
    const at = new Date("2026-12-01T08:00:00Z");
    const event = { type: "work_item.shipped" as const, entitlementId: null, data: { workItemId: "w1" } };
    expect(await raiseWebhookEvent(database.db, event, at)).toBe(0);
    expect(await count("webhook_events")).toBe(0);
    const admin = await createUser(database.db, { role: "admin" });
    for (const url of ["http://127.0.0.1:1/a", "http://127.0.0.1:1/b"]) {
      await insertSubscription(database.db, {
        url,
        events: ["work_item.shipped"],
        secret: "whsec_test",
        description: "",
        createdBy: admin.id,
        at,
      });
    }
    expect(await raiseWebhookEvent(database.db, event, at)).toBe(2);
    expect(await count("webhook_events")).toBe(1);
    expect(await count("webhook_deliveries")).toBe(2);
    const jobs = await database.execute(`select kind from jobs where kind = 'webhook.deliver'`);
    expect(jobs.rows).toHaveLength(2);
  });

  it("leaves nothing when the transaction that raised it rolls back", async () => {
    const before = await count("webhook_events");
    await expect(
      database.db.transaction(async (tx) => {
        await raiseWebhookEvent(
          tx as unknown as Db,
          { type: "work_item.shipped", entitlementId: null, data: {} },
          new Date(),
        );
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await count("webhook_events")).toBe(before);
  });
});
