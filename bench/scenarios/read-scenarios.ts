import { type Actor, type AppDeps, todayOf } from "../../src/app/app-deps.ts";
import { countEntitlements } from "../../src/app/entitlements/count-entitlements.ts";
import { type EntitlementFilter, listEntitlements } from "../../src/app/entitlements/list-entitlements.ts";
import { getBlockedAging } from "../../src/app/reports/blocked-aging.ts";
import { getBlockedByL2Service } from "../../src/app/reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "../../src/app/reports/blocked-by-l3.ts";
import { getBlockedOverTime } from "../../src/app/reports/blocked-over-time.ts";
import { getDwellTimes } from "../../src/app/reports/dwell-times.ts";
import { getOverdueNextActions } from "../../src/app/reports/overdue-next-actions.ts";
import { getProjectedUnblocks } from "../../src/app/reports/projected-unblocks.ts";
import { addDays } from "../../src/domain/history/as-of-day.ts";

/** Who a request acts as: the Admin sees every tenant, the Delivery FM only those assigned to them. */
export interface BenchActors {
  admin: Actor;
  fm: Actor;
}

/**
 * One read the benchmark times twice: through HTTP (`path`, as `user`) and as
 * the SQL the route's use-case sends (`run`, called in process to capture it).
 */
export interface ReadScenario {
  group: "list" | "report";
  name: string;
  path: string;
  user: keyof BenchActors;
  run: (deps: AppDeps) => Promise<unknown>;
}

function queryString(filter: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Pages to walk before the measured page of the deep-cursor scenario. */
export const deepPage = 50;

/**
 * The five portfolio list filters, the counts the portfolio shows beside
 * their first pages, and every report. Values that depend on the
 * data (the busiest L2 and service, a word of a customer name, the cursor 50
 * pages deep) are looked up in the benchmark database first.
 */
export async function readScenarios(deps: AppDeps, actors: BenchActors): Promise<ReadScenario[]> {
  const execute = deps.database.execute;
  const [pair] = (
    await execute(
      `select s.l2, e.service_id as "serviceId" from status_segments s join entitlements e on e.id = s.entitlement_id
        where s.l1 = 'blocked' and s.l2 is not null
        group by s.l2, e.service_id order by count(*) desc, 1, 2 limit 1`,
    )
  ).rows as { l2: string; serviceId: string }[];
  // What someone types into the search box: the first two words of the median customer's name.
  const [customer] = (
    await execute(
      "select name from customers order by name offset (select count(*) / 2 from customers) limit 1",
    )
  ).rows as { name: string }[];
  const word = customer?.name.split(" ").slice(0, 2).join(" ") ?? "a";

  const list = (name: string, user: keyof BenchActors, filter: EntitlementFilter): ReadScenario => ({
    group: "list",
    name,
    path: `/api/entitlements${queryString(filter as Record<string, string>)}`,
    user,
    run: (appDeps) => listEntitlements(appDeps, actors[user], filter),
  });

  // The portfolio asks for the count beside its first page ("1,284 entitlements").
  const count = (name: string, user: keyof BenchActors, filter: EntitlementFilter): ReadScenario => ({
    group: "list",
    name: `count: ${name}`,
    path: `/api/entitlements/count${queryString(filter as Record<string, string>)}`,
    user,
    run: (appDeps) => countEntitlements(appDeps, actors[user], filter),
  });

  const deep: EntitlementFilter = { sort: "target_date" };
  let cursor: string | undefined;
  for (let page = 1; page < deepPage; page += 1) {
    const result = await listEntitlements(deps, actors.admin, { ...deep, cursor });
    cursor = result.nextCursor ?? undefined;
    if (!cursor) break;
  }

  const back182 = addDays(todayOf(deps.now()), -182);
  const report = (
    name: string,
    endpoint: string,
    call: (appDeps: AppDeps, actor: Actor) => Promise<unknown>,
  ): ReadScenario => ({
    group: "report",
    name,
    path: `/api/reports/${endpoint}`,
    user: "admin",
    run: (appDeps) => call(appDeps, actors.admin),
  });

  return [
    list("my Blocked tenants (Delivery FM)", "fm", { l1: "blocked" }),
    list(`Blocked by one L2 and service (${pair?.l2}, ${pair?.serviceId})`, "admin", {
      l1: "blocked",
      ...(pair ? { l2: pair.l2, serviceId: pair.serviceId } : {}),
    }),
    list("overdue next actions", "admin", { overdue: true }),
    list(`free text "${word}"`, "admin", { q: word }),
    list(`target date order, page ${deepPage} by cursor`, "admin", {
      ...deep,
      ...(cursor ? { cursor } : {}),
    }),
    count("my Blocked tenants (Delivery FM)", "fm", { l1: "blocked" }),
    count("Blocked by one L2 and service", "admin", {
      l1: "blocked",
      ...(pair ? { l2: pair.l2, serviceId: pair.serviceId } : {}),
    }),
    count("overdue next actions", "admin", { overdue: true }),
    count(`free text "${word}"`, "admin", { q: word }),
    count("everything", "admin", {}),
    report("Blocked by L2 x service", "blocked-by-l2-service", (appDeps, actor) =>
      getBlockedByL2Service(appDeps, actor),
    ),
    report("Blocked by L3", "blocked-by-l3", (appDeps, actor) => getBlockedByL3(appDeps, actor)),
    report("aging buckets", "aging", (appDeps, actor) => getBlockedAging(appDeps, actor)),
    report("projected unblocks", "projected-unblocks", (appDeps, actor) =>
      getProjectedUnblocks(appDeps, actor),
    ),
    report("Blocked over time (52 weeks)", "blocked-over-time", (appDeps, actor) =>
      getBlockedOverTime(appDeps, actor),
    ),
    report("overdue next actions", "overdue-next-actions", (appDeps, actor) =>
      getOverdueNextActions(appDeps, actor),
    ),
    // Ten default pages in one answer, as the report gave by default before it paged.
    report("overdue next actions, 500 a page", "overdue-next-actions?limit=500", (appDeps, actor) =>
      getOverdueNextActions(appDeps, actor, { limit: 500 }),
    ),
    // History reads (docs/HISTORY.md): a past day's totals, and dwell times over the last 90 days.
    report(
      "Blocked by L2 x service, as of 6 months back",
      `blocked-by-l2-service?asOf=${back182}`,
      (appDeps, actor) => getBlockedByL2Service(appDeps, actor, { asOf: back182 }),
    ),
    report("dwell times by L2, 90 days", "dwell-times", (appDeps, actor) => getDwellTimes(appDeps, actor)),
  ];
}
