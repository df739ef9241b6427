import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { QualityFinding, QualityRuleId } from "../../domain/quality/quality-rules.ts";
import { qualityRuleIds } from "../../domain/quality/quality-rules.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { type QualitySqlRules, qualityFindingsSql } from "../sql/quality-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { uuidOrNobody } from "./assignment-repository.ts";

/** Which entitlements the queue reads: within a read scope, optionally one person's ("mine"). */
export interface QualityScope {
  visibleTo: TenantScope;
  /**
   * Only this person's items, as My work counts them: on tenants they are
   * assigned to (directly or through the customer), or on segments they own.
   */
  mineOf?: string | null;
  /** Only entitlements whose status changed at or after this time (the note judge's quick look). */
  changedSince?: Date | null;
}

export interface QualityQuery extends QualityScope, QualitySqlRules {
  /** Only items whose segment is owned by this team (a playbook role id). */
  team?: string | null;
  rule?: QualityRuleId | null;
  limit: number;
  offset: number;
}

export interface QualityItemRow {
  rule: QualityRuleId;
  entitlementId: string;
  version: number;
  position: number | null;
  date: string | null;
  data: QualityFinding["data"] | null;
  tenant: { id: string; name: string; domain: string };
  customer: { id: string; name: string };
  serviceId: string;
  segment: { l1: string; l2: string | null; seats: number } | null;
  owner: { kind: OwnerKind; userId: string | null; role: string | null; name: string | null };
}

export type OwnerKind = "person" | "team" | "text" | "none";

export interface OwnerCount {
  kind: OwnerKind;
  userId: string | null;
  role: string | null;
  name: string | null;
  count: number;
}

export interface QualityRows {
  total: number;
  byRule: Record<QualityRuleId, number>;
  byOwner: OwnerCount[];
  items: QualityItemRow[];
}

/** The entitlements in scope (not ended), with `assigned`: the person of mineOf is assigned to its tenant. */
export function scopedEntitlementsSql(scope: QualityScope): SQL {
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  const mine = scope.mineOf ? uuidOrNobody(scope.mineOf) : null;
  const assigned = mine
    ? sql`exists (select 1 from assignments ma where ma.user_id = ${mine}::uuid
        and (ma.tenant_id = t.id or ma.customer_id = t.customer_id))`
    : sql`false`;
  // A team's people are assigned to the tenant or customer, so assignments and person owners find them all.
  const candidates = mine
    ? sql`and e.id in (select ce.id from assignments ca join entitlements ce on ce.tenant_id = ca.tenant_id
          where ca.user_id = ${mine}::uuid
        union select ce.id from assignments ca join tenants ct on ct.customer_id = ca.customer_id
          join entitlements ce on ce.tenant_id = ct.id where ca.user_id = ${mine}::uuid
        union select cs.entitlement_id from status_segments cs where cs.owner_user_id = ${mine}::uuid)`
    : sql``;
  // A reader of their own tenants is driven from their assignments rather than checked per entitlement.
  const reader = scope.visibleTo.kind === "assigned" ? uuidOrNobody(scope.visibleTo.userId) : null;
  const readable = reader
    ? sql`and e.tenant_id in (select ra.tenant_id from assignments ra where ra.user_id = ${reader}::uuid
          and ra.tenant_id is not null
        union select rt.id from assignments ra join tenants rt on rt.customer_id = ra.customer_id
          where ra.user_id = ${reader}::uuid)`
    : sql``;
  return sql`select e.id, e.version, e.tenant_id, t.customer_id, e.service_id, e.available_seats,
      e.updated_at, e.resplit_needed, ${assigned} as assigned
    from entitlements e join tenants t on t.id = e.tenant_id
    where e.ended_at is null ${visible ? sql`and ${visible}` : sql``} ${readable} ${candidates}
      ${scope.changedSince ? sql`and e.updated_at >= ${scope.changedSince.toISOString()}::timestamptz` : sql``}`;
}

const ruleRank = sql`case i.rule ${sql.join(
  qualityRuleIds.map((rule, rank) => sql`when ${rule} then ${rank}`),
  sql` `,
)} end`;

const ownerKind = sql`case when f.owner_user_id is not null then 'person' when f.owner_team is not null then 'team'
  when btrim(coalesce(f.owner, '')) <> '' then 'text' else 'none' end`;

/** The page's order: rule, date (oldest first), customer, tenant, service, segment. */
const pageOrder = sql`p.rank, p.date nulls last, p.customer_name, p.tenant_name, p.service_id, p.entitlement_id,
  p.position nulls first`;

/**
 * The queue's items: counts by rule (all rules) and by owner, and one page,
 * per the filters; one statement over one pass of the scope's segments.
 */
export async function readQuality(db: Db, query: QualityQuery): Promise<QualityRows> {
  const mine = query.mineOf ? uuidOrNobody(query.mineOf) : null;
  const ownerFilter = [
    mine ? sql`(f.assigned or f.owner_user_id = ${mine}::uuid)` : null,
    query.team ? sql`f.owner_team = ${query.team}` : null,
  ].filter((c): c is SQL => c !== null);
  const ruleFilter = query.rule ? sql`i.rule = ${query.rule}` : sql`true`;
  const [row] = await rowsOf<{ answer: QualityRows }>(
    db,
    sql`with scoped as materialized (${scopedEntitlementsSql(query)}),
    items as materialized (
      select f.*, ${ownerKind} as owner_kind from (${qualityFindingsSql(query)}) f
      ${ownerFilter.length > 0 ? sql`where ${sql.join(ownerFilter, sql` and `)}` : sql``}
    )
    select json_build_object(
      'byRule', (select coalesce(json_object_agg(r.rule, r.n), '{}'::json)
        from (select i.rule, count(*)::int as n from items i group by i.rule) r),
      'byOwner', (select coalesce(json_agg(json_build_object('kind', o.kind, 'userId', o.user_id, 'role', o.role,
          'name', coalesce(ou.name, o.text), 'count', o.count) order by o.count desc, coalesce(ou.name, o.text)
          nulls last), '[]'::json) from (
        select i.owner_kind as kind, i.owner_user_id as user_id, i.owner_team as role, min(i.owner) as text,
          count(*)::int as count
        from items i where ${ruleFilter}
        group by i.owner_kind, i.owner_user_id, i.owner_team,
          case when i.owner_kind = 'text' then lower(btrim(i.owner)) end) o
        left join users ou on ou.id = o.user_id),
      'items', (select coalesce(json_agg(json_build_object('rule', p.rule, 'entitlementId', p.entitlement_id,
          'version', p.version, 'position', p.position, 'date', p.date::text, 'data', p.data,
          'tenant', json_build_object('id', p.tenant_id, 'name', p.tenant_name, 'domain', p.tenant_domain),
          'customer', json_build_object('id', p.customer_id, 'name', p.customer_name), 'serviceId', p.service_id,
          'segment', case when p.l1 is null then null
            else json_build_object('l1', p.l1, 'l2', p.l2, 'seats', p.seats) end,
          'owner', json_build_object('kind', p.owner_kind, 'userId', p.owner_user_id, 'role', p.owner_team,
            'name', coalesce((select ou.name from users ou where ou.id = p.owner_user_id), p.owner)))
          order by ${pageOrder}), '[]'::json) from (
        -- Sorted on the keys alone; the page's rows only are built into JSON.
        select i.*, ${ruleRank} as rank, c.name as customer_name, t.name as tenant_name, t.domain as tenant_domain
        from items i join tenants t on t.id = i.tenant_id join customers c on c.id = i.customer_id
        where ${ruleFilter}
        order by ${ruleRank}, i.date nulls last, c.name, t.name, i.service_id, i.entitlement_id,
          i.position nulls first
        limit ${query.limit} offset ${query.offset}) p)
    ) as answer`,
  );
  const answer = row!.answer;
  const byRule = Object.fromEntries(qualityRuleIds.map((rule) => [rule, answer.byRule[rule] ?? 0])) as Record<
    QualityRuleId,
    number
  >;
  // byRule counts under every filter but the rule: the total follows from it without another scan.
  const total = query.rule ? byRule[query.rule] : Object.values(byRule).reduce((sum, n) => sum + n, 0);
  return { ...answer, total, byRule };
}
