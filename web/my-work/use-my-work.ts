import type { MyWork } from "../api/api-types.ts";
import { useMyWork } from "../api/queries.ts";

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
  if (counts.total === 0) return "Nothing is assigned to you or owned by you.";
  const parts = [
    `${counts.overdue} overdue`,
    `${counts.due_this_week} due this week (to ${work.weekEnds})`,
    `${counts.blocked_past_target} Blocked past the target date`,
  ];
  return `${parts.join(", ")}, of ${counts.total} entitlements. Today is ${work.today} (${work.timeZone}).`;
}

/** The badge on "My work" in the navigation: what needs action this week. */
export function actionCount(work: MyWork | undefined): number {
  return work ? work.counts.overdue + work.counts.due_this_week : 0;
}
