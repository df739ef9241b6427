import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createUser, putSegments } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { feedFolder, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { AppError } from "../../domain/app-error.ts";
import { assessUsage, contradictionKinds } from "../../domain/usage/assess-usage.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { syncPortfolio } from "../feed/sync-portfolio.ts";
import { exportEntitlements } from "./export-entitlements.ts";
import { getEntitlement } from "./get-entitlement.ts";
import { type EntitlementFilter, listEntitlements } from "./list-entitlements.ts";
import { setStatus } from "./set-status.ts";

/**
 * A portfolio made through the feed: one tenant with five services of 1,000
 * seats and usage that reads against their statuses, and a second tenant a
 * full sync ends. Today is 2025-03-10 (testNow): the last 90 days start after
 * 2024-12-10.
 */
let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;
let fm: Actor;
const id: Record<string, string> = {};

const files = {
  customers: "customer_key,name\nC-1,Contoso\n",
  tenants:
    "tenant_id,customer_key,name,domain\nT-1,C-1,Contoso Main,contoso.example\nT-2,C-1,Contoso Old,old.example\n",
  entitlements: [
    "tenant_id,service,available_seats",
    ...["exchange", "teams", "sharepoint", "onedrive", "yammer"].map((service) => `T-1,${service},1000`),
    "T-2,exchange,1000",
  ].join("\n"),
  usage: [
    "tenant_id,service,date,active_seats",
    "T-1,exchange,2025-01-01,300",
    "T-1,exchange,2025-02-01,500",
    "T-1,teams,2024-11-01,40",
    "T-1,teams,2024-12-01,0",
    "T-1,teams,2025-01-01,0",
    "T-1,teams,2025-02-01,0",
    "T-1,sharepoint,2024-12-01,10",
    "T-1,sharepoint,2025-01-01,20",
    "T-1,sharepoint,2025-02-01,30",
    "T-1,onedrive,2025-02-01,100",
  ].join("\n"),
};

const sync = (folder: string, full = false) =>
  syncPortfolio(deps, { folder, actor: admin, dryRun: false, full, partial: false, allowMassEnd: true });

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  fm = await createUser(database.db, { role: "assignment_fm" });
  await sync(feedFolder(files));
  const { rows } = await database.execute(
    `select t.external_id || '/' || e.service_id as key, e.id::text as id
       from entitlements e join tenants t on t.id = e.tenant_id where t.external_id in ('T-1', 'T-2')`,
  );
  for (const row of rows as { key: string; id: string }[]) id[row.key] = row.id;
  const tenant = await database.execute("select id::text as id from tenants where external_id = 'T-1'");
  await assign(database.db, fm.id, { tenantId: String((tenant.rows[0] as { id: string }).id) });
  const one = (l1: string) => [{ seats: 1000, l1, note: "Set up by the test." }];
  await putSegments(database.db, id["T-1/exchange"]!, one("blocked"));
  await putSegments(database.db, id["T-1/teams"]!, one("in_progress"));
  await putSegments(database.db, id["T-1/sharepoint"]!, one("status_unknown"));
  await putSegments(database.db, id["T-1/onedrive"]!, one("in_progress"));
  await putSegments(database.db, id["T-1/yammer"]!, [
    { seats: 600, l1: "in_progress", splitReason: "geography" },
    { seats: 400, l1: "status_unknown", splitReason: "geography" },
  ]);
});
afterAll(async () => {
  await database.close();
  removeFeedFolders();
});

const keyOf = (entitlementId: string) => Object.entries(id).find(([, value]) => value === entitlementId)?.[0];
async function listed(filter: EntitlementFilter): Promise<string[]> {
  const page = await listEntitlements(deps, admin, { limit: 100, ...filter });
  return page.items.map((view) => keyOf(view.id) ?? view.id);
}
const sorted = (keys: string[]) => [...keys].sort();

describe("the entitlement view's usage", () => {
  it("carries the trend and the newest active date, and the read adds the playbook's reading", async () => {
    const view = await getEntitlement(deps, admin, id["T-1/exchange"]!);
    expect(view.usage).toEqual({ date: "2025-02-01", trend: [300, 500], lastActiveDate: "2025-02-01" });
    expect(view.usageAssessment).toMatchObject({
      activeSeats: 500,
      sharePercent: 50,
      phase: "operate",
      trend: [300, 500],
      contradictions: [{ kind: "active_while_halted" }],
    });
    expect([view.endedAt, view.resplitNeeded]).toEqual([null, false]);
    const none = await getEntitlement(deps, admin, id["T-1/yammer"]!);
    expect([none.usage, none.usageAssessment.sharePercent]).toEqual([null, null]);
  });
});

describe("usage filters", () => {
  it("filters by contradiction, each kind as the domain function judges it", async () => {
    expect(sorted(await listed({ contradiction: "any" }))).toEqual([
      "T-1/exchange",
      "T-1/sharepoint",
      "T-1/teams",
    ]);
    const page = await listEntitlements(deps, admin, { limit: 100 });
    const playbook = deps.playbook.index.playbook;
    for (const kind of contradictionKinds) {
      const judged = page.items
        .filter((view) =>
          assessUsage(playbook, { ...view, today: "2025-03-10" }).contradictions.some((c) => c.kind === kind),
        )
        .map((view) => keyOf(view.id)!);
      expect(judged).toHaveLength(1);
      expect(await listed({ contradiction: kind })).toEqual(judged);
    }
  });

  it("filters by share of available seats, bounds included", async () => {
    expect(sorted(await listed({ usageShareMin: 10 }))).toEqual(["T-1/exchange", "T-1/onedrive"]);
    expect(sorted(await listed({ usageShareMax: 3 }))).toEqual(["T-1/sharepoint", "T-1/teams"]);
    expect(sorted(await listed({ usageShareMin: 3, usageShareMax: 10 }))).toEqual([
      "T-1/onedrive",
      "T-1/sharepoint",
    ]);
  });
});

describe("the usage sort and the export", () => {
  it("sorts by share, entitlements without one last either way, page by page", async () => {
    expect(await listed({ sort: "usage_share" })).toEqual([
      "T-1/exchange",
      "T-1/onedrive",
      "T-1/sharepoint",
      "T-1/teams",
      ...withoutShare("desc"),
    ]);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEntitlements(deps, admin, {
        sort: "usage_share",
        order: "asc",
        limit: 2,
        cursor,
      });
      pages.push(...page.items.map((view) => keyOf(view.id)!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([
      "T-1/teams",
      "T-1/sharepoint",
      "T-1/onedrive",
      "T-1/exchange",
      ...withoutShare("asc"),
    ]);
  });

  it("exports what the list selects, usage included", async () => {
    let text = "";
    const write = async (chunk: string) => {
      text += chunk;
    };
    await exportEntitlements(deps, admin, { contradiction: "any", sort: "usage_share" }, "json", write);
    const views = JSON.parse(text) as { id: string; usage: { trend: number[] } | null }[];
    expect(views.map((view) => keyOf(view.id))).toEqual(["T-1/exchange", "T-1/sharepoint", "T-1/teams"]);
    expect(views.map((view) => view.usage?.trend)).toEqual([
      [300, 500],
      [10, 20, 30],
      [40, 0, 0, 0],
    ]);
  });

  it("refuses bad filter values, naming the parameter and the rule", async () => {
    const violations = async (filter: EntitlementFilter) => {
      const error = await listEntitlements(deps, admin, filter).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).violations.map((v) => `${v.field} ${v.code}`);
    };
    expect(await violations({ usageShareMin: -1, contradiction: "unhappy", ended: "maybe" })).toEqual([
      "usageShareMin percent_invalid",
      "contradiction contradiction_invalid",
      "ended ended_invalid",
    ]);
    expect(await violations({ usageShareMin: 20, usageShareMax: 10 })).toEqual([
      "usageShareMin usage_share_range_invalid",
    ]);
  });
});

/** The two entitlements without a share: their tie is broken by id, in the list's direction. */
function withoutShare(order: "asc" | "desc"): string[] {
  const keys = ["T-1/yammer", "T-2/exchange"].sort((a, b) => id[a]!.localeCompare(id[b]!));
  return order === "desc" ? keys.reverse() : keys;
}

describe("ended entitlements and re-split statuses", () => {
  it("lists an ended entitlement only when asked, with when it ended", async () => {
    const { tenants, entitlements, usage, customers } = files;
    const withoutT2 = {
      customers,
      tenants: tenants
        .split("\n")
        .filter((line) => !line.startsWith("T-2"))
        .join("\n"),
      entitlements: entitlements
        .split("\n")
        .filter((line) => !line.startsWith("T-2"))
        .join("\n"),
      usage,
    };
    await sync(feedFolder(withoutT2), true);
    expect(await listed({})).not.toContain("T-2/exchange");
    expect(await listed({ ended: "include" })).toContain("T-2/exchange");
    expect(await listed({ ended: "only" })).toEqual(["T-2/exchange"]);
    const view = await getEntitlement(deps, admin, id["T-2/exchange"]!);
    expect(view.endedAt).toBe(deps.now().toISOString());
  });

  it("lists a split the feed's seat change left not adding up, until it is split again", async () => {
    expect(await listed({ resplitNeeded: true })).toEqual([]);
    await sync(feedFolder({ entitlements: "tenant_id,service,available_seats\nT-1,yammer,1200\n" }));
    expect(await listed({ resplitNeeded: true })).toEqual(["T-1/yammer"]);
    const view = await getEntitlement(deps, admin, id["T-1/yammer"]!);
    expect([view.resplitNeeded, view.availableSeats]).toEqual([true, 1200]);
    await setStatus(deps, {
      entitlementId: view.id,
      version: view.version,
      segments: [
        { seats: 1200, l1: "status_unknown", l2: "customer_unresponsive", note: "No answer to three calls." },
      ],
      actor: fm,
      source: "api",
    });
    expect(await listed({ resplitNeeded: true })).toEqual([]);
    expect((await getEntitlement(deps, admin, view.id)).resplitNeeded).toBe(false);
  });
});
