import { daysBetween } from "../../src/domain/my-work/my-work-groups.ts";
import type { MyWork, MyWorkItem } from "../api/api-types.ts";
import { useMyWork } from "../api/queries.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatDate } from "../shared/format.ts";

/** Most items a group lists on the page; the counts cover them all. */
export const myWorkPageLimit = 200;

/** What the My work page shows: the groups, whether they load, and the headline counts. */
export function useMyWorkPage() {
  const work = useMyWork(myWorkPageLimit);
  return {
    work: work.data ?? null,
    loading: work.isPending,
    error: work.isError ? work.error.message : null,
    summary: work.data ? summaryOf(work.data) : null,
  };
}

/** "3 overdue, 2 due this week, 1 Blocked past target, of 12": the line under the title. */
export function summaryOf(work: MyWork): string {
  const { counts } = work;
  if (counts.total === 0) return i18n.t("myWork.summaryNone");
  return i18n.t("myWork.summary", {
    overdue: counts.overdue,
    week: counts.due_this_week,
    weekEnds: formatDate(work.weekEnds),
    blocked: counts.blocked_past_target,
    total: counts.total,
    today: formatDate(work.today),
    zone: work.timeZone,
  });
}

/** Why an entitlement is in its group, in the app's language (the API's `reason` is English). */
export function reasonOf(item: Pick<MyWorkItem, "group" | "date">, today: string): string {
  const { group, date } = item;
  if (!date) return i18n.t("myWork.reason.undated");
  const on = formatDate(date);
  if (group === "overdue")
    return i18n.t("myWork.reason.overdue", { date: on, count: daysBetween(date, today) });
  if (group === "due_this_week") {
    const count = daysBetween(today, date);
    return count === 0
      ? i18n.t("myWork.reason.dueToday", { date: on })
      : i18n.t("myWork.reason.due", { date: on, count });
  }
  if (group === "blocked_past_target") {
    return i18n.t("myWork.reason.pastTarget", { date: on, count: daysBetween(date, today) });
  }
  return i18n.t("myWork.reason.later", { date: on });
}

/** The badge on "My work" in the navigation: what needs action this week. */
export function actionCount(work: MyWork | undefined): number {
  return work ? work.counts.overdue + work.counts.due_this_week : 0;
}
