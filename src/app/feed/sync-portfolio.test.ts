import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser, putSegments } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { feedFolder, generatedFeed, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type SyncPortfolioInput, syncPortfolio } from "./sync-portfolio.ts";

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
});
afterAll(async () => {
  await database.close();
  removeFeedFolders();
});

/**
 * A portfolio of its own for each test: history rows cannot be deleted, so
 * what earlier tests made is ended and its keys moved out of the way.
 */
beforeEach(async () => {
  const stale = "'~' || gen_random_uuid()";
  await database.execute(`update customers set external_id = external_id || ${stale}, ended_at = now()`);
  await database.execute(
    `update tenants set external_id = external_id || ${stale}, domain = domain || ${stale}, ended_at = now()`,
  );
  await database.execute("update entitlements set ended_at = now()");
  for (const table of ["usage_points", "assignments", "portfolio_syncs"])
    await database.execute(`delete from ${table}`);
  await database.execute("delete from users where id <> $1", [admin.id]);
});

const sync = (folder: string, options: Partial<SyncPortfolioInput> = {}) =>
  syncPortfolio(deps, {
    folder,
    actor: admin,
    dryRun: false,
    full: false,
    partial: false,
    allowMassEnd: false,
    ...options,
  });

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await database.execute(`select count(*)::int as n from ${sql}`, params);
  return Number(rows[0]?.n);
}

/** Every row of the tables a sync writes, to compare before and after. */
async function portfolioState(): Promise<string> {
  const tables = [
    "customers",
    "tenants",
    "entitlements",
    "status_segments",
    "usage_points",
    "users",
    "assignments",
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await database.execute(`select * from ${table} t order by t::text`);
    parts.push(JSON.stringify(rows));
  }
  parts.push(String(await count("status_history")), String(await count("audit_log")));
  return parts.join("\n");
}

/** Blocked Teams seats in the blocked-by-L2 report's cells (with the deltas not folded in yet). */
async function blockedTeamsInReports(): Promise<number> {
  const { rows } = await database.execute(
    `select coalesce(sum(seats), 0)::int as n from (
       select seats from report_cells where report = 'l2_service' and service_id = 'teams'
       union all select seats from report_cell_deltas where report = 'l2_service' and service_id = 'teams') cells`,
  );
  return Number(rows[0]?.n);
}

const examples = join(import.meta.dirname, "../../../examples/feed");
const unchanged = (n: number) => ({ added: 0, changed: 0, unchanged: n, ended: 0 });

describe("syncing the portfolio feed", () => {
  it("loads the example feed, and a second sync finds everything unchanged and writes no row", async () => {
    const first = await sync(examples);
    expect(first.applied).toBe(true);
    expect(first.report.rejected).toEqual([]);
    expect(first.report.tenants).toEqual({ added: 5, changed: 0, unchanged: 0, ended: 0 });
    expect(first.report.usage.added).toBe(48);
    expect(await count("users where email = 'marco.bianchi@example.com' and role = 'delivery_fm'")).toBe(1);
    expect(
      await count("user_accounts ua join users u on u.id = ua.user_id where u.email like '%@example.com'"),
    ).toBe(0);

    const before = await portfolioState();
    const second = await sync(examples);
    expect(second.report).toEqual({
      customers: unchanged(4),
      tenants: unchanged(5),
      entitlements: unchanged(12),
      people: unchanged(8),
      usage: unchanged(48),
      rejected: [],
    });
    expect(await portfolioState()).toBe(before);
    expect(await count("portfolio_syncs")).toBe(2);
  });

  it("reads JSON Lines with the same columns", async () => {
    const folder = feedFolder({
      "customers.jsonl":
        '{"customer_key":"C1","Name":"Contoso"}\n\n{"customer_key":"C2","name":"Fabrikam","segment":null}\n',
      "tenants.jsonl": '{"tenant_id":"T1","customer_key":"C2","name":"Fab","domain":"fab.example"}\n',
    });
    const outcome = await sync(folder);
    expect(outcome.report.customers.added).toBe(2);
    expect(outcome.report.tenants.added).toBe(1);
  });

  it("refuses a row naming an unknown service: nothing changes, the row is reported", async () => {
    await sync(examples);
    const before = await portfolioState();
    const entitlements = readFileSync(join(examples, "entitlements.csv"), "utf8").replace(
      ",Intune,",
      ",Fax Online,",
    );
    const outcome = await sync(feedFolder({ entitlements }));
    expect(outcome.applied).toBe(false);
    expect(outcome.report.rejected).toEqual([
      expect.objectContaining({ file: "entitlements", row: 5, column: "service", code: "service_unknown" }),
    ]);
    expect(await portfolioState()).toBe(before);
  });

  it("refuses unknown columns and rows naming what exists nowhere", async () => {
    const outcome = await sync(
      feedFolder({
        customers: "customer_key,name,region\nC1,Contoso,EU\n",
        tenants: "tenant_id,customer_key,name,domain\nT1,C9,Tenant,t1.example\nT1,C9,Again,t2.example\n",
        usage: "tenant_id,service,date,active_seats\nT7,teams,2025-01-01,3\n",
      }),
    );
    expect(outcome.report.rejected.map((e) => [e.file, e.row, e.column, e.code])).toEqual([
      ["customers", 1, "region", "column_unknown"],
      ["tenants", 2, "customer_key", "customer_unknown"],
      ["tenants", 3, "tenant_id", "key_duplicate"],
      ["usage", 2, "tenant_id", "tenant_unknown"],
    ]);
    expect(await count("tenants where ended_at is null")).toBe(0);
  });
});

describe("syncing part of a feed", () => {
  it("with --partial applies the valid rows and reports the others", async () => {
    const outcome = await sync(
      feedFolder({
        customers: "customer_key,name\nC1,Contoso\n,Nameless\n",
        tenants: "tenant_id,customer_key,name,domain\nT1,C1,Tenant,t1.example\nT2,C1,Bad,not a domain\n",
      }),
      { partial: true },
    );
    expect(outcome.applied).toBe(true);
    expect(outcome.report.rejected.map((e) => [e.file, e.row, e.column, e.code])).toEqual([
      ["customers", 3, "customer_key", "value_required"],
      ["tenants", 3, "domain", "domain_invalid"],
    ]);
    expect(await count("customers where ended_at is null")).toBe(1);
    expect(await count("tenants where external_id = 'T1'")).toBe(1);
  });

  it("predicts on a dry run the counts the sync then has, and writes only the sync record", async () => {
    const feed = generatedFeed(6, { usagePoints: 2 });
    const folder = feedFolder({ ...feed });
    const dry = await sync(folder, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(await count("tenants where ended_at is null")).toBe(0);
    expect(await count("portfolio_syncs where dry_run and not applied")).toBe(1);
    const real = await sync(folder);
    expect(real.report).toEqual(dry.report);
    expect(real.report.usage.added).toBe(24);
  });

  it("keeps what an optional column left out of the file holds, and clears it when present and empty", async () => {
    await sync(feedFolder({ customers: "customer_key,name,segment,country\nK1,Contoso,Enterprise,US\n" }));
    const kept = await sync(feedFolder({ customers: "customer_key,name\nK1,Contoso\n" }));
    expect(kept.report.customers).toEqual(unchanged(1));
    const cleared = await sync(feedFolder({ customers: "customer_key,name,segment\nK1,Contoso,\n" }));
    expect(cleared.report.customers).toEqual({ added: 0, changed: 1, unchanged: 0, ended: 0 });
    const { rows } = await database.execute(
      "select segment, country from customers where external_id = 'K1'",
    );
    expect(rows).toEqual([{ segment: null, country: "US" }]);
  });

  it("moves a tenant to another customer and follows its new name and domain", async () => {
    await sync(feedFolder({ ...generatedFeed(4) }));
    const tenants =
      "tenant_id,customer_key,name,domain\nT-0,C-1,Renamed,renamed.example\nT-1,C-0,Tenant 1,tenant-1.example\n";
    const outcome = await sync(feedFolder({ tenants }));
    expect(outcome.report.tenants).toEqual({ added: 0, changed: 1, unchanged: 1, ended: 0 });
    const { rows } = await database.execute(
      "select t.name, t.domain, c.external_id as customer from tenants t join customers c on c.id = t.customer_id where t.external_id = 'T-0'",
    );
    expect(rows).toEqual([{ name: "Renamed", domain: "renamed.example", customer: "C-1" }]);
  });
});

describe("a full sync", () => {
  it("ends the tenant a feed no longer names, with its entitlements, and deletes nothing", async () => {
    await sync(feedFolder({ ...generatedFeed(20) }));
    const outcome = await sync(feedFolder({ ...generatedFeed(20, { skip: new Set([7]) }) }), { full: true });
    expect(outcome.applied).toBe(true);
    expect(outcome.report.tenants).toEqual({ added: 0, changed: 0, unchanged: 19, ended: 1 });
    expect(outcome.report.entitlements.ended).toBe(2);
    expect(await count("tenants where external_id = 'T-7' and ended_at is not null")).toBe(1);
    expect(await count("tenants where ended_at is null")).toBe(19);
    expect(
      await count(
        "entitlements e join tenants t on t.id = e.tenant_id where t.external_id = 'T-7' and e.ended_at is not null",
      ),
    ).toBe(2);
  });

  it("refuses to end more than 5% of tenants unless allowed", async () => {
    await sync(feedFolder({ ...generatedFeed(20) }));
    const truncated = feedFolder({ ...generatedFeed(20, { skip: new Set([3, 12]) }) });
    const before = await portfolioState();
    const predicted = await sync(truncated, { full: true, allowMassEnd: true, dryRun: true });
    expect(predicted.report.tenants.ended).toBe(2);
    const refused = await sync(truncated, { full: true });
    expect(refused.applied).toBe(false);
    expect(refused.refusal).toMatch(/2 of 20 tenants/);
    expect(await portfolioState()).toBe(before);
    const allowed = await sync(truncated, { full: true, allowMassEnd: true });
    expect(allowed.applied).toBe(true);
    expect(allowed.report).toEqual(predicted.report);
    const { rows } = await database.execute(
      "select external_id from tenants where ended_at is not null and external_id not like '%~%' order by 1",
    );
    expect(rows.map((row) => row.external_id)).toEqual(["T-12", "T-3"]);
  });

  it("reopens an ended entitlement with its old status", async () => {
    await sync(feedFolder({ ...generatedFeed(20) }));
    const { rows } = await database.execute(
      "select e.id from entitlements e join tenants t on t.id = e.tenant_id where t.external_id = 'T-5' and e.service_id = 'teams'",
    );
    const id = String(rows[0]?.id);
    await putSegments(database.db, id, [
      { seats: 105, l1: "blocked", l2: "licensing", note: "Waiting on licences." },
    ]);
    const reported = await blockedTeamsInReports();
    const entitlements = generatedFeed(20).entitlements.replace("T-5,teams,105\n", "");
    expect((await sync(feedFolder({ entitlements }), { full: true })).report.entitlements.ended).toBe(1);
    expect(await count("entitlements where id = $1 and ended_at is not null", [id])).toBe(1);
    expect(await blockedTeamsInReports()).toBe(reported - 105);
    const back = await sync(feedFolder({ entitlements: generatedFeed(20).entitlements }), { full: true });
    expect(await blockedTeamsInReports()).toBe(reported);
    expect(back.report.entitlements).toEqual({ added: 0, changed: 1, unchanged: 39, ended: 0 });
    const { rows: segments } = await database.execute(
      "select s.l1, s.note from status_segments s join entitlements e on e.id = s.entitlement_id where e.id = $1 and e.ended_at is null",
      [id],
    );
    expect(segments).toEqual([{ l1: "blocked", note: "Waiting on licences." }]);
  });
});

describe("the reports", () => {
  it("count no ended entitlement when their cells are rebuilt", async () => {
    await sync(feedFolder({ ...generatedFeed(2) }));
    const { rows } = await database.execute(
      "select e.id from entitlements e join tenants t on t.id = e.tenant_id where e.ended_at is null and e.service_id = 'teams' order by t.external_id",
    );
    await putSegments(database.db, String(rows[0]?.id), [{ seats: 100, l1: "blocked", l2: "licensing" }]);
    await putSegments(database.db, String(rows[1]?.id), [{ seats: 101, l1: "blocked", l2: "licensing" }]);
    await database.execute("update entitlements set ended_at = now() where id = $1", [rows[0]?.id]);
    await database.execute("select unblock_rebuild_report_cells(current_date, false)");
    const { rows: open } = await database.execute(
      "select coalesce(sum(s.seats), 0)::int as n from status_segments s join entitlements e on e.id = s.entitlement_id where e.ended_at is null and e.service_id = 'teams' and s.l1 = 'blocked'",
    );
    expect(await blockedTeamsInReports()).toBe(Number(open[0]?.n));
  });
});

describe("seat changes", () => {
  it("resize a one-segment status with a sync history row and mark a split that no longer adds up", async () => {
    await sync(feedFolder({ ...generatedFeed(2) }));
    const { rows } = await database.execute(
      "select e.id, t.external_id as tenant, e.service_id as service from entitlements e join tenants t on t.id = e.tenant_id order by 2, 3",
    );
    const id = (tenant: string, service: string) =>
      String(rows.find((r) => r.tenant === tenant && r.service === service)?.id);
    const single = id("T-0", "exchange");
    const split = id("T-1", "exchange");
    await putSegments(database.db, single, [{ seats: 100, l1: "in_progress" }]);
    await putSegments(database.db, split, [
      { seats: 60, l1: "in_progress", splitReason: "geography" },
      { seats: 41, l1: "blocked", l2: "licensing", splitReason: "geography" },
    ]);
    const history = await count("status_history");

    const entitlements = "tenant_id,service,available_seats\nT-0,exchange,150\nT-1,exchange,120\n";
    const outcome = await sync(feedFolder({ entitlements }));
    expect(outcome.report.entitlements).toEqual({ added: 0, changed: 2, unchanged: 0, ended: 0 });

    const { rows: after } = await database.execute(
      "select e.id, e.available_seats, e.version, e.resplit_needed, array_agg(s.seats order by s.position) as seats from entitlements e join status_segments s on s.entitlement_id = e.id where e.id in ($1, $2) group by e.id",
      [single, split],
    );
    const of = (entitlementId: string) => after.find((r) => r.id === entitlementId);
    expect(of(single)).toMatchObject({
      available_seats: 150,
      version: 2,
      resplit_needed: false,
      seats: [150],
    });
    expect(of(split)).toMatchObject({
      available_seats: 120,
      version: 2,
      resplit_needed: true,
      seats: [60, 41],
    });
    expect(await count("status_history")).toBe(history + 1);
    const { rows: logged } = await database.execute(
      "select source, version_after, before->'segments'->0->>'seats' as before, after->'segments'->0->>'seats' as after from status_history where entitlement_id = $1",
      [single],
    );
    expect(logged).toEqual([{ source: "sync", version_after: 2, before: "100", after: "150" }]);
  });
});

describe("who may sync", () => {
  it("refuses anyone but an Admin, before reading a file", async () => {
    const lead = await createUser(database.db, { role: "team_lead" });
    await expect(
      syncPortfolio(deps, {
        folder: examples,
        actor: lead,
        dryRun: true,
        full: false,
        partial: false,
        allowMassEnd: false,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      syncPortfolio(deps, {
        folder: examples,
        actor: { id: "", email: "", name: "", role: "" },
        dryRun: true,
        full: false,
        partial: false,
        allowMassEnd: false,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("portfolio_syncs")).toBe(0);
  });
});
