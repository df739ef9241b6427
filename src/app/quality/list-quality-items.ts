import { readQuality } from "../../db/repositories/quality-repository.ts";
import { findUserById } from "../../db/repositories/user-repository.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { qualityRuleLabel } from "../../domain/quality/quality-detail.ts";
import {
  type QualityRuleId,
  qualityRuleIds,
  qualityRulesOf,
  ruleEnabled,
} from "../../domain/quality/quality-rules.ts";
import type { QualityAnswer, QualityQuery } from "../../http/schemas/quality.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { indexFor } from "../playbook/playbook-translations.ts";
import { judgeUnjudgedNotes, noteJudgeBasis } from "./judge-unjudged-notes.ts";
import { ownerCountView, qualityItemView } from "./quality-view.ts";

/**
 * Notes judged inline per read, latest changed first: enough for one
 * person's statuses and for a note just fixed; the rest of a large scope is
 * judged by the quality.judge_notes job and counted as pending meanwhile.
 */
export const inlineJudgeBudget = 500;

/**
 * The data-quality queue within what the actor may read (a Partner: its
 * tenants; Engineering, which reads no single tenant: refused), computed
 * from the current data on every read, so a fixed item is gone at once.
 * Filters: one person's items (`owner`, a user id or "me"), a team's
 * (`team`, a playbook role), one rule; paged by limit and offset.
 */
export async function listQualityItems(
  deps: AppDeps,
  actor: Actor,
  input: QualityQuery = {},
): Promise<QualityAnswer> {
  const visibleTo = listScopeOf(deps, actor);
  // Names and sentences in the actor's language; the rules read the same playbook either way.
  const index = indexFor(deps, actor);
  const filter = await qualityFilterOf(deps, actor, input);
  const scope = { visibleTo, mineOf: filter.owner };
  const today = todayOf(deps.now());
  const notes = await judgeUnjudgedNotes(deps, scope, inlineJudgeBudget);
  const rules = qualityRulesOf(index.playbook);
  const rows = await readQuality(deps.database.db, {
    ...scope,
    rules,
    usage: index.playbook.usage,
    today,
    basis: noteJudgeBasis(deps),
    team: filter.team,
    rule: filter.rule,
    limit: filter.limit,
    offset: filter.offset,
  });
  return {
    today,
    total: rows.total,
    limit: filter.limit,
    offset: filter.offset,
    counts: { byRule: rows.byRule, byOwner: rows.byOwner.map((count) => ownerCountView(index, count)) },
    rules: qualityRuleIds.map((id) => ({
      id,
      label: qualityRuleLabel(index, id),
      enabled: ruleEnabled(rules, id),
    })),
    notesPending: notes.pending ?? 0,
    items: rows.items.map((row) => qualityItemView(index, row, today)),
  };
}

interface QualityFilter {
  owner: string | null;
  team: string | null;
  rule: QualityRuleId | null;
  limit: number;
  offset: number;
}

/** The filters checked again in the core (HTTP and CLI check shapes first): each bad one names its field. */
async function qualityFilterOf(deps: AppDeps, actor: Actor, input: QualityQuery): Promise<QualityFilter> {
  const checks = new FilterChecks();
  const limit = checks.limit(input.limit, 100);
  const offset = input.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    checks.violations.push({
      field: "offset",
      code: "offset_invalid",
      message: "The offset must be 0 or more.",
    });
  const rule =
    input.rule === undefined ? null : checks.oneOf("rule", input.rule, qualityRuleIds, "note_grade");
  const owner = input.owner === "me" ? actor.id : checks.id("owner", input.owner);
  const team = teamOf(deps.playbook.index, input.team, checks);
  checks.done();
  if (owner && owner !== actor.id && !(await findUserById(deps.database.db, owner))) {
    checks.violations.push({ field: "owner", code: "owner_unknown", message: `There is no user ${owner}.` });
    checks.done();
  }
  return { owner, team, rule, limit, offset };
}

function teamOf(index: PlaybookIndex, value: string | undefined, checks: FilterChecks): string | null {
  const text = value?.trim();
  if (!text) return null;
  const role = index.role(text);
  if (!role) {
    checks.violations.push({
      field: "team",
      code: "team_unknown",
      message: `"${text}" is not a role of the playbook (id or name).`,
    });
    return null;
  }
  return role.id;
}
