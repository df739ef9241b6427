import type { QualityAnswer, QualityOwnerCount } from "../../src/http/schemas/quality.ts";
import { useMyWork } from "../api/queries.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { useSearchParams } from "../router/router.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { useQuality } from "./quality-query.ts";

/** Items a page of the queue lists. */
export const qualityPageSize = 50;

export interface QualityFilters {
  rule: string;
  /** "me", "all" or a user id. */
  owner: string;
  team: string;
  page: number;
}

export interface Option {
  value: string;
  label: string;
}

/**
 * The Data quality page's state: the filters, kept in the URL (?rule=,
 * ?owner=, ?team=, ?page=) so a link or a reload keeps them, and the queue
 * they select. Without an owner in the URL, a person with work of their own
 * (assignments or owned statuses) starts on theirs, anyone else on everything.
 */
export function useQualityPage() {
  const index = usePlaybook();
  const [params, setParams] = useSearchParams();
  const work = useMyWork(1, !params.has("owner"));
  const hasWork = work.data ? work.data.assignments > 0 || work.data.counts.total > 0 : false;
  const deciding = !params.has("owner") && work.isPending;
  const filters: QualityFilters = {
    rule: params.get("rule") ?? "",
    owner: params.get("owner") ?? (hasWork ? "me" : "all"),
    team: params.get("team") ?? "",
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
  const query = {
    rule: filters.rule,
    owner: filters.owner === "all" ? "" : filters.owner,
    team: filters.team,
    limit: String(qualityPageSize),
    offset: String((filters.page - 1) * qualityPageSize),
  };
  const quality = useQuality(query, !deciding);
  const set = (key: keyof QualityFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (key === "owner" || value !== "") next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next, { replace: false });
  };
  const answer = quality.data ?? null;
  return {
    filters,
    setFilter: set,
    answer,
    loading: deciding || quality.isPending,
    error: quality.isError ? quality.error.message : null,
    pages: answer ? Math.max(1, Math.ceil(answer.total / qualityPageSize)) : 1,
    ruleOptions: answer ? ruleOptions(answer) : [],
    ownerOptions: ownerOptions(answer?.counts.byOwner ?? [], filters.owner),
    teamOptions: [
      { value: "", label: i18n.t("quality.filters.anyTeam") },
      ...index.playbook.roles.map((role) => ({ value: role.id, label: role.name })),
    ],
    summary: answer ? summaryOf(answer, filters) : null,
  };
}

export function ruleOptions(answer: QualityAnswer): Option[] {
  const all = Object.values(answer.counts.byRule).reduce((sum, n) => sum + n, 0);
  return [
    { value: "", label: i18n.t("quality.allRulesCount", { count: formatCount(all) }) },
    ...answer.rules
      .filter((rule) => rule.enabled)
      .map((rule) => ({
        value: rule.id,
        label: i18n.t("quality.ruleCount", {
          rule: rule.label,
          count: formatCount(answer.counts.byRule[rule.id] ?? 0),
        }),
      })),
  ];
}

/** Mine, everyone, and the people the current answer counts (the chosen one kept). */
export function ownerOptions(byOwner: readonly QualityOwnerCount[], chosen: string): Option[] {
  const people = byOwner
    .filter((owner) => owner.kind === "person" && owner.userId)
    .map((owner) => ({ value: owner.userId!, label: owner.display }));
  const options = [
    { value: "me", label: i18n.t("quality.mine") },
    { value: "all", label: i18n.t("quality.everyone") },
    ...people,
  ];
  if (!options.some((option) => option.value === chosen)) {
    options.push({ value: chosen, label: i18n.t("quality.chosen") });
  }
  return options;
}

export function summaryOf(answer: QualityAnswer, filters: QualityFilters): string {
  const whose = filters.owner === "me" ? "mine" : filters.owner === "all" ? "all" : "person";
  const pending =
    answer.notesPending > 0 ? i18n.t("quality.summary.pending", { count: answer.notesPending }) : "";
  return `${i18n.t(`quality.summary.${whose}`, { count: answer.total })}${i18n.t("quality.summary.today", {
    today: formatDate(answer.today),
  })}${pending}`;
}
