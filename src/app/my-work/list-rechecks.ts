import { loadEntitlementViews } from "../../db/repositories/entitlement-repository.ts";
import { openRechecksOf } from "../../db/repositories/recheck-repository.ts";
import { defaultLanguage } from "../../domain/i18n/languages.ts";
import { formatIsoDate } from "../../domain/i18n/rule-text.ts";
import { digestText } from "../../domain/i18n/server-texts.ts";
import type { RecheckItem, RecheckList } from "../../http/schemas/work-items.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf, requireActor } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";

/**
 * My work's re-check group: the person's open "re-check: the fix shipped"
 * items (docs/ROADMAP.md), oldest first, within what they may read. An item
 * leaves by itself when its entitlement's status changes, or when dismissed.
 */
export async function listRechecks(
  deps: AppDeps,
  actor: Actor,
  input: { limit?: number | undefined } = {},
): Promise<RecheckList> {
  requireActor(deps, actor);
  const visibleTo = listScopeOf(deps, actor);
  const checks = new FilterChecks();
  const limit = checks.limit(input.limit, 100);
  checks.done();
  const db = deps.database.db;
  const language = actor.language ?? defaultLanguage;
  const found = await openRechecksOf(db, actor.id, visibleTo, limit);
  const views = new Map(
    (
      await loadEntitlementViews(
        db,
        found.rows.map((row) => row.entitlementId),
      )
    ).map((view) => [view.id, view]),
  );
  const items: RecheckItem[] = found.rows.flatMap(({ entitlementId, ...row }) => {
    const entitlement = views.get(entitlementId);
    if (!entitlement) return [];
    const { shippedDate, title } = row.workItem;
    const reason = digestText.say(language, shippedDate ? "reason_shipped_on" : "reason_shipped", {
      title,
      seats: row.seats,
      date: shippedDate ? formatIsoDate(language, shippedDate) : "",
    });
    return [{ ...row, reason, entitlement }];
  });
  return { label: digestText.say(language, "group_recheck"), count: found.count, items };
}
