import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { insertSubscription } from "../../db/repositories/webhook-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { overdueWebhookJob, raiseOverdueBatch } from "./quality-jobs.ts";

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-03-12T08:00:00Z"));
});
afterAll(() => database.close());

interface Sent {
  entitlementId: string;
  nextActionDate: string;
  daysOverdue: number;
}

/** The next_action.overdue events in the outbox, oldest first, with their deliveries. */
async function events(): Promise<(Sent & { deliveries: number })[]> {
  const { rows } = await database.execute(
    `select e.payload, (select count(*)::int from webhook_deliveries d where d.event_id = e.id) as deliveries
       from webhook_events e where e.type = 'next_action.overdue' order by e.id`,
  );
  return rows.map((row) => {
    const payload = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as {
      data: Sent;
    };
    const { entitlementId, nextActionDate, daysOverdue } = payload.data;
    return { entitlementId, nextActionDate, daysOverdue, deliveries: Number(row.deliveries) };
  });
}

const runJob = () => overdueWebhookJob.run(deps, {} as never);

describe("next_action.overdue", () => {
  it("records a passed date without sending while nobody subscribes, and never raises it later", async () => {
    const old = await createEntitlement(database.db, {
      segments: [{ seats: 5, l1: "in_progress", nextActionDate: "2025-03-01" }],
    });
    await runJob();
    expect(await events()).toEqual([]);
    const { rows } = await database.execute(
      `select next_action_date::text as d from next_action_overdue_raised where entitlement_id = '${old.id}'`,
    );
    expect(rows).toEqual([{ d: "2025-03-01" }]);
  });

  it("raises once per entitlement and passed date, in the transaction that records it", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    await insertSubscription(database.db, {
      url: "http://127.0.0.1:1/hook",
      events: ["next_action.overdue"],
      secret: "whsec_test",
      description: "",
      createdBy: admin.id,
      at: deps.now(),
    });
    const split = await createEntitlement(database.db, {
      segments: [
        { seats: 5, l1: "in_progress", nextActionDate: "2025-03-10" },
        { seats: 5, l1: "in_progress", nextActionDate: "2025-03-11" },
        { seats: 5, l1: "in_progress", nextActionDate: "2025-03-11" },
        { seats: 5, l1: "in_progress", nextActionDate: "2025-03-12" },
      ],
    });
    await runJob();
    expect(await events()).toEqual([
      { entitlementId: split.id, nextActionDate: "2025-03-10", daysOverdue: 2, deliveries: 1 },
      { entitlementId: split.id, nextActionDate: "2025-03-11", daysOverdue: 1, deliveries: 1 },
    ]);
    await runJob();
    expect(await events()).toHaveLength(2);

    // Today's date passes tomorrow; a date moved to another passed day is raised for that day.
    deps.setNow(new Date("2025-03-13T00:05:00Z"));
    await database.execute(
      `update status_segments set next_action_date = '2025-03-05' where entitlement_id = '${split.id}' and position = 0`,
    );
    await runJob();
    expect((await events()).slice(2).map((e) => e.nextActionDate)).toEqual(["2025-03-05", "2025-03-12"]);
    const { rows } = await database.execute(
      `select count(*)::int as n from jobs where kind = 'webhook.deliver'`,
    );
    expect(Number(rows[0]!.n)).toBe(4);
  });
});

describe("next_action.overdue, what it leaves out", () => {
  it("raises nothing for an ended entitlement, and nothing when its batch rolls back", async () => {
    const before = (await events()).length;
    const ended = await createEntitlement(database.db, {
      segments: [{ seats: 5, l1: "in_progress", nextActionDate: "2025-03-02" }],
    });
    await database.execute(`update entitlements set ended_at = now() where id = '${ended.id}'`);
    await runJob();
    expect((await events()).length).toBe(before);

    const failing = await createEntitlement(database.db, {
      segments: [{ seats: 5, l1: "in_progress", nextActionDate: "2025-03-03" }],
    });
    // A trigger that fails the outbox insert: the whole batch, its record included, rolls back.
    await database.execute(`create function refuse_event() returns trigger language plpgsql as $$
      begin raise exception 'outbox down'; end $$`);
    await database.execute(
      "create trigger refuse_event before insert on webhook_events for each row execute function refuse_event()",
    );
    await expect(raiseOverdueBatch(deps, 10)).rejects.toThrow();
    const recorded = async () =>
      (
        await database.execute(
          `select 1 from next_action_overdue_raised where entitlement_id = '${failing.id}'`,
        )
      ).rows.length;
    expect(await recorded()).toBe(0);
    await database.execute("drop trigger refuse_event on webhook_events");
    await runJob();
    expect(await recorded()).toBe(1);
    expect((await events()).map((e) => e.entitlementId)).toContain(failing.id);
  });
});
