import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { importStatuses } from "./import-statuses.ts";

// More services than one chunk (import-judge.ts judges and writes a thousand at a time), so that a
// file's later chunk is judged after its first is written.
const services = 1_050;
const header =
  "tenant_domain,service,stage,available_seats,seats,l1,l2,l3,scenario,service_status,engagement_scenario,target_date,owner,note,next_action_date,next_action,split_reason";
const note = "No reply after 4 attempts via two emails and two calls to the IT lead; unmanaged account.";
const row = (n: number, seats = 10) =>
  `bulk-${n}.example,Teams,assignment,10,${seats},Status Unknown,Customer Unresponsive,,,,,,,"${note}",2025-03-17,Call the IT lead again,`;
const file = (last = 10) =>
  [header, ...Array.from({ length: services }, (_, n) => row(n, n === services - 1 ? last : 10))].join("\n");

let database: Database;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  // One the factory's way (it registers the services), the rest in two statements.
  const customer = await createCustomer(database.db);
  const first = await createTenant(database.db, { customerId: customer.id, domain: "bulk-0.example" });
  await createEntitlement(database.db, { tenantId: first.id, serviceId: "teams", availableSeats: 10 });
  await database.execute(
    `insert into tenants (customer_id, name, domain)
     select $1, 'Bulk ' || n, 'bulk-' || n || '.example' from generate_series(1, ${services - 1}) n`,
    [customer.id],
  );
  await database.execute(
    `insert into entitlements (tenant_id, service_id, available_seats, stage)
     select id, 'teams', 10, 'assignment' from tenants where domain like 'bulk-%' and domain <> 'bulk-0.example'`,
  );
}, 60_000);
afterAll(() => database.close());

async function written() {
  const { rows } = await database.execute(
    `select (select count(*) from status_history)::int as history, (select count(*) from status_segments)::int as segments`,
  );
  return rows[0];
}

describe(`${importStatuses.name} past one chunk`, () => {
  it("rolls back the chunk already written when a later one has an error", async () => {
    const error = await importStatuses(deps, { csvText: file(9), actor: admin }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).violations.map((found) => [found.field, found.code])).toEqual([
      [`rows.${services + 1}.seats`, "seats_total_mismatch"],
    ]);
    expect(await written()).toEqual({ history: 0, segments: 0 });
  }, 60_000);

  it("writes every chunk of a partial import but the services with errors", async () => {
    const report = await importStatuses(deps, { csvText: file(9), actor: admin, allOrNothing: false });
    expect(report).toMatchObject({ rows: services, changed: services - 1, written: true });
    expect(report.errors).toHaveLength(1);
    expect(await written()).toEqual({ history: services - 1, segments: services - 1 });
  }, 60_000);

  it("writes the whole file, then finds it unchanged", async () => {
    const report = await importStatuses(deps, { csvText: file(), actor: admin });
    expect(report).toMatchObject({ rows: services, changed: 1, unchanged: services - 1, errors: [] });
    expect(await written()).toEqual({ history: services, segments: services });
    const again = await importStatuses(deps, { csvText: file(), actor: admin });
    expect(again).toMatchObject({ changed: 0, unchanged: services });
  }, 60_000);
});
