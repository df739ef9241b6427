import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
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
import type { ProposedSegment } from "../../domain/status-segment.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type ExportFilter, type ExportFormat, exportEntitlements } from "./export-entitlements.ts";
import { listEntitlementsAsOf } from "./list-entitlements-as-of.ts";
import { setStatus } from "./set-status.ts";

/**
 * The done-means of issue 21: an export taken on a day equals, byte for byte,
 * the export as of that day taken after the portfolio changed (status
 * changes, a split, a first status, a new entitlement, an ended one). The
 * history is dated by the injected clock, as every status write dates it.
 * Names are today's in an as-of export, so none is renamed here; rows of
 * entitlements that had no status yet are not in an as-of export
 * (docs/HISTORY.md), so they are taken out of the old file before comparing.
 */
let database: Database;
let deps: AppDeps & { setNow(d: Date): void };
let fm: Actor;
const id: Record<string, string> = {};
const version: Record<string, number> = {};

const blocked = (seats: number, note: string): ProposedSegment => ({
  seats,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  engagementScenario: "customer_led",
  note,
  nextActionDate: "2025-02-20",
});
const unknown = (seats: number): ProposedSegment => ({
  seats,
  l1: "status_unknown",
  l2: "customer_unresponsive",
  note: "Three calls and two emails over two weeks, no reply.",
});

async function write(key: string, segments: ProposedSegment[]) {
  const entitlementId = id[key]!;
  const view = await setStatus(deps, {
    entitlementId,
    version: version[key] ?? 1,
    segments,
    actor: fm,
    source: "web",
  });
  version[key] = view.entitlement.version;
}

async function exported(filter: ExportFilter, format: ExportFormat = "csv"): Promise<string> {
  const chunks: string[] = [];
  await exportEntitlements(deps, fm, filter, format, (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join("");
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-02-01T10:00:00.000Z"));
  fm = await createUser(database.db, { role: "assignment_fm" });
  const customer = await createCustomer(database.db, { name: "Adatum" });
  const tenant = await createTenant(database.db, { customerId: customer.id, name: "Adatum EU" });
  await assign(database.db, fm.id, { tenantId: tenant.id });
  for (const [key, serviceId] of [
    ["exchange", "exchange"],
    ["teams", "teams"],
    ["sharepoint", "sharepoint"],
    ["onedrive", "onedrive"],
  ] as const) {
    id[key] = (
      await createEntitlement(database.db, { tenantId: tenant.id, serviceId, availableSeats: 100 })
    ).id;
  }
  // Another customer's tenant, not assigned: in neither file.
  id.hidden = (await createEntitlement(database.db, { availableSeats: 100 })).id;
  version.hidden = 1;
  await write("exchange", [blocked(100, '=HYPERLINK("x") the proxy, "quoted", blocks sign-in.')]);
  await write("teams", [unknown(100)]);
  await write("sharepoint", [blocked(100, "Waiting on the firewall change.")]);
});
afterAll(() => database.close());

describe("an export as of a day", () => {
  it("is the export taken that day, after statuses changed, split, began and ended", async () => {
    const thatDay = await exported({});
    const thatDayJson = await exported({}, "jsonl");

    deps.setNow(new Date("2025-02-15T09:00:00.000Z"));
    await write("exchange", [unknown(100)]);
    await write("teams", [
      { ...blocked(60, "Half the users wait on new laptops."), splitReason: "geography" },
      { ...unknown(40), splitReason: "geography" },
    ]);
    await write("onedrive", [blocked(100, "A first status, written after the day.")]);
    await database.execute("update entitlements set ended_at = $1 where id = $2", [
      "2025-02-15T09:00:00Z",
      id.sharepoint,
    ]);
    const later = await createEntitlement(database.db, { availableSeats: 10 });
    expect(later.id).toBeTruthy();

    const now = await exported({});
    expect(now).not.toBe(thatDay);
    // OneDrive had no status that day: its empty row is not in an as-of export.
    const withStatus = thatDay
      .split("\n")
      .filter((line) => !line.includes(`,${id.onedrive},`))
      .join("\n");
    expect(withStatus).not.toBe(thatDay);
    expect(await exported({ asOf: "2025-02-01" })).toBe(withStatus);
    // The formula guard and the quoting held on the rebuilt note too.
    expect(withStatus).toContain(`"'=HYPERLINK(""x"") the proxy, ""quoted"", blocks sign-in."`);

    const asOfJson = (await exported({ asOf: "2025-02-01" }, "jsonl")).trim().split("\n");
    const listed = (
      await listEntitlementsAsOf(deps, fm, { asOf: "2025-02-01", sort: "customer", limit: 100 })
    ).items;
    expect(asOfJson).toEqual(listed);
    const statusOf = (text: string) => {
      const view = JSON.parse(text) as EntitlementView;
      return [view.id, view.version, view.stage, view.availableSeats, view.blockedSeats, view.updatedAt];
    };
    const oldViews = thatDayJson.trim().split("\n").map(statusOf);
    expect(asOfJson.map(statusOf)).toEqual(
      oldViews.filter(([entitlementId]) => entitlementId !== id.onedrive),
    );
  });

  it("takes the filters of then, and today is today's export", async () => {
    const blockedThen = await exported({ asOf: "2025-02-01", l1: "blocked" });
    const lines = blockedThen.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(",blocked,"))).toBe(true);
    expect(await exported({ asOf: "2025-02-15" })).toBe(await exported({}));
    // Blocked since 1 February: 13 days at the end of the 14th (Exchange and SharePoint).
    const daysBlocked = async (l1DaysMin: number) =>
      (await exported({ asOf: "2025-02-14", l1: "blocked", l1DaysMin })).trim().split("\n").length - 1;
    expect([await daysBlocked(13), await daysBlocked(14)]).toEqual([2, 0]);
  });

  it("refuses a day after today and usage filters on a past day", async () => {
    await expect(exported({ asOf: "2025-02-16" })).rejects.toMatchObject({
      violations: [expect.objectContaining({ field: "asOf", code: "date_in_future" })],
    });
    const refused = await exported({ asOf: "2025-02-01", usageShareMin: 10 }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).violations).toEqual([
      expect.objectContaining({ field: "usageShareMin", code: "not_kept_in_history" }),
    ]);
  });
});
