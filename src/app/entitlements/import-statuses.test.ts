import { readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { statusHistory, statusSegments } from "../../db/schema.ts";
import { AppError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { importStatuses } from "./import-statuses.ts";

const fixture = readFileSync(
  new URL("../../../test/fixtures/csv/northwind-statuses.csv", import.meta.url),
  "utf8",
);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let database: Database;
let deps: AppDeps;
let admin: Actor;
let ids: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  const tenant = await createTenant(database.db, { domain: "northwind-eu.example" });
  const exchange = await createEntitlement(database.db, {
    tenantId: tenant.id,
    serviceId: "exchange",
    availableSeats: 5000,
    stage: "delivery",
  });
  const teams = await createEntitlement(database.db, {
    tenantId: tenant.id,
    serviceId: "teams",
    availableSeats: 5000,
  });
  ids = [exchange.id, teams.id];
});
afterAll(() => database.close());

async function stored() {
  const segments = await database.db
    .select()
    .from(statusSegments)
    .where(inArray(statusSegments.entitlementId, ids));
  const history = await database.db
    .select()
    .from(statusHistory)
    .where(inArray(statusHistory.entitlementId, ids));
  return { segments: segments.length, history: history.length };
}

/** The same broken file imported by an English and a German Admin: same code and cell, German words. */
async function refusalInGerman(): Promise<void> {
  const broken = fixture.replace("2025-06-30", "2025-01-31");
  const english = await refusal(importStatuses(deps, { csvText: broken, actor: admin }));
  const german = await refusal(
    importStatuses(deps, { csvText: broken, actor: { ...admin, language: "de" } }),
  );
  expect(german.violations.map((found) => [found.field, found.code])).toEqual(
    english.violations.map((found) => [found.field, found.code]),
  );
  const [englishMessage, germanMessage] = [english, german].map((error) => error.violations[0]!.message);
  expect(germanMessage).not.toBe(englishMessage);
  expect(germanMessage).toMatch(/Datum|Vergangenheit/);
  expect([english.messageIn("de"), english.messageIn("en")]).toEqual([
    "Die Datei enthält 1 Fehler; es wurde nichts importiert.",
    "The file has 1 error; nothing was imported.",
  ]);
  expect(await stored()).toEqual({ segments: 0, history: 0 });
}

describe(importStatuses.name, () => {
  it("writes nothing on a dry run but reports what would change", async () => {
    const report = await importStatuses(deps, { csvText: fixture, actor: admin, dryRun: true });
    expect(report).toMatchObject({
      rows: 3,
      entitlements: 2,
      changed: 2,
      unchanged: 0,
      errors: [],
      written: false,
    });
    expect(await stored()).toEqual({ segments: 0, history: 0 });
  });

  it("refuses the whole file when one row breaks a rule, naming its row, column and rule", async () => {
    const broken = fixture.replace("2025-06-30", "2025-01-31");
    const error = await refusal(importStatuses(deps, { csvText: broken, actor: admin }));
    expect(error.code).toBe("import_failed");
    expect(error.violations.map((found) => [found.field, found.code])).toEqual([
      ["rows.2.target_date", "target_date_past"],
    ]);
    expect((error.detail.report as { written: boolean }).written).toBe(false);
    expect(await stored()).toEqual({ segments: 0, history: 0 });
  });

  it("says a broken rule in the importer's language; the code and cell stay the same", refusalInGerman);

  it("refuses a Blocked row whose note only repeats the status, naming the note column", async () => {
    const poor = fixture.replace(
      '"Blocked: the Warsaw branch firewall drops Exchange Online traffic; clears when the new firewall is in."',
      "Blocked.",
    );
    const error = await refusal(importStatuses(deps, { csvText: poor, actor: admin }));
    expect(error.code).toBe("import_failed");
    expect(error.violations.map((found) => [found.field, found.code])).toEqual([
      ["rows.3.note", "note_too_poor"],
    ]);
    expect(await stored()).toEqual({ segments: 0, history: 0 });
  });

  it("writes the segments in file order and one history row per entitlement, as import", async () => {
    const report = await importStatuses(deps, { csvText: fixture, actor: admin });
    expect(report).toMatchObject({ changed: 2, unchanged: 0, errors: [], written: true });
    const exchange = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, ids[0]!))
      .orderBy(statusSegments.position);
    expect(exchange.map((s) => [s.seats, s.l1, s.l2, s.splitReason])).toEqual([
      [3500, "in_progress", "migration", "geography"],
      [1500, "blocked", "customer_it_infrastructure_remediation", "geography"],
    ]);
    const history = await database.db
      .select()
      .from(statusHistory)
      .where(inArray(statusHistory.entitlementId, ids));
    expect(history.map((row) => [row.source, row.actorId])).toEqual([
      ["import", admin.id],
      ["import", admin.id],
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await stored();
    const report = await importStatuses(deps, { csvText: fixture, actor: admin });
    expect(report).toMatchObject({ changed: 0, unchanged: 2, errors: [] });
    expect(await stored()).toEqual(before);
  });
});

describe(`${importStatuses.name}: partial files and refusals`, () => {
  it("writes the services without errors when not all-or-nothing, and lists the others", async () => {
    const edited = fixture
      .replace("Call the IT lead again", "Ask the account team for another contact")
      .replace("Deploying; at mailbox", "Deploying now; at mailbox")
      .replace("3500,In Progress", "3400,In Progress");
    const report = await importStatuses(deps, { csvText: edited, actor: admin, allOrNothing: false });
    expect(report.errors.map((found) => [found.row, found.field, found.code])).toEqual([
      [2, "seats", "seats_total_mismatch"],
    ]);
    expect(report).toMatchObject({ changed: 1, written: true });
    const [teams] = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, ids[1]!));
    expect(teams!.nextAction).toBe("Ask the account team for another contact");
  });

  it("refuses services the importing user is not assigned to, as the API would", async () => {
    const outsider = await createUser(database.db, { role: "delivery_fm" });
    // The Exchange rows only (Delivery stage, which a Delivery FM may record), with one note changed.
    const exchangeOnly = fixture.split("\n").slice(0, 3).join("\n");
    const edited = exchangeOnly.replace("Deploying; at mailbox", "Deploying still; at mailbox");
    const report = await importStatuses(deps, { csvText: edited, actor: outsider, dryRun: true });
    expect(report.errors.map((found) => [found.row, found.code])).toEqual([[2, "forbidden"]]);
    expect(report.changed).toBe(0);
  });

  it("refuses a file that is not valid CSV, naming the row where reading stopped", async () => {
    const error = await refusal(
      importStatuses(deps, { csvText: `${fixture}northwind-eu.example,"teams\n`, actor: admin }),
    );
    expect(error.violations.map((found) => [found.field, found.code])).toEqual([["rows.5", "csv_invalid"]]);
  });
});
