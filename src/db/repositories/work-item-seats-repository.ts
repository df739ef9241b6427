import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { rowsOf, uuidArray } from "../infra/raw-rows.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";

/**
 * What a work item links to (docs/ROADMAP.md): segments Blocked with its L2
 * (and its L3, when it names one) on entitlements of its services (any, when
 * it names none) that no full feed ended. Counted as seats and distinct
 * tenants, so counts of few tenants can be withheld from aggregate readers.
 */
export interface SeatCount {
  seats: number;
  tenants: number;
}

/** The link condition between work item `w`, segment `s` and entitlement `e`. */
function linked(): SQL {
  return sql`s.l1 = ${blockedL1} and s.l2 = w.l2 and (w.l3 is null or s.l3 = w.l3)
    and (cardinality(w.service_ids) = 0 or e.service_id = any(w.service_ids)) and e.ended_at is null`;
}

const scoped = (visibleTo: TenantScope) =>
  tenantScopeCondition(visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` }) ?? sql`true`;

/** Seats Blocked now with each item's link, within `visibleTo`; every id given has an entry. */
export async function blockedSeatsOfItems(
  db: Db,
  ids: readonly string[],
  visibleTo: TenantScope,
): Promise<Map<string, SeatCount>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<SeatCount & { id: string }>(
    db,
    sql`select w.id::text as id, coalesce(c.seats, 0)::int as seats, coalesce(c.tenants, 0)::int as tenants
        from work_items w
        left join lateral (
          select sum(s.seats) as seats, count(distinct e.tenant_id) as tenants
            from status_segments s
            join entitlements e on e.id = s.entitlement_id
            join tenants t on t.id = e.tenant_id
           where ${linked()} and ${scoped(visibleTo)}
        ) c on true
        where w.id = any(${uuidArray(ids)}::uuid[])`,
  );
  return new Map(rows.map(({ id, ...count }) => [id, count]));
}

/** One linked Blocked entitlement and one person who owns its linked seats (null: nobody resolves). */
export interface LinkedOwner {
  entitlementId: string;
  tenantId: string;
  version: number;
  seats: number;
  /** "Teams at Contoso EU": how an English notice names it. */
  label: string;
  /** The service's and the tenant's names, for a notice in another language. */
  serviceName: string;
  tenantName: string;
  userId: string | null;
}

/**
 * Every Blocked entitlement linked to the item, with the people owning its
 * linked segments: a person owner, or the people of a team owner's role
 * assigned to the tenant or its customer (the owner resolution of
 * docs/OWNERS.md); disabled accounts are left out. An entitlement whose
 * owners resolve to nobody comes once with userId null. Whole portfolio:
 * shipping tells every owner, whoever shipped it.
 */
export async function linkedOwners(db: Db, workItemId: string): Promise<LinkedOwner[]> {
  return rowsOf<LinkedOwner>(
    db,
    sql`with linked as (
          select s.entitlement_id, s.seats, s.owner_user_id, s.owner_team, e.version, e.tenant_id,
            t.customer_id, sv.name || ' at ' || t.name as label, sv.name as service_name, t.name as tenant_name
          from work_items w
          join status_segments s on s.l1 = ${blockedL1} and s.l2 = w.l2
          join entitlements e on e.id = s.entitlement_id
          join tenants t on t.id = e.tenant_id
          join services sv on sv.id = e.service_id
          where w.id = ${workItemId}::uuid and ${linked()}
        ), entitlement_seats as (
          select entitlement_id, max(tenant_id::text) as tenant_id, max(version) as version, sum(seats)::int as seats, max(label) as label,
            max(service_name) as service_name, max(tenant_name) as tenant_name
          from linked group by entitlement_id
        ), people as (
          select l.entitlement_id, l.owner_user_id as user_id from linked l where l.owner_user_id is not null
          union
          select l.entitlement_id, a.user_id
          from linked l
          join assignments a on a.tenant_id = l.tenant_id or a.customer_id = l.customer_id
          join users u on u.id = a.user_id and u.role = l.owner_team
          where l.owner_team is not null
        ), enabled as (
          select p.* from people p
          left join user_accounts ua on ua.user_id = p.user_id
          where ua.disabled_at is null
        )
        select es.entitlement_id::text as "entitlementId", es.tenant_id as "tenantId", es.version::int as "version", es.seats as "seats",
          es.label as "label", es.service_name as "serviceName", es.tenant_name as "tenantName", p.user_id::text as "userId"
        from entitlement_seats es
        left join enabled p on p.entitlement_id = es.entitlement_id
        order by es.label, es.entitlement_id, p.user_id`,
  );
}

/** Blocked seats with item `i`'s link in a history snapshot (`before` or `after`). */
function linkedSeatsIn(snapshot: "before" | "after"): SQL {
  return sql`(select coalesce(sum((seg->>'seats')::int), 0) from jsonb_array_elements(h.${sql.raw(snapshot)}->'segments') seg
     where seg->>'l1' = ${blockedL1} and seg->>'l2' = i.l2 and (i.l3 is null or seg->>'l3' = i.l3))`;
}

/**
 * Seats unblocked in the 90 days after each item shipped, from the status
 * history: per entitlement of its services with a change from the shipped
 * date (00:00 UTC) through day 90 (and no later than `now`), the linked
 * Blocked seats before its first change in the window less those after its
 * last one, when fewer. Net per entitlement, so seats Blocked and unblocked
 * again within the window count once; tenants count those with seats unblocked.
 */
export async function unblockedAfterShip(
  db: Db,
  ids: readonly string[],
  visibleTo: TenantScope,
  now: Date,
): Promise<Map<string, SeatCount>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<SeatCount & { id: string }>(
    db,
    sql`with items as (
          select id, l2, l3, service_ids, (shipped_date::timestamp at time zone 'UTC') as opens
          from work_items where id = any(${uuidArray(ids)}::uuid[]) and shipped_date is not null
        ), changes as (
          select i.id as item_id, h.entitlement_id, e.tenant_id, h.at, h.id as history_id,
            ${linkedSeatsIn("before")} as before_seats, ${linkedSeatsIn("after")} as after_seats
          from items i
          join status_history h on h.at >= i.opens and h.at < i.opens + interval '91 days'
            and h.at <= ${now.toISOString()}::timestamptz
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          where (cardinality(i.service_ids) = 0 or e.service_id = any(i.service_ids))
            and e.ended_at is null and ${scoped(visibleTo)}
        ), per_entitlement as (
          select item_id, tenant_id,
            (array_agg(before_seats order by at, history_id))[1]
              - (array_agg(after_seats order by at desc, history_id desc))[1] as unblocked
          from changes group by item_id, entitlement_id, tenant_id
        )
        select i.id::text as id,
          coalesce(sum(greatest(p.unblocked, 0)), 0)::int as seats,
          count(distinct p.tenant_id) filter (where p.unblocked > 0)::int as tenants
        from items i left join per_entitlement p on p.item_id = i.id
        group by i.id`,
  );
  return new Map(rows.map(({ id, ...count }) => [id, count]));
}
