import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { feedFolder, generatedFeed, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type SyncPortfolioInput, syncPortfolio } from "./sync-portfolio.ts";

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

// Each test starts from an empty portfolio of its own: what a sync skips depends on every earlier sync.
beforeEach(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
});
afterEach(() => database.close());
afterAll(() => removeFeedFolders());

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

async function count(sql: string): Promise<number> {
  const { rows } = await database.execute(`select count(*)::int as n from ${sql}`);
  return Number(rows[0]?.n);
}

const feed = generatedFeed(6, { usagePoints: 3 });

describe("a sync skips the files it has nothing to do for", () => {
  it("skips every file of an unchanged feed and reports the same counts as reading it", async () => {
    const folder = feedFolder({ ...feed });
    const first = await sync(folder);
    expect(first.skippedFiles).toEqual([]);
    const dryRun = await sync(folder, { dryRun: true });
    const again = await sync(folder);
    expect(again.skippedFiles).toEqual(["customers", "tenants", "entitlements", "usage"]);
    expect(dryRun.skippedFiles).toEqual(again.skippedFiles);
    expect(again.report).toMatchObject({
      customers: { added: 0, changed: 0, unchanged: 3, ended: 0 },
      tenants: { added: 0, changed: 0, unchanged: 6, ended: 0 },
      entitlements: { added: 0, changed: 0, unchanged: 12, ended: 0 },
      usage: { added: 0, changed: 0, unchanged: 36, ended: 0 },
    });
    expect(dryRun.report).toEqual(again.report);
  });

  it("reads a file again when its table changed since, and puts the feed's values back", async () => {
    const folder = feedFolder({ ...feed });
    await sync(folder);
    await database.execute(
      "update entitlements set available_seats = 1 where service_id = 'teams' and available_seats = 100",
    );
    const again = await sync(folder);
    expect(again.skippedFiles).toEqual(["customers", "tenants", "usage"]);
    expect(again.report.entitlements).toMatchObject({ changed: 1, unchanged: 11 });
    expect(await count("entitlements where available_seats = 1")).toBe(0);
  });

  it("reads what refers to a changed file: new customer names make tenants and below read again", async () => {
    await sync(feedFolder({ ...feed }));
    const renamed = { ...feed, customers: feed.customers.replace("Customer 0,", "Customer Zero,") };
    const again = await sync(feedFolder(renamed));
    expect(again.skippedFiles).toEqual([]);
    expect(again.report.customers).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it("reads a file again in a full sync when the last sync of it was not full, and ends the rest", async () => {
    await sync(feedFolder({ ...generatedFeed(7) }));
    const folder = feedFolder({ ...generatedFeed(6) });
    await sync(folder);
    const full = await sync(folder, { full: true, allowMassEnd: true });
    expect(full.skippedFiles).toEqual([]);
    expect(full.report.tenants).toMatchObject({ unchanged: 6, ended: 1 });
    const fullAgain = await sync(folder, { full: true });
    expect(fullAgain.skippedFiles).toEqual(["customers", "tenants", "entitlements", "usage"]);
    expect(fullAgain.report.tenants).toMatchObject({ unchanged: 6, ended: 0 });
  });

  it("reads a file with refused rows again, and refuses them again", async () => {
    const broken = { ...feed, entitlements: `${feed.entitlements}T-0,no-such-service,5\n` };
    const folder = feedFolder(broken);
    const first = await sync(folder, { partial: true });
    expect(first.report.rejected).toHaveLength(1);
    const again = await sync(folder, { partial: true });
    expect(again.skippedFiles).toEqual(["customers", "tenants", "usage"]);
    expect(again.report.rejected).toEqual(first.report.rejected);
  });
});
