import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import {
  copyEntitlementCsv,
  streamEntitlementCsv,
  streamEntitlementRows,
} from "../../db/repositories/entitlement-export-repository.ts";
import type { EntitlementViewRow } from "../../db/sql/entitlement-view-sql.ts";
import { viewOfRow } from "../../db/sql/entitlement-view-sql.ts";
import { exportColumnNames } from "../../domain/csv/csv-columns.ts";
import { type ExportedEntitlement, entitlementCsvRows } from "../../domain/csv/entitlement-csv-rows.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { systemActor } from "../auth/system-actor.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { type ExportFilter, exportEntitlements } from "./export-entitlements.ts";
import { entitlementQueryOf } from "./list-entitlements.ts";

/**
 * The export as it was written before PostgreSQL formatted it: a cursor of
 * view rows, entitlementCsvRows and csv-stringify in the server, 200 a batch.
 * Kept here as the reference the SQL-built files must equal byte for byte.
 */
async function referenceExport(deps: AppDeps, actor: Actor, filter: ExportFilter, format: "csv" | "json") {
  const { limit: _, cursor: __, ...query } = queryOf(deps, actor, filter);
  const chunks: string[] = [];
  let entitlements = 0;
  let rows = 0;
  chunks.push(format === "csv" ? stringify([exportColumnNames]) : "[");
  await streamEntitlementRows(deps.database.db, query, 200, async (batch) => {
    if (format === "csv") {
      const lines = batch.flatMap((row) => entitlementCsvRows(exportedOf(row)));
      rows += lines.length;
      chunks.push(stringify(lines));
    } else {
      const lead = entitlements === 0 ? "\n" : ",\n";
      chunks.push(lead + batch.map((row) => JSON.stringify(viewOfRow(row))).join(",\n"));
      rows += batch.length;
    }
    entitlements += batch.length;
  });
  if (format === "json") chunks.push(entitlements === 0 ? "]\n" : "\n]\n");
  return { text: chunks.join(""), counts: { entitlements, rows } };
}

function exportedOf(row: EntitlementViewRow): ExportedEntitlement {
  return {
    id: row.id,
    version: row.version,
    customerName: row.customerName,
    tenantName: row.tenantName,
    tenantDomain: row.tenantDomain,
    tenantId: row.tenantExternalId ?? "",
    serviceId: row.serviceId,
    stage: row.stage as Stage,
    availableSeats: row.availableSeats,
    segments: row.segments ? (JSON.parse(row.segments) as StatusSegment[]) : [],
  };
}

function queryOf(deps: AppDeps, actor: Actor, filter: ExportFilter) {
  return entitlementQueryOf(deps, { sort: "customer", ...filter, limit: 200 }, listScopeOf(deps, actor));
}

async function exported(deps: AppDeps, actor: Actor, filter: ExportFilter, format: "csv" | "json" | "jsonl") {
  const chunks: string[] = [];
  const counts = await exportEntitlements(deps, actor, filter, format, (chunk) => {
    chunks.push(chunk);
  });
  return { text: chunks.join(""), counts };
}

/** Cells every writer must treat alike: quotes, commas, line ends, formula starts, empties, multi-byte text. */
const awkwardNotes = [
  "a, b and c",
  'the "proxy" drops it',
  "first line\nsecond line",
  "a carriage\rreturn alone",
  "ends in CRLF\r\n",
  '=HYPERLINK("http://x.example")',
  "+1 seat",
  "- two waves left",
  "@channel",
  "\ttab first",
  "\rcarriage return first",
  "'=quoted already",
  "back\\slash \\. and \\N",
  " spaced ",
  "",
  `${"ünïcødé ✓ 日本語 🙂 ".repeat(6000)}end`,
];

let database: Database;
let deps: AppDeps;
let partner: Actor;
let stranger: Actor;
let twinCustomerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  await seedDemo(deps, { tenants: 40, seed: 7, today: todayOf(testNow) });
  const notes = awkwardNotes.map((note, position) => ({ note, position }));
  await database.execute(
    `update status_segments s set note = n.note, owner = case when n.position % 3 = 0 then '@' || n.position end
       from (select id, row_number() over (order by id) - 1 as position from status_segments) picked
       join jsonb_to_recordset($1::jsonb) as n(note text, position int) on n.position = picked.position
      where s.id = picked.id`,
    [JSON.stringify(notes)],
  );
  await database.execute(
    `update tenants t set name = case when picked.n % 2 = 0 then '=Evil, Inc.' else '-"Quoted" tenant' end
       from (select id, row_number() over (order by id) as n from tenants) picked
      where t.id = picked.id and picked.n <= 4`,
  );
  await database.execute(
    "update tenants set external_id = '+41 feed key' where id = (select max(id::text)::uuid from tenants)",
  );
  // A service without a status, and an ended one (left out unless asked for).
  const tenant = await createTenant(database.db, { name: "Zeta, without status" });
  await createEntitlement(database.db, { tenantId: tenant.id, serviceId: "teams" });
  await database.execute(
    "update entitlements set ended_at = now() where id = (select min(id::text)::uuid from entitlements)",
  );
  // Two customers and tenants named alike: their services interleave in the customer order.
  for (const _ of [1, 2]) {
    const customer = await createCustomer(database.db, { name: "Twin Holdings" });
    const twin = await createTenant(database.db, { customerId: customer.id, name: "Twin tenant" });
    for (const serviceId of ["exchange", "teams"])
      await createEntitlement(database.db, { tenantId: twin.id, serviceId });
    twinCustomerId = customer.id;
  }
  partner = await createUser(database.db, { role: "partner" });
  stranger = await createUser(database.db, { role: "partner" });
  const { rows } = await database.execute(
    "select customer_id::text as id from tenants order by name limit 2",
  );
  for (const row of rows) await assign(database.db, partner.id, { customerId: String(row.id) });
}, 180_000);
afterAll(() => database.close());

const filters: [string, ExportFilter][] = [
  ["everything", {}],
  ["Blocked", { l1: "blocked" }],
  ["one service, newest first", { serviceId: "teams", sort: "updated" }],
  ["free text", { q: "Inc" }],
  ["by target date, descending", { sort: "target_date", order: "desc" }],
  ["ended ones too", { ended: "include" }],
  ["an owner", { owner: "@0" }],
  ["overdue", { overdue: true }],
];

describe("the export PostgreSQL formats equals the one the server formatted", () => {
  it("is compared on a file holding every awkward cell", async () => {
    const { text } = await referenceExport(deps, systemActor, { ended: "include" }, "csv");
    for (const cell of [
      '"a, b and c"',
      '"the ""proxy"" drops it"',
      "'- two waves left",
      "'\rcarriage",
      "'=Evil",
    ]) {
      expect(text).toContain(cell);
    }
    expect(text).toContain("Zeta, without status");
    expect(text).toContain("日本語 🙂 end");
  });

  it.each(filters)("CSV byte for byte: %s", async (_, filter) => {
    const reference = await referenceExport(deps, systemActor, filter, "csv");
    const now = await exported(deps, systemActor, filter, "csv");
    expect(now.text).toBe(reference.text);
    expect(now.counts).toEqual(reference.counts);
  });

  it("CSV byte for byte within a partner's tenants, and nothing for a partner with none", async () => {
    for (const actor of [partner, stranger]) {
      const reference = await referenceExport(deps, actor, {}, "csv");
      expect((await exported(deps, actor, {}, "csv")).text).toBe(reference.text);
    }
    expect((await exported(deps, stranger, {}, "csv")).counts).toEqual({ entitlements: 0, rows: 0 });
    expect((await exported(deps, partner, {}, "csv")).counts.entitlements).toBeGreaterThan(0);
  });

  it("the lines built by SQL for the embedded database equal COPY's on either database", async () => {
    for (const [, filter] of filters) {
      const { limit: _, cursor: __, ...query } = queryOf(deps, systemActor, filter);
      const chunks: string[] = [];
      const counts = await streamEntitlementCsv(database.db, query, 7, async (text) => {
        chunks.push(text);
      });
      const reference = await referenceExport(deps, systemActor, filter, "csv");
      expect(chunks.join("")).toBe(reference.text);
      expect(counts).toEqual(reference.counts);
    }
  });

  it.each(filters)("JSON view for view, and as JSON Lines: %s", async (_, filter) => {
    const reference = JSON.parse(
      (await referenceExport(deps, systemActor, filter, "json")).text,
    ) as unknown[];
    const array = await exported(deps, systemActor, filter, "json");
    expect(JSON.parse(array.text)).toEqual(reference);
    expect(array.counts.entitlements).toBe(reference.length);
    const lines = (await exported(deps, systemActor, filter, "jsonl")).text;
    expect(
      lines === ""
        ? []
        : lines
            .trimEnd()
            .split("\n")
            .map((line) => JSON.parse(line)),
    ).toEqual(reference);
  });
});

describe("a CSV export in customer order walks the tenants", () => {
  it("walks the tenants or sorts the rows to the same bytes, by COPY and by lines", async () => {
    const cases: [Actor, ExportFilter][] = [
      ...filters.map(([, filter]): [Actor, ExportFilter] => [systemActor, filter]),
      [systemActor, { order: "desc" }],
      [systemActor, { customerId: twinCustomerId }],
      [systemActor, { q: "Twin tenant", order: "desc" }],
      [partner, {}],
      [stranger, {}],
    ];
    for (const [actor, filter] of cases) {
      const { limit: _, cursor: __, ...query } = queryOf(deps, actor, filter);
      const reference = await referenceExport(deps, actor, filter, "csv");
      // 0: always walk the tenants (in customer order); infinity: always sort the rows.
      for (const walkFrom of [0, Number.POSITIVE_INFINITY]) {
        const lines: string[] = [];
        const counts = await streamEntitlementCsv(
          database.db,
          query,
          7,
          async (text) => {
            lines.push(text);
          },
          walkFrom,
        );
        expect(lines.join("")).toBe(reference.text);
        expect(counts).toEqual(reference.counts);
        if (!database.readSnapshot) continue;
        const chunks: Buffer[] = [];
        const copied = await copyEntitlementCsv(
          database,
          query,
          async (chunk) => {
            chunks.push(chunk);
          },
          walkFrom,
        );
        expect(Buffer.concat(chunks).toString("utf8")).toBe(reference.text);
        expect(copied).toEqual(reference.counts);
      }
    }
    // The twins' services interleave: exchange of both tenants before teams of either.
    const twins = await referenceExport(deps, systemActor, { q: "Twin tenant" }, "csv");
    const service = exportColumnNames.indexOf("service");
    const rows = twins.text.trimEnd().split("\n").slice(1);
    expect(rows.map((row) => row.split(",")[service])).toEqual(["exchange", "exchange", "teams", "teams"]);
  });
});
