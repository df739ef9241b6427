import { loadEntitlementViews } from "../../db/repositories/entitlement-repository.ts";
import { readMyWork } from "../../db/repositories/my-work-repository.ts";
import { readPreferences } from "../../db/repositories/preference-repository.ts";
import {
  isoWeekEnd,
  myWorkGroupLabel,
  myWorkGroups,
  myWorkReason,
} from "../../domain/my-work/my-work-groups.ts";
import { defaultTimeZone, localClock } from "../../domain/notifications/digest-schedule.ts";
import type { MyWork, MyWorkItem, MyWorkQuery } from "../../http/schemas/my-work.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf, requireActor } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";

/**
 * The acting person's work: the entitlements they are assigned to (through
 * the customer or the tenant) or own a segment of, not ended, within what
 * they may read, grouped as overdue next actions, due this week, Blocked past
 * the target date and the rest. Today is the date on the person's clock (the
 * time zone of their preferences, UTC until they choose one), or `on.today`
 * (the digest of a given day); the week is the ISO week, Monday to Sunday.
 * Each group holds at most `limit` items (default 100); its count is complete.
 */
export async function getMyWork(
  deps: AppDeps,
  actor: Actor,
  input: MyWorkQuery = {},
  on?: { today: string; timeZone: string },
): Promise<MyWork> {
  requireActor(deps, actor);
  const visibleTo = listScopeOf(deps, actor);
  const checks = new FilterChecks();
  const limit = checks.limit(input.limit, 100);
  checks.done();
  const timeZone =
    on?.timeZone ?? (await readPreferences(deps.database.db, actor.id)).timeZone ?? defaultTimeZone;
  const today = on?.today ?? localClock(deps.now(), timeZone).date;
  const weekEnds = isoWeekEnd(today);
  const db = deps.database.db;
  const found = await readMyWork(db, { user: actor, visibleTo, today, weekEnd: weekEnds, limit });
  const views = new Map(
    (
      await loadEntitlementViews(
        db,
        found.rows.map((row) => row.id),
      )
    ).map((v) => [v.id, v]),
  );
  const items: MyWorkItem[] = found.rows.flatMap((row) => {
    const entitlement = views.get(row.id);
    if (!entitlement) return [];
    const reason = myWorkReason(row.group, row.date, today, actor.language ?? undefined);
    return [
      { group: row.group, date: row.date, reason, assigned: row.assigned, owner: row.owner, entitlement },
    ];
  });
  const total = myWorkGroups.reduce((sum, group) => sum + found.counts[group], 0);
  return {
    today,
    weekEnds,
    timeZone,
    assignments: found.assignments,
    counts: { ...found.counts, total },
    groups: myWorkGroups.map((id) => ({
      id,
      label: myWorkGroupLabel(id, actor.language ?? undefined),
      count: found.counts[id],
      items: items.filter((item) => item.group === id),
    })),
  };
}
