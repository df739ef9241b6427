import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { AppError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { syncPortfolio } from "../feed/sync-portfolio.ts";
import { exportEntitlements } from "./export-entitlements.ts";
import { importStatuses } from "./import-statuses.ts";

/** The Contoso tenant of examples/feed, by its feed key. */
const contoso = "6f1c2a9e-3b7d-4e21-9c55-0a1b2c3d4e01";
const header = "tenant_id,service,stage,seats,l1,l2,service_status,engagement_scenario,target_date,note";
const inProgress = (note: string) =>
  `${contoso},Exchange,delivery,12000,In Progress,Migration,Migrate,Customer-Led,2025-06-30,"${note}"`;

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  const outcome = await syncPortfolio(deps, {
    folder: new URL("../../../examples/feed", import.meta.url).pathname,
    actor: admin,
    dryRun: false,
    full: false,
    partial: false,
    allowMassEnd: false,
  });
  expect(outcome.applied).toBe(true);
});
afterAll(() => database.close());

async function historyRows(): Promise<number> {
  const { rows } = await database.execute("select count(*)::int as n from status_history");
  return Number(rows[0]?.n);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The exported CSV rows of Contoso's Exchange entitlement, with the header. */
async function exportedContosoExchange(): Promise<string> {
  let text = "";
  await exportEntitlements(deps, admin, { serviceId: "exchange" }, "csv", (chunk) => {
    text += chunk;
  });
  const [head, ...rows] = text.trim().split("\n");
  return [head, ...rows.filter((row) => row.includes(contoso))].join("\n");
}

describe("the status CSV names tenants by the feed's tenant_id", () => {
  it("imports a file that names its tenants only by tenant_id", async () => {
    const report = await importStatuses(deps, {
      csvText: `${header}\n${inProgress("Deploying; wave one of three moved 4,000 mailboxes.")}\n`,
      actor: admin,
    });
    expect(report).toMatchObject({ entitlements: 1, changed: 1, errors: [], written: true });
  });

  it("exports the tenant_id, so the exported file imports back as unchanged", async () => {
    const file = await exportedContosoExchange();
    expect(file.split("\n")[0]).toContain("tenant_domain,tenant_id,");
    expect(file).toContain(`contoso.onmicrosoft.com,${contoso},exchange`);
    const report = await importStatuses(deps, { csvText: file, actor: admin });
    expect(report).toMatchObject({ changed: 0, unchanged: 1, errors: [] });
  });

  it("reports a re-imported file as unchanged, not as a version conflict, and writes nothing", async () => {
    const edited = (await exportedContosoExchange()).replace(
      "wave one of three moved 4,000 mailboxes",
      "wave two of three moved 8,000 mailboxes",
    );
    const first = await importStatuses(deps, { csvText: edited, actor: admin });
    expect(first).toMatchObject({ changed: 1, unchanged: 0, written: true });
    const before = await historyRows();
    const again = await importStatuses(deps, { csvText: edited, actor: admin });
    expect(again).toMatchObject({ changed: 0, unchanged: 1, errors: [] });
    expect(await historyRows()).toBe(before);
  });

  it("still refuses a stale file that would change the status", async () => {
    const stale = (await exportedContosoExchange()).replace("wave two of three", "wave three of three");
    await importStatuses(deps, {
      csvText: `${header}\n${inProgress("Deploying; wave two done, the rest waits on the new firewall.")}\n`,
      actor: admin,
    });
    const error = await refusal(importStatuses(deps, { csvText: stale, actor: admin }));
    expect(error.violations).toEqual([
      expect.objectContaining({ field: "rows.2.version", code: "version_conflict" }),
    ]);
  });

  it("refuses an unknown tenant_id and one that contradicts the domain, naming row and column", async () => {
    const rows = [
      inProgress("Deploying.").replace(contoso, "00000000-0000-4000-8000-000000000000"),
      `contosoeu.onmicrosoft.com,${inProgress("Deploying.")}`,
    ];
    const error = await refusal(importStatuses(deps, { csvText: `${header}\n${rows[0]}\n`, actor: admin }));
    expect(error.violations).toEqual([
      expect.objectContaining({ field: "rows.2.tenant_id", code: "tenant_unknown" }),
    ]);
    const mismatch = await refusal(
      importStatuses(deps, { csvText: `tenant_domain,${header}\n${rows[1]}\n`, actor: admin }),
    );
    expect(mismatch.violations).toEqual([
      expect.objectContaining({ field: "rows.2.tenant_id", code: "tenant_mismatch" }),
    ]);
  });

  it("reads a tenant_id the importer may not see as unknown, never revealing its domain", async () => {
    const partner = await createUser(database.db, { role: "partner" });
    const error = await refusal(
      importStatuses(deps, { csvText: `${header}\n${inProgress("Deploying.")}\n`, actor: partner }),
    );
    expect(error.violations).toEqual([
      expect.objectContaining({ field: "rows.2.tenant_id", code: "tenant_unknown" }),
    ]);
    expect(JSON.stringify(error.violations)).not.toContain("contoso.onmicrosoft.com");
  });

  it("refuses a file with neither tenant_domain nor tenant_id", async () => {
    const error = await refusal(
      importStatuses(deps, { csvText: "service,seats,l1\nExchange,12000,In Progress\n", actor: admin }),
    );
    expect(error.violations).toEqual([
      expect.objectContaining({ field: "rows.1.tenant_domain", code: "column_missing" }),
    ]);
  });
});
