import { readQuality } from "../../db/repositories/quality-repository.ts";
import { findUserById } from "../../db/repositories/user-repository.ts";
import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import { type TenantScope, tenantScopeOf } from "../../domain/policy/tenant-scope.ts";
import { type QualityRuleId, qualityRuleIds, qualityRulesOf } from "../../domain/quality/quality-rules.ts";
import type { QualityItem } from "../../http/schemas/quality.ts";
import { type AppDeps, todayOf } from "../app-deps.ts";
import { isKnownRole } from "../auth/authorize-actor.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";
import { judgeUnjudgedNotes, noteJudgeBasis } from "./judge-unjudged-notes.ts";
import { inlineJudgeBudget } from "./list-quality-items.ts";
import { qualityItemView } from "./quality-view.ts";

export interface PersonQualityItems {
  /** Every item of the person; `items` holds at most `limit` of them, the queue's order. */
  total: number;
  byRule: Record<QualityRuleId, number>;
  items: QualityItem[];
}

const none = (): PersonQualityItems => ({
  total: 0,
  byRule: Object.fromEntries(qualityRuleIds.map((rule) => [rule, 0])) as Record<QualityRuleId, number>,
  items: [],
});

/**
 * One person's data-quality items, as `GET /api/quality?owner=me` lists them
 * for that person (assigned to the tenant or customer, or owner of the
 * segment; within what they may read), for the daily digest. Runs as the
 * system for a person named by id: an unknown user, a role the playbook does
 * not define and a role that reads no single tenant (Engineering) have none.
 * `today` (YYYY-MM-DD) is the day dates are judged on, by default the
 * clock's date in UTC.
 */
export async function personQualityItems(
  deps: AppDeps,
  userId: string,
  options: { today?: string; limit?: number; language?: Language | null } = {},
): Promise<PersonQualityItems> {
  const user = await findUserById(deps.database.db, userId);
  if (!user || !isKnownRole(deps, user.role)) return none();
  const visibleTo: TenantScope = tenantScopeOf(user, "rows");
  if (visibleTo.kind === "none") return none();
  const scope = { visibleTo, mineOf: user.id };
  const today = options.today ?? todayOf(deps.now());
  await judgeUnjudgedNotes(deps, scope, inlineJudgeBudget);
  const playbook = deps.playbook.index.playbook;
  const rows = await readQuality(deps.database.db, {
    ...scope,
    rules: qualityRulesOf(playbook),
    usage: playbook.usage,
    today,
    basis: noteJudgeBasis(deps),
    limit: options.limit ?? 50,
    offset: 0,
  });
  const index = localizedIndex(deps.playbook, options.language ?? defaultLanguage);
  return {
    total: rows.total,
    byRule: rows.byRule,
    // The person's language: the digest is written in it.
    items: rows.items.map((row) => qualityItemView(index, row, today)),
  };
}
