import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../domain/app-error.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { type ExportFilter, exportEntitlements } from "./export-entitlements.ts";
import { importStatuses } from "./import-statuses.ts";

async function exported(deps: AppDeps, filter: ExportFilter, format: "csv" | "json") {
  const chunks: string[] = [];
  const counts = await exportEntitlements(deps, systemActor, filter, format, (chunk) => {
    chunks.push(chunk);
  });
  return { text: chunks.join(""), chunks: chunks.length, counts };
}

let database: Database;
let deps: AppDeps;
let admin: Actor;
let entitlementCount: number;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const seeded = await seedDemo(deps, { tenants: 75, seed: 11, today: todayOf(testNow) });
  entitlementCount = seeded.entitlements;
  admin = await createUser(database.db, { role: "admin" });
});
afterAll(() => database.close());

async function writes() {
  const [row] = (
    await database.execute(
      "select (select count(*) from status_history)::int as history, (select sum(version) from entitlements)::int as versions",
    )
  ).rows;
  return row;
}

describe(`${exportEntitlements.name} writes the file`, () => {
  it("writes one CSV row per segment, page by page, for every entitlement", async () => {
    const { text, chunks, counts } = await exported(deps, {}, "csv");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(counts.entitlements).toBe(entitlementCount);
    expect(new Set(rows.map((row) => row.entitlement_id)).size).toBe(entitlementCount);
    expect(rows).toHaveLength(counts.rows);
    // Header, then at least two pages of 500 entitlements.
    expect(chunks).toBeGreaterThanOrEqual(3);
  });

  it("exports only what the filter selects", async () => {
    const { text } = await exported(deps, { l1: "blocked" }, "csv");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const blocked = new Set(rows.filter((row) => row.l1 === "blocked").map((row) => row.entitlement_id));
    expect(blocked.size).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.entitlement_id))).toEqual(blocked);
  });

  it("writes JSON as an array of entitlement views", async () => {
    const { text } = await exported(deps, { serviceId: "teams" }, "json");
    const items = JSON.parse(text) as EntitlementView[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.service.id === "teams" && item.segments.length > 0)).toBe(true);
  });
});

describe(`${exportEntitlements.name}, imported back`, () => {
  it("imports its own export back as unchanged, with no history written", async () => {
    const before = await writes();
    const { text } = await exported(deps, {}, "csv");
    const report = await importStatuses(deps, { csvText: text, actor: admin });
    expect(report).toMatchObject({
      entitlements: entitlementCount,
      changed: 0,
      unchanged: entitlementCount,
      errors: [],
    });
    expect(await writes()).toEqual(before);
  });

  it("refuses a 1,000-row file with one bad row, naming its row, column and rule, and writes nothing", async () => {
    const before = await writes();
    const { text } = await exported(deps, {}, "csv");
    const [header, ...rows] = parse(text) as string[][];
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    const column = (name: string) => header!.indexOf(name);
    // Change every other current In Progress note (real edits), and put one target date in the past.
    // Segments whose target date has passed since are left alone: changing them would need a new date.
    const today = todayOf(testNow);
    let bad = -1;
    rows.forEach((row, position) => {
      if (row[column("l1")] !== "in_progress" || row[column("target_date")]! < today) return;
      if (position % 2 === 0) row[column("note")] = `${row[column("note")]} Checked again.`;
      else if (bad < 0 && position > 500) {
        bad = position;
        row[column("target_date")] = "2025-03-01";
      }
    });
    expect(bad).toBeGreaterThan(0);

    const error = await importStatuses(deps, { csvText: stringify([header!, ...rows]), actor: admin }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    const failure = error as AppError;
    expect(failure.code).toBe("import_failed");
    expect(failure.violations.map((found) => [found.field, found.code])).toEqual([
      [`rows.${bad + 2}.target_date`, "target_date_past"],
    ]);
    const report = failure.detail.report as { changed: number; written: boolean };
    expect(report.written).toBe(false);
    expect(report.changed).toBeGreaterThan(100);
    expect(await writes()).toEqual(before);
  });
});
