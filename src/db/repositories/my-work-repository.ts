import { type SQL, sql } from "drizzle-orm";
import { type MyWorkGroup, myWorkGroups } from "../../domain/my-work/my-work-groups.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { ownedBySql, type SegmentOwner } from "../sql/owned-by-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { uuidOrNobody } from "./assignment-repository.ts";

export interface MyWorkQuery {
  /** Whose work: assigned to (customer or tenant) or owner of a segment. */
  user: SegmentOwner;
  /** What the reader may see at all (the actor's read scope): ownership never widens it. */
  visibleTo: TenantScope;
  /** YYYY-MM-DD: next actions before it are overdue; from it to weekEnd they are due this week. */
  today: string;
  weekEnd: string;
  /** Most rows per group. */
  limit: number;
}

export interface MyWorkRow {
  id: string;
  group: MyWorkGroup;
  date: string | null;
  assigned: boolean;
  owner: boolean;
}

export interface MyWorkRows {
  /** Per group, at most `limit` rows, in the order to work through them. */
  rows: MyWorkRow[];
  counts: Record<MyWorkGroup, number>;
  assignments: number;
}

/**
 * The entitlements that are the user's (not ended, within `visibleTo`), each
 * in the first group it qualifies for (domain/my-work/my-work-groups.ts),
 * judged by the user's segments: all of them where the user is assigned, the
 * owned ones elsewhere. Candidates are collected from the user's assignments
 * and owned segments first, so the statement never walks the portfolio.
 */
export async function readMyWork(db: Db, query: MyWorkQuery): Promise<MyWorkRows> {
  const userId = uuidOrNobody(query.user.id);
  const rows = await rowsOf<MyWorkRow & { total: number }>(db, myWorkStatement(query, userId));
  const counts = Object.fromEntries(myWorkGroups.map((group) => [group, 0])) as Record<MyWorkGroup, number>;
  for (const row of rows) counts[row.group] = row.total;
  const [assigned] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from assignments where user_id = ${userId}::uuid`,
  );
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    counts,
    assignments: assigned?.n ?? 0,
  };
}

function myWorkStatement(query: MyWorkQuery, userId: string): SQL {
  const scope = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  // A scope of the user's own assignments holds every assigned candidate: only owned ones need the check.
  const coversAssigned = query.visibleTo.kind === "assigned" && query.visibleTo.userId === query.user.id;
  const visible = scope && coversAssigned ? sql`(c.assigned or ${scope})` : scope;
  const today = sql`${query.today}::date`;
  const mine = sql`(c.assigned or ${ownedBySql("s", query.user)})`;
  return sql`with candidates as (
      select id, bool_or(assigned) as assigned, bool_or(owner) as owner from (
        select e.id, true as assigned, false as owner
          from assignments a join entitlements e on e.tenant_id = a.tenant_id
         where a.user_id = ${userId}::uuid
        union all
        select e.id, true, false
          from assignments a join tenants ct on ct.customer_id = a.customer_id
          join entitlements e on e.tenant_id = ct.id
         where a.user_id = ${userId}::uuid
        union all
        select s.entitlement_id, false, true from status_segments s where ${ownedBySql("s", query.user)}
      ) found group by id
    ), dated as (
      select c.id, c.assigned, c.owner, ec.name as customer_name, t.name as tenant_name, e.service_id,
        min(s.next_action_date) filter (where ${mine} and s.next_action_date < ${today}) as overdue,
        min(s.next_action_date) filter (where ${mine} and s.next_action_date >= ${today}
          and s.next_action_date <= ${query.weekEnd}::date) as due,
        min(s.target_date) filter (where ${mine} and s.l1 = ${blockedL1} and s.target_date < ${today}) as passed,
        min(s.next_action_date) filter (where ${mine}) as next_date
      from candidates c
      join entitlements e on e.id = c.id
      join tenants t on t.id = e.tenant_id
      join customers ec on ec.id = t.customer_id
      left join status_segments s on s.entitlement_id = c.id
      where e.ended_at is null ${visible ? sql`and ${visible}` : sql``}
      group by c.id, c.assigned, c.owner, ec.name, t.name, e.service_id
    ), grouped as (
      select d.*,
        case when overdue is not null then 'overdue' when due is not null then 'due_this_week'
             when passed is not null then 'blocked_past_target' else 'rest' end as "group",
        case when overdue is not null then 0 when due is not null then 1
             when passed is not null then 2 else 3 end as group_rank,
        coalesce(overdue, due, passed, next_date) as date
      from dated d
    ), ordered as (
      select g.*,
        row_number() over (partition by g.group_rank
          order by g.date nulls last, g.customer_name, g.tenant_name, g.service_id, g.id) as place,
        count(*) over (partition by g.group_rank) as total
      from grouped g
    )
    select id::text as "id", "group", date::text as "date", assigned, owner, total::int as "total"
      from ordered where place <= ${query.limit}
     order by group_rank, place`;
}
